#include <unbake/report/csv_report.hpp>

#include <fmt/format.h>

#include <unbake/io/csv.hpp>
#include "io/number_text.hpp"

namespace unbake::report {

void write_mixtures_csv(std::ostream& out, const std::vector<DocumentMixture>& documents, int k) {
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

void write_mixtures_csv(std::ostream& out, const TopicSummary& topics) {
  write_mixtures_csv(out, topics.documents, static_cast<int>(topics.topics.size()));
}

void write_topics_csv(std::ostream& out, const TopicSummary& topics, int top_words) {
  out << "topic,rank,word,weight\n";
  for (const auto& t : topics.topics)
    for (std::size_t r = 0; r < t.words.size() && r < static_cast<std::size_t>(top_words); ++r)
      out << t.id + 1 << ',' << r + 1 << ',' << io::csv_field(t.words[r].word, ',') << ','
          << io::format_number(t.words[r].weight) << '\n';
}

}  // namespace unbake::report
