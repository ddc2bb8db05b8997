#include <unbake/report/html_report.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "report/html.hpp"

namespace unbake::report {
namespace {

using html::escape;
using html::number;

struct Measure {
  std::string_view name;
  double (*value)(const model::SweepResult&);
  bool spread;  // draw the range of the values behind it (spread_of)
};

// What a measure's bar spans: stability over the resamples (over the topics
// for a sweep without them), coherence over the topics.
std::vector<double> spread_of(const model::SweepResult& x, std::string_view name) {
  std::vector<double> values;
  if (name == "stability" && !x.resample_stability.empty()) return x.resample_stability;
  for (const auto& t : x.topics) values.push_back(name == "coherence" ? t.coherence : t.stability);
  return values;
}

}  // namespace

void write_sweep_html(std::ostream& out, const model::SweepReport& r) {
  html::page_start(out, "unbake: choosing k for " + r.root, "sweep");
  out << "<header class=\"page\"><h1>Choosing k for " << escape(r.root) << "</h1><p>" << r.documents
      << " documents &middot; " << r.terms << " terms &middot; made by unbake</p></header>\n"
      << "<nav class=\"views\"><a href=\"#overview\">overview</a><a "
         "href=\"#sweep\">sweep</a></nav>\n<main>\n";
  out << "<section id=\"overview\">\n<h2>Overview</h2>\n<table class=\"facts\">\n<tr><th>corpus</th><td>"
      << escape(r.root) << "</td></tr>\n<tr><th>k swept</th><td>";
  for (std::size_t i = 0; i < r.results.size(); ++i) out << (i ? ", " : "") << r.results[i].k;
  out << "</td></tr>\n<tr><th>stability</th><td>" << r.options.stability.resamples << " resamples of "
      << number(100 * r.options.stability.sample_fraction, 0) << "% of the documents per k, top "
      << r.options.stability.top_terms << " words compared</td></tr>\n";
  if (!r.results.empty())
    out << "<tr><th>recommended</th><td><strong>k = " << r.recommended_k()
        << "</strong>: " << escape(r.reason) << "</td></tr>\n";
  out << "</table>\n</section>\n";

  const Measure measures[] = {
      {"relative error", [](const model::SweepResult& x) { return x.relative_error; }, false},
      {"coherence", [](const model::SweepResult& x) { return x.coherence; }, true},
      {"diversity", [](const model::SweepResult& x) { return x.diversity; }, false},
      {"stability", [](const model::SweepResult& x) { return x.stability; }, true},
  };
  constexpr double kPanelW = 300, kPanelH = 190, kLeft = 50, kBottom = 28, kTop = 22, kRight = 14;
  int lo_k = 0, hi_k = 1;
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    if (i == 0 || r.results[i].k < lo_k) lo_k = r.results[i].k;
    if (i == 0 || r.results[i].k > hi_k) hi_k = r.results[i].k;
  }
  if (hi_k <= lo_k) hi_k = lo_k + 1;
  auto px = [&](int panel, int k) {
    return panel % 2 * kPanelW + kLeft + (kPanelW - kLeft - kRight) * (k - lo_k) / double(hi_k - lo_k);
  };
  struct Range {
    double lo, hi;
  };
  std::vector<Range> ranges;
  for (const auto& m : measures) {
    Range range{0, 0};
    bool first = true;
    for (const auto& x : r.results) {
      std::vector<double> values{m.value(x)};
      if (m.spread)
        for (const double v : spread_of(x, m.name)) values.push_back(v);
      for (const double v : values) {
        range.lo = first ? v : std::min(range.lo, v);
        range.hi = first ? v : std::max(range.hi, v);
        first = false;
      }
    }
    if (range.hi <= range.lo) range.hi = range.lo + 1;
    ranges.push_back(range);
  }
  auto py = [&](int panel, double v) {
    const Range& range = ranges[static_cast<std::size_t>(panel)];
    return panel / 2 * kPanelH + kTop +
           (kPanelH - kTop - kBottom) * (1 - (v - range.lo) / (range.hi - range.lo));
  };
  out << "<section id=\"sweep\">\n<h2>Measures against k</h2>\n<p class=\"note\">Each measure for the full "
         "corpus at every k; the bars give the range of stability over the resamples and of coherence over "
         "the topics. The dashed "
         "line marks the recommended k.</p>\n<svg id=\"sweep-chart\" width=\""
      << 2 * kPanelW << "\" height=\"" << 2 * kPanelH
      << "\" role=\"img\" aria-label=\"measures against k\">\n";
  for (int p = 0; p < 4; ++p) {
    const double x0 = p % 2 * kPanelW, y0 = p / 2 * kPanelH;
    out << "<text x=\"" << x0 + kLeft << "\" y=\"" << y0 + 14 << "\">" << measures[p].name << "</text>"
        << "<line class=\"axis\" x1=\"" << x0 + kLeft << "\" y1=\"" << y0 + kPanelH - kBottom << "\" x2=\""
        << x0 + kPanelW - kRight << "\" y2=\"" << y0 + kPanelH - kBottom << "\"/>"
        << "<text x=\"" << x0 + kLeft - 4 << "\" y=\"" << number(py(p, ranges[p].hi) + 4, 1)
        << "\" text-anchor=\"end\">" << number(ranges[p].hi, 3) << "</text><text x=\"" << x0 + kLeft - 4
        << "\" y=\"" << number(py(p, ranges[p].lo) + 4, 1) << "\" text-anchor=\"end\">"
        << number(ranges[p].lo, 3) << "</text>\n";
    if (!r.results.empty()) {
      const double x = px(p, r.recommended_k());
      out << "<line x1=\"" << number(x, 1) << "\" y1=\"" << y0 + kTop << "\" x2=\"" << number(x, 1)
          << "\" y2=\"" << y0 + kPanelH - kBottom << "\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>\n";
    }
    out << "<polyline fill=\"none\" stroke=\"#2f6fb0\" stroke-width=\"2\" points=\"";
    for (std::size_t i = 0; i < r.results.size(); ++i)
      out << (i ? " " : "") << number(px(p, r.results[i].k), 1) << ","
          << number(py(p, measures[p].value(r.results[i])), 1);
    out << "\"/>\n";
  }
  for (const auto& x : r.results) {
    out << "<g class=\"k\" data-k=\"" << x.k << "\"><title>k = " << x.k << "</title>";
    for (int p = 0; p < 4; ++p) {
      const double cx = px(p, x.k);
      const std::vector<double> spread =
          measures[p].spread ? spread_of(x, measures[p].name) : std::vector<double>{};
      if (!spread.empty()) {
        const auto [lo, hi] = std::minmax_element(spread.begin(), spread.end());
        out << "<line x1=\"" << number(cx, 1) << "\" y1=\"" << number(py(p, *lo), 1) << "\" x2=\""
            << number(cx, 1) << "\" y2=\"" << number(py(p, *hi), 1)
            << "\" stroke=\"#9fb6cf\" stroke-width=\"5\"/>";
      }
      out << "<circle cx=\"" << number(cx, 1) << "\" cy=\"" << number(py(p, measures[p].value(x)), 1)
          << "\" r=\"4\" fill=\"#2f6fb0\"/><text x=\"" << number(cx, 1) << "\" y=\""
          << p / 2 * kPanelH + kPanelH - kBottom + 14 << "\" text-anchor=\"middle\">" << x.k << "</text>";
    }
    out << "</g>\n";
  }
  out << "</svg>\n<table class=\"grid\">\n<tr><th class=\"num\">k</th><th class=\"num\">relative "
         "error</th><th "
         "class=\"num\">coherence</th><th class=\"num\">diversity</th><th "
         "class=\"num\">stability</th><th>topics</th></tr>\n";
  for (const auto& x : r.results) {
    out << "<tr" << (!r.results.empty() && x.k == r.recommended_k() ? " class=\"recommended\"" : "")
        << "><td class=\"num\">"
        << (!r.results.empty() && x.k == r.recommended_k() ? "<strong>" + std::to_string(x.k) + "</strong>"
                                                           : std::to_string(x.k))
        << "</td><td class=\"num\">" << html::fixed(x.relative_error, 4) << "</td><td class=\"num\">"
        << html::fixed(x.coherence, 4) << "</td><td class=\"num\">" << html::fixed(x.diversity, 4)
        << "</td><td class=\"num\">" << html::fixed(x.stability, 4) << "</td><td>";
    for (std::size_t i = 0; i < x.topics.size(); ++i) out << (i ? "; " : "") << escape(x.topics[i].label);
    out << "</td></tr>\n";
  }
  out << "</table>\n</section>\n</main>\n";
  html::page_end(out);
}

}  // namespace unbake::report
