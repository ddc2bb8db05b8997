#pragma once
// What `factor` found for any non-negative matrix: the solver's record with
// the matrix's row and column labels. Reported so that W·H ≈ V directly: W is
// the fit's W·diag(d) and every row of H sums to 1.
#include <ostream>
#include <string>
#include <vector>

#include <unbake/nmf/result.hpp>

namespace unbake::report {

struct FactorReport {
  std::string source;  // the matrix's file, as given
  long nnz = 0;        // V's stored non-zeros
  nmf::NmfResult result;
  std::vector<std::string> row_labels, column_labels;  // empty when the file had none
};

// W·diag(d), the W that the JSON and the CSVs report.
nmf::Matrix scaled_w(const FactorReport& report);

// The JSON object of schemas/factor.schema.json: settings, outcome, W, H and
// the labels, written a row at a time (a W of millions of rows is never one
// JSON value in memory).
void write_factor_json(std::ostream& out, const FactorReport& report);
std::string to_json_string(const FactorReport& report);

// The summary printed without -o: shape, settings, outcome, and H when the
// matrix has at most `print_columns` columns, else each factor's eight
// heaviest columns (by label, or "col N").
void write_factor_text(std::ostream& out, const FactorReport& report, long print_columns = 20);

}  // namespace unbake::report
