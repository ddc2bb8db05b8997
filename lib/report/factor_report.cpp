#include <unbake/report/factor_report.hpp>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "nmf/json.hpp"

#include <unbake/core/printable.hpp>
#include <unbake/report/topics.hpp>

namespace unbake::report {
namespace {

// A finite double as the shortest text that reads back as the same double
// (std::to_chars), with ".0" added to a whole number so that every entry
// reads as a float in JSON readers that tell them apart (Python's json). Four
// times faster than building the row as a JSON value and dumping it.
void append_number(std::string& out, double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
  if (std::find_if(buf, end, [](char c) { return c == '.' || c == 'e' || c == 'n' || c == 'i'; }) == end)
    out += ".0";
}

// Writes M as a JSON array of row arrays, a row at a time: a matrix declaring
// 50000000 rows (all but a few zero) built as one JSON value first took
// gigabytes of nodes.
template <class RowOf>
void write_rows_json(std::ostream& out, Eigen::Index rows, Eigen::Index cols, RowOf row_of) {
  std::vector<double> row(static_cast<std::size_t>(cols));
  std::string text;
  out << '[';
  for (Eigen::Index i = 0; i < rows; ++i) {
    row_of(i, row);
    text.clear();
    if (i > 0) text += ',';
    text += '[';
    for (std::size_t j = 0; j < row.size(); ++j) {
      if (j > 0) text += ',';
      append_number(text, row[j]);
    }
    text += ']';
    out << text;
  }
  out << ']';
}

// The settings (the one serialisation of NmfConfig), then the outcome.
nlohmann::ordered_json head_json(const nmf::NmfResult& r) {
  const nlohmann::json config = r.config;
  nlohmann::ordered_json j;
  for (const auto& [key, value] : config.items()) j[key] = value;
  j["iterations"] = r.iterations;
  j["converged"] = r.converged;
  j["relative_error"] = r.relative_error;
  j["objective_trace"] = r.objective_trace;  // for V / value_scale (nmf/result.hpp)
  j["value_scale"] = r.value_scale;
  j["seconds"] = r.seconds;
  return j;
}

}  // namespace

nmf::Matrix scaled_w(const FactorReport& report) { return report.result.W * report.result.d.asDiagonal(); }

void write_factor_json(std::ostream& out, const FactorReport& report) {
  const nmf::NmfResult& r = report.result;
  std::string head = head_json(r).dump();
  head.pop_back();  // the closing brace
  out << head << ",\"W\":";
  // Row i of W·diag(d), one product per entry: the same numbers as scaled_w().
  write_rows_json(out, r.W.rows(), r.W.cols(), [&](Eigen::Index i, std::vector<double>& row) {
    for (Eigen::Index t = 0; t < r.W.cols(); ++t) row[static_cast<std::size_t>(t)] = r.W(i, t) * r.d[t];
  });
  out << ",\"H\":";
  write_rows_json(out, r.H.rows(), r.H.cols(), [&](Eigen::Index i, std::vector<double>& row) {
    for (Eigen::Index j = 0; j < r.H.cols(); ++j) row[static_cast<std::size_t>(j)] = r.H(i, j);
  });
  out << ",\"row_labels\":" << nlohmann::ordered_json(report.row_labels).dump()
      << ",\"column_labels\":" << nlohmann::ordered_json(report.column_labels).dump() << "}\n";
}

std::string to_json_string(const FactorReport& report) {
  std::ostringstream out;
  write_factor_json(out, report);
  return out.str();
}

void write_factor_text(std::ostream& out, const FactorReport& report, long print_columns) {
  const nmf::NmfResult& r = report.result;
  const Eigen::Index rows = r.W.rows(), cols = r.H.cols();
  out << fmt::format("{}: {} x {} matrix, {} non-zeros\n", printable(report.source), rows, cols, report.nnz);
  out << fmt::format("solver {}, init {}, k = {}\n", nmf::to_string(r.config.solver),
                     nmf::to_string(r.config.init), r.config.k);
  out << fmt::format("iterations {}, converged {}\n", r.iterations, r.converged ? "yes" : "no");
  out << fmt::format("relative error {:.6g}\n", r.relative_error);
  out << fmt::format("seconds {:.3f}\n", r.seconds);
  auto head = [&](Eigen::Index j) {
    return report.column_labels.empty() ? std::to_string(j + 1)
                                        : printable(report.column_labels[static_cast<std::size_t>(j)]);
  };
  if (cols > print_columns) {
    // Too wide for the whole of H: each factor's heaviest columns, as fit
    // shows a topic's top words.
    constexpr long kTop = 8;
    out << fmt::format("\nTop columns of each factor (share of the factor's weight; {} columns in all):\n",
                       cols);
    for (Eigen::Index i = 0; i < r.H.rows(); ++i) {
      const double total = r.H.row(i).sum();
      std::string line = fmt::format("{:<8}", i + 1);
      bool first = true;
      for (long j : top_terms(r.H, i, kTop)) {
        line += fmt::format("{}{} {:.3f}", first ? "" : ", ",
                            report.column_labels.empty() ? "col " + head(j) : head(j),
                            total > 0 ? r.H(i, j) / total : 0.0);
        first = false;
      }
      out << (first ? line + "(all zero)" : line) << '\n';
    }
    return;
  }

  out << "\nH (each factor's profile over the columns; rows sum to 1):\n";
  std::vector<std::string> heads;
  for (Eigen::Index j = 0; j < cols; ++j) heads.push_back(head(j));
  std::string line = fmt::format("{:<10}", "factor");
  for (const auto& h : heads) line += fmt::format(" {:>{}}", h, std::max<std::size_t>(h.size(), 6));
  out << line << '\n';
  for (Eigen::Index i = 0; i < r.H.rows(); ++i) {
    line = fmt::format("{:<10}", i + 1);
    for (std::size_t j = 0; j < heads.size(); ++j)
      line += fmt::format(" {:>{}.4f}", r.H(i, static_cast<Eigen::Index>(j)),
                          std::max<std::size_t>(heads[j].size(), 6));
    out << line << '\n';
  }
}

}  // namespace unbake::report
