#include <unbake/report/sweep_text.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <unbake/core/printable.hpp>

namespace unbake::report {
namespace {

std::string bar(double fraction, int width, char fill) {
  const int n = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
  return std::string(static_cast<std::size_t>(n), fill) +
         std::string(static_cast<std::size_t>(width - n), ' ');
}

void print_table(std::ostream& out, const std::vector<model::SweepResult>& rows) {
  char line[128];
  out << "    k  rel.error  coherence  diversity  stability   seconds\n";
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%5d  %9.4f  %9.4f  %9.4f  %9.4f  %8.1f\n", r.k, r.relative_error,
                  r.coherence, r.diversity, r.stability, r.seconds);
    out << line;
  }
}

// Error bars span the observed range (errors differ little in absolute
// terms); stability bars span 0..1.
void print_chart(std::ostream& out, const std::vector<model::SweepResult>& rows) {
  constexpr int kWidth = 26;
  double lo = rows.front().relative_error, hi = lo;
  for (const auto& r : rows) {
    lo = std::min(lo, r.relative_error);
    hi = std::max(hi, r.relative_error);
  }
  char line[160];
  std::snprintf(
      line, sizeof line, "    k  %-*s  %s\n", kWidth + 7,
      ("error (" + std::to_string(lo).substr(0, 5) + " .. " + std::to_string(hi).substr(0, 5) + ")").c_str(),
      "stability (0 .. 1)");
  out << '\n' << line;
  for (const auto& r : rows) {
    const double e = hi > lo ? 0.1 + 0.9 * (r.relative_error - lo) / (hi - lo) : 1.0;
    std::snprintf(line, sizeof line, "%5d  %s %.3f  %s %.3f\n", r.k, bar(e, kWidth, '#').c_str(),
                  r.relative_error, bar(r.stability, kWidth, '*').c_str(), r.stability);
    out << line;
  }
}

// Words of `text` on lines of at most 80 columns, continuation lines indented.
void print_wrapped(std::ostream& out, const std::string& text) {
  constexpr std::size_t kColumns = 80;
  std::istringstream words(text);
  std::string word, line;
  out << '\n';
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > kColumns) {
      out << line << '\n';
      line = "  ";
    } else if (!line.empty() && line != "  ") {
      line += ' ';
    }
    line += word;
  }
  out << line << '\n';
}

}  // namespace

void write_sweep_text(std::ostream& out, const model::SweepReport& report) {
  const auto& stability = report.options.stability;
  out << "Sweep of " << printable(report.root) << ": " << report.documents << " documents, " << report.terms
      << " terms\n"
      << "Stability: " << stability.resamples << " resamples of "
      << std::lround(100 * stability.sample_fraction) << "% of the documents per k, top-"
      << stability.top_terms << " words compared\n\n";
  print_table(out, report.results);
  print_chart(out, report.results);
  print_wrapped(
      out, "Recommended k = " + std::to_string(report.recommended_k()) + ": " + printable(report.reason));
}

}  // namespace unbake::report
