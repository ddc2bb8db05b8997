#pragma once
// Matrix types shared by every NMF piece. V is sparse row-major (rows =
// documents/samples, columns = terms/features); the factors are dense.
#include <Eigen/Dense>
#include <Eigen/Sparse>

namespace unbake::nmf {

using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

}  // namespace unbake::nmf
