// The main job end to end on documents held in memory: corpora/default's six
// themes read into strings, fitted at k = 6, then mapped back with transform.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unbake/model/fit_topics.hpp>
#include <unbake/report/fit_report.hpp>

namespace fs = std::filesystem;

namespace {

// (theme/file, text) for every file of corpora/default, in path order.
std::vector<std::pair<std::string, std::string>> default_corpus() {
  std::vector<std::pair<std::string, std::string>> docs;
  const fs::path root = fs::path(UNBAKE_SOURCE_DIR) / "corpora" / "default";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    docs.emplace_back(fs::relative(entry.path(), root).generic_string(), text.str());
  }
  std::sort(docs.begin(), docs.end());
  return docs;
}

std::string theme_of(const std::string& id) { return id.substr(0, id.find('/')); }

unbake::model::FitOutcome fit_default(int threads) {
  unbake::model::FitOptions options;
  options.nmf.k = 6;
  unbake::Execution exec;
  exec.threads = threads;
  return unbake::model::fit_topics(unbake::text::memory_documents(default_corpus()), options, exec);
}

}  // namespace

TEST_CASE("fit_topics on in-memory documents: one topic per theme of corpora/default") {
  const auto docs = default_corpus();
  REQUIRE(docs.size() >= 60);
  const auto fitted = fit_default(0);
  const auto& report = fitted.report;
  REQUIRE(report.topics.topics.size() == 6);
  REQUIRE(report.topics.documents.size() == docs.size());
  CHECK(report.corpus.documents == static_cast<long>(docs.size()));

  // Each theme's documents mostly share one dominant topic, and no two themes
  // share it: the six topics are the six themes.
  std::map<std::string, std::map<int, int>> votes;
  for (const auto& d : report.topics.documents) {
    REQUIRE(d.dominant.has_value());
    ++votes[theme_of(d.path)][*d.dominant];
  }
  REQUIRE(votes.size() == 6);
  std::set<int> topic_of_theme;
  for (const auto& [theme, counts] : votes) {
    CAPTURE(theme);
    int total = 0, best = 0, best_topic = -1;
    for (const auto& [topic, n] : counts) {
      total += n;
      if (n > best) best = n, best_topic = topic;
    }
    CHECK(best * 3 >= total * 2);  // at least two thirds of the theme's documents
    topic_of_theme.insert(best_topic);
  }
  CHECK(topic_of_theme.size() == 6);

  // The report is internally consistent: mixtures sum to 1, topic words are
  // ranked, the error lies strictly between an exact fit and none.
  for (const auto& d : report.topics.documents) {
    double sum = 0;
    for (double x : d.mixture) {
      CHECK(x >= 0);
      sum += x;
    }
    CHECK(sum == doctest::Approx(1).epsilon(1e-9));
  }
  for (const auto& t : report.topics.topics)
    for (std::size_t r = 1; r < t.words.size(); ++r) CHECK(t.words[r - 1].weight >= t.words[r].weight);
  CHECK(report.nmf.relative_error > 0);
  CHECK(report.nmf.relative_error < 1);
  CHECK(report.settings.nmf.k == 6);
}

TEST_CASE("fit_topics: transform of the training strings reproduces the fit's mixtures") {
  const auto fitted = fit_default(0);
  const auto mapped = unbake::model::transform(fitted.model, unbake::text::memory_documents(default_corpus()),
                                               unbake::Execution{});
  REQUIRE(mapped.documents.size() == fitted.report.topics.documents.size());
  CHECK(mapped.topics == fitted.model.labels);
  for (std::size_t i = 0; i < mapped.documents.size(); ++i) {
    const auto& a = fitted.report.topics.documents[i];
    const auto& b = mapped.documents[i];
    CAPTURE(a.path);
    CHECK(a.path == b.path);
    CHECK(a.dominant == b.dominant);
    REQUIRE(a.mixture.size() == b.mixture.size());
    for (std::size_t t = 0; t < a.mixture.size(); ++t)
      CHECK(b.mixture[t] == doctest::Approx(a.mixture[t]).epsilon(1e-9));
  }
}

TEST_CASE("fit_topics: the same report, bit for bit, at 1 and 2 threads") {
  const auto one = fit_default(1), two = fit_default(2);
  // The JSON holds every number of the report; only the timings may differ.
  auto without_seconds = [](unbake::report::FitReport r) {
    r.seconds = {};
    r.nmf.seconds = 0;
    return unbake::report::to_json_string(r);
  };
  CHECK(without_seconds(one.report) == without_seconds(two.report));
  CHECK(one.model.H == two.model.H);
}
