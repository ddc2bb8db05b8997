// A delimited text matrix as `unbake factor` reads it, under each of the
// names that pick the delimiter (.csv, .tsv, or sniffed for .txt), dense and
// sparse. Both readings must agree; bad content must end in InputError.
#include <array>

#include <unbake/core/errors.hpp>
#include <unbake/io/csv.hpp>
#include <unbake/io/matrix_input.hpp>
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > (1 << 14)) return 0;
  static const std::array<const char*, 3> extensions{".csv", ".tsv", ".txt"};
  const std::string path = unbake::fuzz::write_input(data + 1, size - 1, extensions[data[0] % 3]);
  try {
    const auto sparse = unbake::io::read_csv_sparse(path);
    const auto dense = unbake::io::read_csv_dense(path);
    if (dense.values.rows() != sparse.values.rows() || dense.values.cols() != sparse.values.cols())
      unbake::fuzz::broken("dense and sparse readings differ in shape");
    if (!(Eigen::MatrixXd(sparse.values) == dense.values) && dense.values.allFinite())
      unbake::fuzz::broken("dense and sparse readings differ in values");
    if (!sparse.labels.rows.empty() && static_cast<long>(sparse.labels.rows.size()) != sparse.values.rows())
      unbake::fuzz::broken("row labels do not match the rows");
    if (!sparse.labels.columns.empty() &&
        static_cast<long>(sparse.labels.columns.size()) != sparse.values.cols())
      unbake::fuzz::broken("column labels do not match the columns");
    unbake::io::check_nonnegative(sparse.values, path);
  } catch (const unbake::InputError&) {
  }
  return 0;
}
