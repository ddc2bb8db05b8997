// The in-memory operator pair against dense computations written here.
#include <doctest/doctest.h>

#include <cmath>

#include "nmf/operator.hpp"
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

struct Fixture {
  SparseMatrix V = noisy(300, 45, 7, 0.2);  // more rows than one block
  SparseMatrix Vt = compressed_transpose(V);
  Matrix D = Matrix(V);
  SparsePair pair{V, Vt, squared_norm(V)};
};

}  // namespace

TEST_CASE("the operator and its transpose describe the same matrix") {
  Fixture x;
  const MatrixOperator& op = x.pair.forward();
  CHECK(op.rows() == 300);
  CHECK(op.cols() == 45);
  CHECK(op.transposed().rows() == 45);
  CHECK(op.transposed().cols() == 300);
  CHECK(&op.transposed().transposed() == &op);
  CHECK(op.nonzeros() == x.V.nonZeros());
  CHECK(op.squared_norm() == doctest::Approx(x.D.squaredNorm()).epsilon(1e-14));
  CHECK(op.transposed().squared_norm() == op.squared_norm());
}

TEST_CASE("block products agree with dense products, on either side") {
  Fixture x;
  for (Eigen::Index k : {3, 6, 40}) {
    INFO("k = " << k);
    const RowMatrix W = positive_factor(300, k, 1), Ht = positive_factor(45, k, 2);
    RowMatrix a(300, k), b(45, k);
    x.pair.forward().product_rows(0, 300, Ht, a.data());
    x.pair.forward().transposed().product_rows(0, 45, W, b.data());
    const Matrix ea = x.D * Ht, eb = x.D.transpose() * W;
    CHECK((a - ea).norm() <= 1e-13 * ea.norm());
    CHECK((b - eb).norm() <= 1e-13 * eb.norm());
    // A block in the middle gives exactly the rows the whole product gives.
    RowMatrix part(40, k);
    x.pair.forward().product_rows(100, 140, Ht, part.data());
    CHECK(part == a.middleRows(100, 40));
  }
}

TEST_CASE("the KL pieces agree with a dense computation of the ratio and divergence") {
  Fixture x;
  const Eigen::Index k = 5;
  const RowMatrix W = positive_factor(300, k, 3), Ht = positive_factor(45, k, 4);
  const Matrix model = W * Ht.transpose();
  // Rows of (V / model) · Ht, with 0 where V is 0.
  const Matrix ratio = (x.D.array() / model.array()).matrix();
  const Matrix numerator = ratio * Ht;
  Vector out(k);
  for (Eigen::Index i : {0, 17, 299}) {
    x.pair.forward().ratio_product_row(i, W.data() + i * k, Ht, out.data());
    CHECK((out.transpose() - numerator.row(i)).norm() <= 1e-12 * (1 + numerator.row(i).norm()));
  }
  double expected = 0;
  for (Eigen::Index i = 0; i < x.D.rows(); ++i)
    for (Eigen::Index j = 0; j < x.D.cols(); ++j)
      if (x.D(i, j) > 0) expected += x.D(i, j) * std::log(x.D(i, j) / model(i, j)) - x.D(i, j);
  const double rows_side = x.pair.forward().divergence_rows(0, 300, W, Ht);
  const double cols_side = x.pair.forward().transposed().divergence_rows(0, 45, Ht, W);
  CHECK(rows_side == doctest::Approx(expected).epsilon(1e-12));
  CHECK(cols_side == doctest::Approx(expected).epsilon(1e-12));
}

TEST_CASE("stats through the operator: the factor's own stats and cross, bit for bit at any thread count") {
  Fixture x;
  const RowMatrix W = positive_factor(300, 6, 5), Ht = positive_factor(45, 6, 6);
  const FactorStats plain = factor_stats(W, 1);
  RowMatrix products(300, 6);
  x.pair.forward().product_rows(0, 300, Ht, products.data());
  const FactorStats one = factor_stats(W, x.pair.forward(), Ht, 1);
  CHECK(one.cross == doctest::Approx(W.cwiseProduct(products).sum()).epsilon(1e-13));
  for (int threads : {1, 2, 3}) {
    const FactorStats s = factor_stats(W, x.pair.forward(), Ht, threads);
    CHECK(s.gram == plain.gram);
    CHECK(s.colsum == plain.colsum);
    CHECK(s.cross == one.cross);
  }
}
