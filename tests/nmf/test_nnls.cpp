#include <doctest/doctest.h>

#include <limits>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/nnls.hpp>
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

// The exact answer by trying every active set: for each subset S, solve the
// unconstrained problem on S; keep feasible candidates, return the best.
Vector brute_force(const Matrix& G, const Vector& r) {
  const int k = static_cast<int>(G.rows());
  Vector best = Vector::Zero(k);
  double best_value = 0;  // x = 0
  for (int mask = 1; mask < (1 << k); ++mask) {
    std::vector<int> idx;
    for (int i = 0; i < k; ++i)
      if (mask & (1 << i)) idx.push_back(i);
    const int p = static_cast<int>(idx.size());
    Matrix Gs(p, p);
    Vector rs(p);
    for (int a = 0; a < p; ++a) {
      rs[a] = r[idx[a]];
      for (int b = 0; b < p; ++b) Gs(a, b) = G(idx[a], idx[b]);
    }
    const Vector z = Gs.ldlt().solve(rs);
    if (z.minCoeff() < 0) continue;
    Vector x = Vector::Zero(k);
    for (int a = 0; a < p; ++a) x[idx[a]] = z[a];
    const double value = 0.5 * x.dot(G * x) - r.dot(x);
    if (value < best_value) best_value = value, best = x;
  }
  return best;
}

}  // namespace

TEST_CASE("nnls solves a case worked by hand") {
  // min ||v − x B|| with B = I (2x2) and v = (3, −2): the answer is (3, 0),
  // while the unconstrained solution has a negative entry.
  const Matrix G = Matrix::Identity(2, 2);
  const double r[2] = {3, -2};
  double x[2];
  nnls_gram(G, r, x);
  CHECK(x[0] == doctest::Approx(3));
  CHECK(x[1] == 0);
}

TEST_CASE("nnls matches brute force over active sets for k <= 4") {
  std::srand(42);
  for (int k = 1; k <= 4; ++k) {
    for (int trial = 0; trial < 50; ++trial) {
      const Matrix B = Matrix::Random(k, 6);
      const Vector v = Vector::Random(6) + Vector::Constant(6, 0.2);
      const Matrix G = B * B.transpose();
      const Vector r = B * v;
      Vector x(k);
      nnls_gram(G, r.data(), x.data());
      const Vector expected = brute_force(G, r);
      INFO("k = " << k << ", trial " << trial);
      CHECK(x.minCoeff() >= 0);
      CHECK((x - expected).norm() <= 1e-9 * (1 + expected.norm()));
    }
  }
}

TEST_CASE("solve_h and solve_w recover planted factors exactly") {
  const Planted p = planted(30, 25, 3, 4);
  const Matrix H = solve_h(p.V, p.W, unbake::Execution{2});
  CHECK((H - p.H).norm() <= 1e-9 * p.H.norm());
  const Matrix W = solve_w(p.V, p.H, unbake::Execution{3});
  CHECK((W - p.W).norm() <= 1e-9 * p.W.norm());
}

TEST_CASE("solve_h satisfies the KKT conditions on noisy data") {
  const SparseMatrix V = noisy(30, 20, 8);
  std::srand(3);
  const Matrix W = Matrix::Random(30, 4).cwiseAbs();
  const Matrix H = solve_h(V, W, unbake::Execution{2});
  CHECK(H.minCoeff() >= 0);
  // Gradient of ½||V − WH||²: Wᵀ(WH − V) must be >= 0, and 0 where H > 0.
  const Matrix grad = W.transpose() * (W * H - Matrix(V));
  const double scale = (W.transpose() * Matrix(V)).norm();
  CHECK(grad.minCoeff() >= -1e-9 * scale);
  CHECK((H.array() > 0).select(grad.array().abs(), 0.0).maxCoeff() <= 1e-9 * scale);
  CHECK(solve_h(V, W, unbake::Execution{1}) == H);
}

TEST_CASE("solve_w and solve_h reject mismatched shapes") {
  const SparseMatrix V = noisy(10, 8, 1);
  CHECK_THROWS_AS(solve_h(V, Matrix::Ones(9, 2)), unbake::InputError);
  CHECK_THROWS_AS(solve_w(V, Matrix::Ones(2, 7)), unbake::InputError);
}
