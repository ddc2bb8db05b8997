#pragma once
// Delimited text matrices (CSV, TSV). Reading detects what spreadsheets and
// data-frame libraries write without being told:
// - the delimiter: tab for .tsv, comma for .csv; otherwise whichever of tab,
//   comma or semicolon occurs most in the first line, or runs of spaces when
//   the first line has none of them (numpy.savetxt's text);
// - a header row of column labels: the first row is a header when any of its
//   cells after the first is not a number;
// - a first column of row labels: when the first data row starts with a cell
//   that is not a number, or the header's first cell is empty.
// Fields may be quoted ("a, b"), with "" standing for a quote inside.
#include <ostream>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <Eigen/Sparse>

namespace unbake::io {

struct CsvLabels {
  std::vector<std::string> rows;     // empty when the file has no label column
  std::vector<std::string> columns;  // empty when the file has no header row
};

struct DenseCsv {
  Eigen::MatrixXd values;
  CsvLabels labels;
};

struct SparseCsv {
  Eigen::SparseMatrix<double, Eigen::RowMajor> values;  // zeros not stored
  CsvLabels labels;
};

// Throw InputError naming `path` (and the line and column where it applies):
// empty file, ragged row, cell that is not a number, unterminated quote.
DenseCsv read_csv_dense(const std::string& path);
SparseCsv read_csv_sparse(const std::string& path);

// Tab for a path ending in .tsv, comma otherwise.
char delimiter_for(const std::string& path);

// Writes `values` with an optional header row and label column (pass empty
// vectors to omit them; otherwise their sizes must match). Labels are quoted
// when they contain the delimiter, a quote, a line break or outer spaces;
// numbers are written so they read back exactly.
// `corner` is the header cell above the row labels.
void write_csv(std::ostream& out, const Eigen::MatrixXd& values, const std::vector<std::string>& row_labels,
               const std::vector<std::string>& column_labels, char delimiter = ',',
               const std::string& corner = "");

// One field, quoted as write_csv quotes labels.
std::string csv_field(const std::string& text, char delimiter);

}  // namespace unbake::io
