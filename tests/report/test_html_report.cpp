// The HTML pages without a browser: self-contained, escaped, the same bytes
// for any thread count, one card and one circle per topic. tests/cli/
// html_report.sh checks them in a real browser.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/model/fit_topics.hpp>
#include <unbake/report/html_report.hpp>
#include <unbake/text/openings.hpp>
#include <unbake/text/vectorizer.hpp>

namespace {

std::vector<std::pair<std::string, std::string>> corpus() {
  const char* themes[][2] = {
      {"space", "The telescope showed the moon, the planets and a comet in the night sky."},
      {"kitchen", "Knead the dough, let the bread rise, then bake it in a hot oven with salt."},
      {"garden", "Sow the seeds in spring, water the soil and pull the weeds between the beds."},
  };
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < 24; ++i) {
    const auto& theme = themes[i % 3];
    docs.emplace_back(std::string(theme[0]) + "/" + std::to_string(i) + ".txt",
                      std::string(theme[1]) + " Note " + std::to_string(i % 4) + ".");
  }
  // A hostile name and text: both must stay text.
  docs.emplace_back("space/</script><img src=x onerror=alert(1)>.txt",
                    "The telescope and the moon. </script><b>bold</b> <img src=x onerror=alert(2)>");
  return docs;
}

std::string page(int threads, unbake::model::FitOutcome* keep = nullptr) {
  unbake::model::FitOptions options;
  options.nmf.k = 3;
  options.vectorizer.min_df = 1;
  unbake::Execution exec;
  exec.threads = threads;
  auto fitted = unbake::model::fit_topics(unbake::text::memory_documents(corpus()), options, exec);
  unbake::report::HtmlOptions html;
  const auto listed = unbake::report::html_documents(fitted.report, html);
  std::vector<std::string> snippets;
  for (const auto i : listed) snippets.push_back("opening of " + fitted.report.topics.documents[i].path);
  std::ostringstream out;
  unbake::report::write_html_report(out, fitted.report, fitted.model.H, fitted.words, listed, snippets, html);
  if (keep) *keep = std::move(fitted);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("HTML report: every view, one card and one circle per topic, no request and no raw markup") {
  unbake::model::FitOutcome fitted;
  const std::string html = page(1, &fitted);
  for (const char* id : {"overview", "topics", "map", "terms", "documents", "convergence"})
    CHECK_MESSAGE(html.find(std::string("<section id=\"") + id + "\">") != std::string::npos, id);
  CHECK(html.find("<section id=\"time\">") == std::string::npos);  // no dates in this corpus
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  for (const auto& t : fitted.report.topics.topics) {
    const std::string id = std::to_string(t.id);
    CHECK(count(html, "<article class=\"topic\" id=\"topic-" + id + "\" data-topic=\"" + id + "\"") == 1);
    CHECK(count(html, "<circle data-topic=\"" + id + "\"") == 1);
  }
  CHECK(count(html, "<tr class=\"doc\"") == fitted.report.topics.documents.size());
  // The corpus's markup is text: escaped in the page, '<' spelled out in the data block.
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(count(html, "</script>") == 2);  // the data block's and the script's own
  CHECK(count(html, "<script") == 2);
}

TEST_CASE("HTML report: the same bytes for any thread count, and for the sweep page") {
  CHECK(page(1) == page(2));
  unbake::model::SweepOptions options;
  options.ks = {2, 3};
  options.vectorizer.min_df = 1;
  options.stability.resamples = 2;
  const auto corpus_v = unbake::text::vectorize(unbake::text::memory_documents(corpus()), options.vectorizer);
  std::ostringstream a, b;
  unbake::report::write_sweep_html(a, unbake::model::sweep(corpus_v, options, {1}));
  unbake::report::write_sweep_html(b, unbake::model::sweep(corpus_v, options, {2}));
  CHECK(a.str() == b.str());
  for (const char* k : {"data-k=\"2\"", "data-k=\"3\"", "<section id=\"sweep\">", "<svg id=\"sweep-chart\""})
    CHECK_MESSAGE(a.str().find(k) != std::string::npos, k);
}

TEST_CASE("HTML report: the listed documents include every topic's top documents, at most the limit") {
  unbake::model::FitOutcome fitted;
  page(1, &fitted);
  unbake::report::HtmlOptions options;
  options.documents = 5;
  const auto listed = unbake::report::html_documents(fitted.report, options);
  CHECK(std::is_sorted(listed.begin(), listed.end()));
  std::vector<std::string> paths;
  for (const auto i : listed) paths.push_back(fitted.report.topics.documents[i].path);
  for (const auto& t : fitted.report.topics.topics)
    for (const auto& d : t.top_documents) CHECK(std::find(paths.begin(), paths.end(), d.path) != paths.end());
  const std::size_t tops = 3 * static_cast<std::size_t>(fitted.report.settings.topics.top_docs);
  CHECK(listed.size() <= std::max<std::size_t>(5, tops));
  options.documents = -1;
  CHECK_THROWS_AS(options.validate(), unbake::UsageError);
}

TEST_CASE("openings: white space collapsed, cut at a character, never inside one") {
  CHECK(unbake::text::opening("  Hello\n\n  world  again ", 11) == "Hello world\u2026");
  CHECK(unbake::text::opening("  Hello\n\n  world  ", 11) == "Hello world");
  CHECK(unbake::text::opening("汤很好喝", 2) == "汤很\u2026");
  CHECK(unbake::text::opening("", 5).empty());
}
