#pragma once
// Matrix types shared by every NMF piece. V is sparse row-major (rows =
// documents/samples, columns = terms/features); the factors are dense.
#include <Eigen/Dense>
#include <Eigen/Sparse>

namespace unbake::nmf {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
// The solvers' working layout: W as m x k and H transposed (n x k), both
// row-major, so every row a sparse row touches is one contiguous k-vector.
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace unbake::nmf
