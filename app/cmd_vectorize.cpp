// `unbake vectorize DIR -o V.mtx`: the TF-IDF document-term matrix of a
// folder, with its terms (columns) and document ids (rows).
#include <cstddef>

#include <unbake/io/atomic_file.hpp>
#include <unbake/io/binary_matrix.hpp>
#include <unbake/io/matrix_market.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/text/corpus_cache.hpp>
#include <unbake/text/vectorizer.hpp>
#include "command.hpp"
#include "core/log.hpp"
#include "execution.hpp"
#include "output_checks.hpp"
#include "vectorizer_flags.hpp"

namespace unbake::app {
namespace {

void write_lines(const std::string& path, const std::vector<std::string>& lines) {
  io::write_atomically(path, [&](std::ostream& out) {
    for (const auto& line : lines) out << line << '\n';
  });
}

void log_summary(const text::VectorizedCorpus& c) {
  log_skipped(c.skipped);
  const double mb_per_s = c.seconds_reading > 0 ? c.bytes_read / 1e6 / c.seconds_reading : 0.0;
  log().info("{}: {} documents read, {} skipped, {} empty; {} terms, {} nonzeros", c.root, c.doc_ids.size(),
             c.skipped.size(), c.empty_documents, c.terms.size(), c.V.nonZeros());
  if (const auto notes = text::describe_not_read(c.not_read, c.duplicates.size(), c.deduplicated);
      !notes.empty())
    log().info("{}: {}", c.root, notes);
  log().info("{}: {}", c.root, text::describe_stopwords(c.languages, c.stopwords));
  log().info("listing {:.2f} s, reading+tokenizing {:.2f} s ({:.1f} MB, {:.1f} MB/s), weighting {:.2f} s",
             c.seconds_listing, c.seconds_reading, c.bytes_read / 1e6, mb_per_s, c.seconds_weighting);
}

class VectorizeCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override {
    auto* sub = root.add_subcommand(
        "vectorize", "Turn a folder of documents into a TF-IDF document-term matrix (MatrixMarket)");
    sub->add_option("DIR", dir_, "Folder of documents (read recursively) or a single file")->required();
    sub->add_option(
           "-o,--output", matrix_,
           "Where to write the matrix (rows = documents): MatrixMarket, or unbake's binary form with "
           "the terms and document ids inside when the name ends in .ubk (read fast by factor, "
           "fit --matrix-cache and sweep --matrix-cache)")
        ->required()
        ->type_name("V.mtx");
    sub->add_option("--terms", terms_, "Also write the terms, one per line in column order")
        ->type_name("FILE");
    sub->add_option("--docs", docs_, "Also write the document ids, one per line in row order")
        ->type_name("FILE");
    add_vectorizer_flags(*sub, options_);
    return sub;
  }

  void run() override {
    io::OutputGuard guard;
    guard_documents(guard, dir_, options_);
    guard.output("--output", matrix_);
    guard.output("--terms", terms_);
    guard.output("--docs", docs_);
    guard.check();
    // Taken before reading: a file changed meanwhile makes the cache look
    // out of date, never the other way round.
    const bool binary = io::has_binary_matrix_extension(matrix_);
    const std::string fingerprint = binary ? text::corpus_fingerprint(dir_, options_) : "";
    const text::VectorizedCorpus corpus = text::vectorize(dir_, options_, execution());
    write_outputs({
        {matrix_,
         [&] {
           if (binary)
             text::save_corpus(matrix_, corpus, fingerprint);
           else
             io::write_atomically(matrix_,
                                  [&](std::ostream& out) { io::write_matrix_market(out, corpus.V); });
         }},
        {terms_, [&] { write_lines(terms_, corpus.terms); }},
        {docs_, [&] { write_lines(docs_, corpus.doc_ids); }},
    });
    log_summary(corpus);
  }

 private:
  std::string dir_, matrix_, terms_, docs_;
  text::VectorizerOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_vectorize_command() { return std::make_unique<VectorizeCommand>(); }

}  // namespace unbake::app
