#pragma once
// unbake's binary matrix file (.ubk): a sparse matrix in the compressed-row
// layout the solvers use, plus a JSON header for whatever describes it
// (labels, the corpus it came from). Read back in a fraction of the time a
// MatrixMarket text takes, with the same care as every other input: the file
// is read whole (FileContents: it must not change while read), and its size,
// layout and a checksum over every byte are verified before any entry is
// used, so a truncated or damaged file is an InputError, never a crash or a
// wrong matrix.
//
// Layout (little-endian):
//   magic      8 bytes  0x89 'U' 'B' 'K' '\r' '\n' 0x1a '\n'
//   version    u32 (1), reserved u32 (0)
//   rows, cols, nnz, header_bytes, row_label_bytes, column_label_bytes,
//   column_vectors                  u64 each
//   header     header_bytes of UTF-8 JSON (an object), zero-padded to 8
//   offsets    (rows + 1) u64, from 0 to nnz, non-decreasing
//   columns    nnz u32, strictly increasing within each row, < cols; padded
//   values     nnz f64
//   row labels     none, or `rows` UTF-8 strings each ended by a NUL; padded
//   column labels  the same for the columns
//   column_vectors vectors of `cols` f64 each (a corpus: df, idf)
//   checksum   u64 over every byte before it
// Labels and per-column numbers are binary, not JSON: parsing 50,000 terms
// and their idf as JSON took longer than reading the entries.
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Sparse>

namespace unbake::io {

using BinarySparse = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

struct BinaryMatrix {
  BinarySparse V;
  std::string header;                        // a JSON object ("{}" when nothing else)
  std::vector<std::string> row_labels;       // empty, or one per row
  std::vector<std::string> column_labels;    // empty, or one per column
  std::vector<Eigen::VectorXd> column_data;  // each of V.cols() entries
};

// True when `bytes` start with the magic: the file is meant to be one, and a
// reader should not guess another format for it.
bool has_binary_matrix_magic(std::string_view bytes);
// The same for the first bytes of the file at `path` (false when unreadable).
bool is_binary_matrix_file(const std::string& path);

// Whether `path` names a .ubk file (the extension, in any case): the one
// place that ties the name to the format, for readers and writers alike.
bool has_binary_matrix_extension(const std::string& path);

// Throws InputError naming `path` for anything but a complete, intact file.
BinaryMatrix read_binary_matrix(const std::string& path);
// Parses the bytes of a file (tests, fuzzing); `path` names it in errors.
BinaryMatrix parse_binary_matrix(std::string_view bytes, const std::string& path);

// Writes atomically (atomic_file.hpp). V must be compressed; labels hold no NUL.
void write_binary_matrix(const std::string& path, const BinaryMatrix& m);

}  // namespace unbake::io
