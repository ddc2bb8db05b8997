#pragma once
// The reports as self-contained HTML pages: every style, script and datum
// inline, no request leaves the page (its Content-Security-Policy forbids
// any), and the same bytes for the same input. The static parts (overview,
// topic cards, tables, charts) are plain HTML and hand-written SVG that read
// with JavaScript off; one inline script adds the interactions (the
// relevance slider, the document search, a word's weight on the map).
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/model/sweep.hpp>
#include <unbake/nmf/types.hpp>
#include <unbake/report/fit_report.hpp>

namespace unbake::report {

struct HtmlOptions {
  int documents = 2000;     // documents listed: each topic's top documents, then others spread evenly
  int snippet_chars = 300;  // the opening of each listed document, in characters
  int words = 30;           // words per topic the relevance slider ranks
  void validate() const;    // throws UsageError naming the field
};

// Which documents the page lists, as indices into report.topics.documents,
// in reading order: every topic's top documents, then documents spread
// evenly over the rest up to options.documents. The same for the same report.
std::vector<std::size_t> html_documents(const FitReport& report, const HtmlOptions& options);

// The fit's page. `H` holds the topics' rows in topic-id order (any row
// scaling), `words` names its columns as the reports do; `listed` is
// html_documents(report, options) and `snippets` the opening text of each
// listed document ("" where it is not known).
void write_html_report(std::ostream& out, const FitReport& report, const nmf::Matrix& H,
                       const std::vector<std::string>& words, const std::vector<std::size_t>& listed,
                       const std::vector<std::string>& snippets, const HtmlOptions& options,
                       const Execution& exec = {});

// The sweep's page: each measure against k, the recommendation, each k's topics.
void write_sweep_html(std::ostream& out, const model::SweepReport& report);

}  // namespace unbake::report
