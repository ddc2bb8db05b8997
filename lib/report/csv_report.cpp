#include <unbake/report/csv_report.hpp>

#include <fmt/format.h>

#include <unbake/io/csv.hpp>
#include "io/number_text.hpp"

namespace unbake::report {
namespace {

void mixtures_csv(std::ostream& out, const std::vector<DocumentMixture>& documents, int k) {
  Eigen::MatrixXd values(static_cast<long>(documents.size()), k);
  std::vector<std::string> paths;
  paths.reserve(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    paths.push_back(documents[i].path);
    for (int t = 0; t < k; ++t)
      values(static_cast<long>(i), t) = documents[i].mixture[static_cast<std::size_t>(t)];
  }
  std::vector<std::string> columns;
  for (int t = 0; t < k; ++t) columns.push_back(fmt::format("topic_{}", t + 1));
  io::write_csv(out, values, paths, columns, ',', "document");
}

}  // namespace

void write_mixtures_csv(std::ostream& out, const FitReport& report) {
  mixtures_csv(out, report.topics.documents, static_cast<int>(report.topics.topics.size()));
}

void write_mixtures_csv(std::ostream& out, const TransformReport& report) {
  mixtures_csv(out, report.documents, static_cast<int>(report.topics.size()));
}

void write_topics_csv(std::ostream& out, const FitReport& report) {
  const TopicSummary& topics = report.topics;
  const int top_words = report.settings.topics.top_words;
  out << "topic,rank,word,weight\n";
  for (const auto& t : topics.topics)
    for (std::size_t r = 0; r < t.words.size() && r < static_cast<std::size_t>(top_words); ++r)
      out << t.id + 1 << ',' << r + 1 << ',' << io::csv_field(t.words[r].word, ',') << ','
          << io::format_number(t.words[r].weight) << '\n';
}

}  // namespace unbake::report
