#include <doctest/doctest.h>

#include "nmf/init.hpp"
#include "nmf/primitives.hpp"
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

StartingFactors start(const SparseMatrix& V, int k, Init init, std::uint64_t seed, int threads = 2) {
  return initialise(V, compressed_transpose(V), k, init, seed, threads);
}

}  // namespace

TEST_CASE("every init gives non-negative factors of the right shape") {
  const SparseMatrix V = noisy(40, 25, 1);
  for (Init init : {Init::random, Init::nndsvd, Init::nndsvda, Init::nndsvdar}) {
    const StartingFactors f = start(V, 5, init, 7);
    CHECK(f.W.rows() == 40);
    CHECK(f.W.cols() == 5);
    CHECK(f.Ht.rows() == 25);
    CHECK(f.Ht.cols() == 5);
    CHECK(f.W.minCoeff() >= 0);
    CHECK(f.Ht.minCoeff() >= 0);
    CHECK(f.W.maxCoeff() > 0);
  }
}

TEST_CASE("random init is bounded by sqrt(mean/k) and reproduced by its seed") {
  const SparseMatrix V = noisy(30, 20, 2);
  const double mean = Matrix(V).mean();
  const StartingFactors a = start(V, 4, Init::random, 99);
  CHECK(a.W.maxCoeff() < std::sqrt(mean / 4));
  CHECK(a.Ht.maxCoeff() < std::sqrt(mean / 4));
  CHECK(start(V, 4, Init::random, 99, 1).W == a.W);
  CHECK(start(V, 4, Init::random, 99, 3).Ht == a.Ht);
  CHECK(start(V, 4, Init::random, 100).W != a.W);
}

namespace {

void check_svd_matches_dense(const SparseMatrix& V, int k, double tol) {
  const TruncatedSvd svd = truncated_svd(V, compressed_transpose(V), k, 2);
  Eigen::JacobiSVD<Matrix> dense(Matrix(V), Eigen::ComputeThinU | Eigen::ComputeThinV);
  CHECK((svd.U.transpose() * svd.U - Matrix::Identity(k, k)).norm() <= 1e-10);
  for (int j = 0; j < k; ++j) {
    CHECK(svd.s[j] == doctest::Approx(dense.singularValues()[j]).epsilon(tol));
    // Vectors agree up to sign.
    CHECK(std::abs(svd.U.col(j).dot(dense.matrixU().col(j))) == doctest::Approx(1).epsilon(tol));
    CHECK(std::abs(svd.R.col(j).dot(dense.matrixV().col(j))) == doctest::Approx(1).epsilon(tol));
  }
  CHECK((Matrix(V) * svd.R.col(0) - svd.s[0] * svd.U.col(0)).norm() <= tol * svd.s[0]);
}

}  // namespace

TEST_CASE("truncated SVD is exact on small matrices (dense Gram, either orientation)") {
  check_svd_matches_dense(noisy(30, 50, 3, 0.3), 4, 1e-8);
  check_svd_matches_dense(noisy(60, 25, 3, 0.3), 4, 1e-8);
}

TEST_CASE("randomized truncated SVD is exact for low rank and close on noisy data") {
  check_svd_matches_dense(planted(400, 300, 4, 8).V, 4, 1e-8);
  check_svd_matches_dense(planted(300, 420, 4, 9).V, 4, 1e-8);
  // Full-rank noise has a flat spectrum, the hardest case for subspace
  // iteration; the leading pair is still accurate.
  const SparseMatrix V = noisy(400, 300, 3, 0.05);
  const TruncatedSvd svd = truncated_svd(V, compressed_transpose(V), 4, 2);
  Eigen::JacobiSVD<Matrix> dense(Matrix(V), Eigen::ComputeThinU);
  CHECK(svd.s[0] == doctest::Approx(dense.singularValues()[0]).epsilon(1e-6));
  CHECK(std::abs(svd.U.col(0).dot(dense.matrixU().col(0))) == doctest::Approx(1).epsilon(1e-6));
  for (int j = 0; j < 4; ++j) CHECK(svd.s[j] <= dense.singularValues()[j] * (1 + 1e-12));
}

TEST_CASE("nndsvd keeps one sign part of each singular vector, nndsvda/ar fill the zeros") {
  const SparseMatrix V = noisy(60, 40, 4, 0.2);
  const SparseMatrix Vt = compressed_transpose(V);
  const TruncatedSvd svd = truncated_svd(V, Vt, 4, 1);
  const StartingFactors f = start(V, 4, Init::nndsvd, 0);
  CHECK((f.W.array() == 0).count() > 0);
  for (int j = 1; j < 4; ++j) {
    // W's column j is zero exactly off the support of one sign of u_j.
    const bool positive = (f.W.col(j).array() > 0).select(svd.U.col(j).array(), 0.0).sum() > 0;
    for (int i = 0; i < 60; ++i) {
      const double u = positive ? svd.U(i, j) : -svd.U(i, j);
      if (f.W(i, j) > 0) CHECK(u > 0);
      if (u > 1e-3) CHECK(f.W(i, j) > 0);
    }
  }
  const StartingFactors a = start(V, 4, Init::nndsvda, 0);
  CHECK(a.W.minCoeff() > 0);
  CHECK(a.Ht.minCoeff() > 0);
  CHECK(((f.W.array() > 0).select(a.W.array() - f.W.array(), 0.0)).abs().maxCoeff() == 0);
  const StartingFactors ar = start(V, 4, Init::nndsvdar, 5);
  CHECK(ar.W.minCoeff() > 0);
  CHECK(ar.Ht.minCoeff() > 0);
  CHECK(ar.W.maxCoeff() == doctest::Approx(f.W.maxCoeff()));
}

TEST_CASE("nndsvd is identical for any thread count") {
  const SparseMatrix V = noisy(500, 300, 5, 0.05);
  const StartingFactors one = start(V, 6, Init::nndsvda, 0, 1);
  CHECK(start(V, 6, Init::nndsvda, 0, 2).W == one.W);
  CHECK(start(V, 6, Init::nndsvda, 0, 3).Ht == one.Ht);
}
