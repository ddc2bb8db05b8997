#include <unbake/report/text_report.hpp>

#include "report/thousands.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include <unbake/core/printable.hpp>

namespace unbake::report {
namespace {

constexpr std::size_t kWidth = 80;

// Display width in code points (UTF-8 continuation bytes do not count); good
// enough to wrap words of any script without splitting a character.
std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

// Writes `items` after `head`, separated by ", ", wrapping so that no line
// exceeds kWidth; continuation lines are indented to line up under the first item.
void write_wrapped(std::ostream& out, const std::string& head, const std::vector<std::string>& items) {
  std::string line = head;
  std::size_t indent = display_width(head);
  std::size_t width = indent;
  bool first = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string piece = items[i] + (i + 1 < items.size() ? "," : "");
    std::size_t pw = display_width(piece) + (first ? 0 : 1);
    if (!first && width + pw > kWidth) {
      out << line << '\n';
      line = std::string(indent, ' ');
      width = indent;
      pw -= 1;
      first = true;
    }
    line += (first ? "" : " ") + piece;
    width += pw;
    first = false;
  }
  out << line << '\n';
}

}  // namespace

void write_topics_text(std::ostream& out, const TopicSummary& topics, const TopicsOptions& options) {
  const std::size_t k = topics.topics.size();
  for (const auto& t : topics.topics) {
    out << fmt::format("Topic {} of {}  {:.1f}%  {}\n", t.id + 1, k, 100.0 * t.prevalence,
                       printable(t.label));
    std::vector<std::string> words;
    for (std::size_t w = 0; w < t.words.size() && w < static_cast<std::size_t>(options.top_words); ++w)
      words.push_back(fmt::format("{} {:.3f}", printable(t.words[w].word), t.words[w].weight));
    write_wrapped(out, "  words  ", words);
    std::vector<std::string> docs;
    for (const auto& d : t.top_documents)
      docs.push_back(fmt::format("{} ({:.2f})", printable(d.path), d.weight));
    if (!docs.empty()) write_wrapped(out, "  docs   ", docs);
    out << fmt::format("  score  coherence {:.2f}, exclusivity {:.2f}, dominant in {} documents\n",
                       t.coherence, t.exclusivity, thousands(t.dominant_documents));
    out << '\n';
  }
}

void write_mixtures_text(std::ostream& out, const TransformReport& report) {
  const std::vector<std::string>& topic_labels = report.topics;
  for (const auto& d : report.documents) {
    if (!d.dominant) {
      out << printable(d.path) << "  (no known words)\n";
      continue;
    }
    auto t = static_cast<std::size_t>(*d.dominant);
    std::string label = t < topic_labels.size() ? topic_labels[t] : "";
    out << fmt::format("{}  topic {} ({:.2f})  {}\n", printable(d.path), t + 1, d.mixture[t],
                       printable(label));
  }
}

void write_text_report(std::ostream& out, const FitReport& report) {
  const TopicSummary& topics = report.topics;
  const CorpusSummary& corpus = report.corpus;
  const nmf::NmfResult& model = report.nmf;
  const StageSeconds& seconds = report.seconds;
  write_topics_text(out, topics, report.settings.topics);
  out << "Summary\n";
  out << fmt::format("  documents   {} read, {} skipped, {} empty\n", thousands(corpus.documents),
                     thousands(static_cast<long>(corpus.skipped.size())), thousands(corpus.empty_documents));
  if (const auto notes =
          text::describe_not_read(corpus.not_read, corpus.duplicates.size(), corpus.deduplicated);
      !notes.empty())
    out << "  not read    " << notes << "\n";
  out << "  languages   " << text::describe_stopwords(corpus.languages, corpus.stopwords) << "\n";
  out << fmt::format("  vocabulary  {} terms, {} non-zeros\n", thousands(corpus.vocabulary),
                     thousands(corpus.nnz));
  out << fmt::format("  model       {}, k = {}, {} iterations, {}, relative error {:.4f}\n",
                     nmf::to_string(model.config.solver), model.config.k, model.iterations,
                     model.converged ? "converged" : "not converged", model.relative_error);
  out << fmt::format("  quality     coherence {:.2f}, diversity {:.2f}\n", topics.coherence,
                     topics.diversity);
  if (report.labels)
    out << fmt::format(
        "  labels      NMI {:.3f}, ARI {:.3f} of the dominant topics against {} ({} labels, {} documents)\n",
        report.labels->nmi, report.labels->ari, report.labels->source, report.labels->labels,
        thousands(report.labels->documents));
  out << fmt::format("  seconds     read {:.2f}, vectorize {:.2f}, factor {:.2f}, total {:.2f}\n",
                     seconds.read, seconds.vectorize, seconds.factor, seconds.total);
}

}  // namespace unbake::report
