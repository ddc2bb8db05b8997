#pragma once
// The matrix to factor, from whichever file format it comes in, with the
// labels the file carries, checked for what a non-negative factorization
// needs so that errors name the file and the 1-based row and column.
#include <string>
#include <vector>

#include <Eigen/Sparse>

namespace unbake::io {

struct LabelledMatrix {
  Eigen::SparseMatrix<double, Eigen::RowMajor> V;
  std::vector<std::string> row_labels;     // empty when the file has none
  std::vector<std::string> column_labels;  // empty when the file has none
};

// By extension: .mtx is MatrixMarket; .ubk is unbake's binary form (its labels
// from its header); .csv, .tsv and .txt are delimited text.
// Throws InputError naming `path` for an unknown extension or bad content.
LabelledMatrix read_matrix(const std::string& path);

// Throws InputError "<path>: negative value -3 at row 2, column 5" (NaN and
// infinite values alike), and for an empty or all-zero matrix.
void check_nonnegative(const Eigen::SparseMatrix<double, Eigen::RowMajor>& V, const std::string& path);

// read_matrix followed by check_nonnegative.
LabelledMatrix read_nonnegative_matrix(const std::string& path);

}  // namespace unbake::io
