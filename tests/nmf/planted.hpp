#pragma once
// Test inputs with a known answer: V = W·H exactly, for non-negative W, H
// with some zeros, drawn from a fixed seed.
#include <cstdint>
#include <random>

#include <unbake/nmf/types.hpp>

namespace unbake::nmf::testing {

struct Planted {
  Matrix W, H;
  SparseMatrix V;
};

inline Planted planted(int m, int n, int k, std::uint64_t seed, double zero_fraction = 0.4) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  auto draw = [&](int rows, int cols) {
    Matrix M(rows, cols);
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < cols; ++j) M(i, j) = u(rng) < zero_fraction ? 0.0 : 0.1 + u(rng);
    return M;
  };
  Planted p;
  p.W = draw(m, k);
  p.H = draw(k, n);
  // Every row and column of V must be reachable: give each row of W and each
  // column of H one positive entry.
  for (int i = 0; i < m; ++i) p.W(i, i % k) += 0.5;
  for (int j = 0; j < n; ++j) p.H(j % k, j) += 0.5;
  p.V = (p.W * p.H).sparseView();
  p.V.makeCompressed();
  return p;
}

// A sparse non-negative matrix with no exact low-rank structure.
inline SparseMatrix noisy(int m, int n, std::uint64_t seed, double density = 0.3) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Matrix D = Matrix::Zero(m, n);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j)
      if (u(rng) < density) D(i, j) = u(rng);
  for (int i = 0; i < m; ++i) D(i, i % n) += 0.5;
  SparseMatrix V = D.sparseView();
  V.makeCompressed();
  return V;
}

inline double dense_relative_error(const SparseMatrix& V, const Matrix& W, const Vector& d, const Matrix& H) {
  const Matrix D = Matrix(V);
  return (D - W * d.asDiagonal() * H).norm() / D.norm();
}

// A strictly positive row-major factor (entries in [floor, 1 + floor)), from a fixed seed.
inline RowMatrix positive_factor(Eigen::Index rows, Eigen::Index k, std::uint64_t seed, double floor = 0.01) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(floor, 1.0 + floor);
  RowMatrix F(rows, k);
  for (Eigen::Index i = 0; i < F.size(); ++i) F.data()[i] = uniform(rng);
  return F;
}

}  // namespace unbake::nmf::testing
