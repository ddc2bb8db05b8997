#include <doctest/doctest.h>

#include <algorithm>

#include "nmf/operator.hpp"
#include "nmf/primitives.hpp"
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

RowMatrix random_factor(Eigen::Index rows, Eigen::Index k, unsigned seed) {
  std::srand(seed);
  return RowMatrix::Random(rows, k).cwiseAbs();
}

// The plain in-order loop, cloned like the kernels (core/cpu_dispatch.hpp)
// so that both run the instructions this processor is given: with FMA a
// multiply-add rounds once, without it twice.
UNBAKE_KERNEL RowMatrix plain_product(const SparseMatrix& V, const RowMatrix& O) {
  const Eigen::Index k = O.cols();
  RowMatrix plain = RowMatrix::Zero(V.rows(), k);
  for (Eigen::Index i = 0; i < V.outerSize(); ++i) {
    double* out = plain.data() + i * k;
    for (int p = V.outerIndexPtr()[i]; p < V.outerIndexPtr()[i + 1]; ++p) {
      const double v = V.valuePtr()[p];
      const double* o = O.data() + Eigen::Index{V.innerIndexPtr()[p]} * k;
      for (Eigen::Index t = 0; t < k; ++t) out[t] += v * o[t];
    }
  }
  return plain;
}

}  // namespace

TEST_CASE("sparse products agree with dense products") {
  // More rows than one block so the fixed partition is exercised.
  const SparseMatrix V = noisy(700, 90, 1, 0.1);
  const SparseMatrix Vt = compressed_transpose(V);
  const RowMatrix W = random_factor(700, 6, 1), Ht = random_factor(90, 6, 2);
  RowMatrix a, b;
  multiply(V, Ht, a, 2);
  multiply(Vt, W, b, 3);
  const Matrix D = Matrix(V);
  CHECK((a - D * Ht).norm() <= 1e-12 * (D * Ht).norm());
  CHECK((b - D.transpose() * W).norm() <= 1e-12 * (D.transpose() * W).norm());
}

TEST_CASE("row products of every width equal a plain in-order loop, bit for bit") {
  // Widths 5 to 32 run a fixed-width kernel each; the others the plain loop.
  const SparseMatrix V = noisy(300, 70, 5, 0.3);
  for (Eigen::Index k = 1; k <= 34; ++k) {
    CAPTURE(k);
    const RowMatrix O = random_factor(70, k, static_cast<unsigned>(k));
    RowMatrix got;
    multiply(V, O, got, 2);
    const RowMatrix plain = plain_product(V, O);
    const Matrix dense = Matrix(V) * O;
    CHECK((got - dense).norm() <= 1e-12 * dense.norm());
    CHECK((got.array() == plain.array()).all());
  }
}

TEST_CASE("the parallel transpose is Eigen's transpose for any thread count") {
  // Enough non-zeros (> 2 · 65,536) that two and three threads cut the rows;
  // every 7th row and column is left empty.
  SparseMatrix V = noisy(1500, 400, 6, 0.35);
  V.prune([](Eigen::Index r, Eigen::Index c, double) { return r % 7 != 3 && c % 7 != 5; });
  V.makeCompressed();
  REQUIRE(V.nonZeros() > 2 * 65536);
  SparseMatrix expected = V.transpose();
  expected.makeCompressed();
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    const SparseMatrix t = compressed_transpose(V, threads);
    REQUIRE(t.isCompressed());
    REQUIRE(t.rows() == 400);
    REQUIRE(t.nonZeros() == expected.nonZeros());
    CHECK(std::equal(t.outerIndexPtr(), t.outerIndexPtr() + 401, expected.outerIndexPtr()));
    CHECK(std::equal(t.innerIndexPtr(), t.innerIndexPtr() + t.nonZeros(), expected.innerIndexPtr()));
    CHECK(std::equal(t.valuePtr(), t.valuePtr() + t.nonZeros(), expected.valuePtr()));
  }
  // An uncompressed operand is transposed too.
  SparseMatrix loose = V;
  loose.uncompress();
  CHECK(Matrix(compressed_transpose(loose, 2)) == Matrix(expected));
}

TEST_CASE("Gram, column sums and the objective from traces match the dense computation") {
  const SparseMatrix V = noisy(600, 80, 2, 0.2);
  const SparseMatrix Vt = compressed_transpose(V);
  const RowMatrix W = random_factor(600, 5, 3), Ht = random_factor(80, 5, 4);
  const SparsePair pair(V, Vt, squared_norm(V));
  const FactorStats sw = factor_stats(W, 2);
  const FactorStats sh = factor_stats(Ht, pair.forward().transposed(), W, 2);
  CHECK((sw.gram - Matrix(W.transpose() * W)).norm() <= 1e-12 * sw.gram.norm());
  CHECK((sw.colsum - Vector(W.colwise().sum().transpose())).norm() <= 1e-12 * sw.colsum.norm());
  const Matrix D = Matrix(V);
  CHECK(sh.cross == doctest::Approx((W.transpose() * D * Ht).trace()).epsilon(1e-12));
  const double dense = (D - W * Ht.transpose()).squaredNorm();
  const double from_traces = frobenius_sq(squared_norm(V), sh.cross, sw.gram, sh.gram);
  CHECK(from_traces == doctest::Approx(dense).epsilon(1e-10));
}

TEST_CASE("reductions are bit-identical for any thread count") {
  const SparseMatrix V = noisy(1000, 70, 3, 0.1), Vt = compressed_transpose(V);
  const SparsePair pair(V, Vt, squared_norm(V));
  const RowMatrix Ht = random_factor(70, 7, 5), W = random_factor(1000, 7, 6);
  const FactorStats one = factor_stats(W, pair.forward(), Ht, 1);
  for (int threads : {2, 3, 4}) {
    const FactorStats many = factor_stats(W, pair.forward(), Ht, threads);
    CHECK(one.gram == many.gram);
    CHECK(one.colsum == many.colsum);
    CHECK(one.cross == many.cross);
  }
}

TEST_CASE("the Gram of a factor with zeros is exact and exactly symmetric") {
  // Rows taken four at a time with all-zero positions skipped: rows whose
  // zeros differ, a row count that leaves a short last group, and (k = 300)
  // the path that does not gather positions.
  for (Eigen::Index k : {Eigen::Index{7}, Eigen::Index{300}}) {
    RowMatrix F = random_factor(517, k, 11);
    for (Eigen::Index i = 0; i < F.rows(); ++i)
      for (Eigen::Index t = 0; t < k; ++t)
        if ((i * 7 + t * 3) % 5 < 3) F(i, t) = 0;  // about 60% zeros, in no fixed column
    F.row(3).setZero();
    const FactorStats s = factor_stats(F, 2);
    const Matrix dense = F.transpose() * F;
    CHECK((s.gram - dense).norm() <= 1e-12 * dense.norm());
    CHECK(s.gram == s.gram.transpose());
    CHECK((s.colsum - Vector(F.colwise().sum().transpose())).norm() <= 1e-12 * s.colsum.norm());
  }
}

TEST_CASE("row times Gram agrees with a plain loop over the row") {
  // Every chunking of k (16, 4 and 1 columns at a time) and rows with zeros.
  // Agreement to round-off only: whether a multiply-add is fused differs
  // between the two loops with the compiler's choices.
  for (Eigen::Index k : {1, 3, 4, 5, 16, 20, 37, 50}) {
    CAPTURE(k);
    const RowMatrix F = random_factor(2 * k + 3, k, 21);
    const Matrix G = F.transpose() * F;
    RowMatrix rows = random_factor(4, k, 22);
    for (Eigen::Index t = 0; t < k; t += 3) rows(1, t) = 0;
    rows.row(2).setZero();
    for (Eigen::Index i = 0; i < rows.rows(); ++i) {
      const double* f = rows.data() + i * k;
      Vector plain = Vector::Zero(k);
      for (Eigen::Index a = 0; a < k; ++a)
        for (Eigen::Index t = 0; t < k; ++t) plain[t] += f[a] * G(a, t);
      Vector got(k);
      row_times_gram(f, G, got.data());
      CHECK((got - plain).norm() <= 1e-14 * (1 + plain.norm()));
    }
  }
}

TEST_CASE("storage-order copies by tiles equal Eigen's conversions") {
  // 64-row tiles: 1, 64 and 150 rows end a tile short, exactly, and partway.
  for (Eigen::Index rows : {1, 64, 150}) {
    CAPTURE(rows);
    const RowMatrix F = random_factor(rows, 7, static_cast<unsigned>(rows));
    const Matrix C = to_col_major(F);
    CHECK(C == Matrix(F));
    CHECK(to_row_major(C) == F);
  }
}
