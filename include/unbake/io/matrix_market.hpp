#pragma once
// MatrixMarket exchange format. Reading accepts coordinate or array layout,
// real or integer field, general symmetry; writing produces coordinate real
// general, 1-based, with values printed so they read back exactly.
#include <ostream>
#include <string>

#include <Eigen/Sparse>

namespace unbake::io {

using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// Throws InputError naming `path` and the line number for malformed content,
// and both lines for two entries with the same row and column.
// Values are returned as they are (no sign or finiteness check: callers that
// need non-negative input check it and report row and column).
RowSparse read_matrix_market(const std::string& path);

void write_matrix_market(std::ostream& out, const RowSparse& m);

}  // namespace unbake::io
