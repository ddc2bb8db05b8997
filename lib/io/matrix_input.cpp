#include <unbake/io/matrix_input.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include <unbake/core/errors.hpp>
#include <unbake/io/binary_matrix.hpp>
#include <unbake/io/csv.hpp>
#include <unbake/io/matrix_market.hpp>
#include "io/file_contents.hpp"
#include "io/number_text.hpp"

namespace unbake::io {

namespace {

LabelledMatrix read_binary(const std::string& path) {
  BinaryMatrix file = read_binary_matrix(path);
  return {std::move(file.V), std::move(file.row_labels), std::move(file.column_labels)};
}

}  // namespace

LabelledMatrix read_matrix(const std::string& path) {
  refuse_device(path);  // /dev/zero has no extension: say what it is, not that its format is unknown
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (has_binary_matrix_extension(path)) return read_binary(path);
  if (ext == ".mtx") return {read_matrix_market(path), {}, {}};
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
    SparseCsv csv = read_csv_sparse(path);
    return {std::move(csv.values), std::move(csv.labels.rows), std::move(csv.labels.columns)};
  }
  throw InputError(path + ": unknown matrix format '" + ext +
                   "' (expected .mtx for MatrixMarket, .ubk for unbake's binary form, or .csv, .tsv, .txt "
                   "for delimited text)");
}

void check_nonnegative(const Eigen::SparseMatrix<double, Eigen::RowMajor>& V, const std::string& path) {
  if (V.rows() == 0 || V.cols() == 0)
    throw InputError(path + ": the matrix is empty (" + std::to_string(V.rows()) + " x " +
                     std::to_string(V.cols()) + ")");
  bool any_positive = false;
  for (Eigen::Index r = 0; r < V.outerSize(); ++r) {
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(V, r); it; ++it) {
      const double v = it.value();
      if (v >= 0 && std::isfinite(v)) {
        any_positive |= v > 0;
        continue;
      }
      const char* kind = std::isnan(v) ? "NaN value" : std::isinf(v) ? "infinite value" : "negative value";
      throw InputError(path + ": " + kind + (std::isnan(v) ? "" : " " + format_number(v)) + " at row " +
                       std::to_string(it.row() + 1) + ", column " + std::to_string(it.col() + 1) +
                       " (a non-negative factorization needs finite values >= 0)");
    }
  }
  if (!any_positive)
    throw InputError(path + ": every entry of the " + std::to_string(V.rows()) + " x " +
                     std::to_string(V.cols()) + " matrix is zero");
}

LabelledMatrix read_nonnegative_matrix(const std::string& path) {
  LabelledMatrix m = read_matrix(path);
  check_nonnegative(m.V, path);
  return m;
}

}  // namespace unbake::io
