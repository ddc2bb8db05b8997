// `unbake fit DIR -k K`: the main job. Reads a folder, vectorizes it, factors
// V, prints the topic report, and optionally writes JSON, CSVs and a model.
#include <chrono>
#include <iostream>
#include <optional>

#include <unbake/io/atomic_file.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/model/fit_topics.hpp>
#include <unbake/report/csv_report.hpp>
#include <unbake/report/html_report.hpp>
#include <unbake/report/text_report.hpp>
#include <unbake/text/openings.hpp>
#include <unbake/text/table_documents.hpp>
#include "command.hpp"
#include "core/log.hpp"
#include "execution.hpp"
#include "matrix_cache.hpp"
#include "nmf/warnings.hpp"
#include "nmf_flags.hpp"
#include "number_flags.hpp"
#include "output_checks.hpp"
#include "vectorizer_flags.hpp"

namespace unbake::app {
namespace {

class FitCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override {
    auto* app = root.add_subcommand("fit", "Find the topics of a folder of documents (the main job)");
    app->add_option("DIR", root_, "Folder of documents (or one file)")->required();
    add_nmf_flags(*app, options_.nmf);
    // One --threads serves both stages: the vectorizer's flag replaces the NMF one.
    app->remove_option(app->get_option("--threads"));
    add_vectorizer_flags(*app, options_.vectorizer);
    add_number(*app, "--top-words", options_.topics.top_words, "Words per topic in the text report and CSV");
    add_number(*app, "--json-words", options_.topics.json_words, "Words per topic in the JSON report");
    add_number(*app, "--top-docs", options_.topics.top_docs, "Documents per topic in the reports");
    app->add_option("--json", json_, "Write the report as JSON to FILE ('-' = stdout)");
    app->add_option("--model", model_, "Save the model (vocabulary, idf, topics) for `unbake transform`");
    app->add_option("--mixtures-csv", mixtures_csv_, "Write each document's topic mixture as CSV");
    app->add_option("--topics-csv", topics_csv_,
                    "Write the topics' ranked words as CSV (topic, rank, word, weight)");
    app->add_option("--html", html_,
                    "Write the report as one self-contained HTML page (topics, map, words, documents, "
                    "convergence) that opens offline in any browser");
    add_number(*app, "--html-docs", html_options_.documents,
               "Documents listed in the HTML page: every topic's top documents, then others spread evenly")
        ->type_name("N");
    add_matrix_cache_flag(*app, matrix_cache_);
    return app;
  }

  void run() override {
    io::OutputGuard guard;
    guard_documents(guard, root_, options_.vectorizer);
    guard.output("", json_ == "-" ? "" : "-");  // the text report
    guard.output("--json", json_);
    guard.output("--model", model_);
    guard.output("--mixtures-csv", mixtures_csv_);
    guard.output("--topics-csv", topics_csv_);
    guard.output("--html", html_);
    guard.output("--matrix-cache", matrix_cache_);
    guard.check();
    options_.validate();  // before the folder is read or the cache touched
    html_options_.validate();
    // The HTML page shows the openings of some documents: a folder listed
    // once serves both the vectorizer and them.
    std::optional<text::DocumentSource> source;
    const auto fitted = model::fit_topics(
        [&] {
          if (html_.empty() || !matrix_cache_.empty() || root_ == "-")
            return vectorize_folder(root_, options_.vectorizer, matrix_cache_, execution());
          const auto start = std::chrono::steady_clock::now();
          source.emplace(text::open_documents(root_, options_.vectorizer.reader));
          const double listing =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          text::VectorizedCorpus corpus = text::vectorize(*source, options_.vectorizer, execution());
          corpus.seconds_listing = listing;
          return corpus;
        }(),
        options_, execution());
    const report::FitReport& report = fitted.report;
    log_skipped(report.corpus.skipped);
    nmf::warn_if_worse_than_zero(report.nmf);
    write_outputs({
        {json_ == "-" ? "" : "-",
         [&] {
           io::write_atomically("-", [&](std::ostream& out) { report::write_text_report(out, report); });
         }},
        {json_,
         [&] {
           io::write_atomically(json_,
                                [&](std::ostream& out) { out << report::to_json_string(report) << '\n'; });
         }},
        {model_, [&] { model::save_model(model_, fitted.model); }},
        {mixtures_csv_,
         [&] {
           io::write_atomically(mixtures_csv_,
                                [&](std::ostream& out) { report::write_mixtures_csv(out, report); });
         }},
        {topics_csv_,
         [&] {
           io::write_atomically(topics_csv_,
                                [&](std::ostream& out) { report::write_topics_csv(out, report); });
         }},
        {html_,
         [&] {
           const auto listed = report::html_documents(report, html_options_);
           std::vector<std::string> ids;
           for (const auto i : listed) ids.push_back(report.topics.documents[i].path);
           const auto chars = static_cast<std::size_t>(html_options_.snippet_chars);
           const auto snippets =
               source ? text::document_openings(*source, ids, chars, execution())
                      : text::document_openings(root_, options_.vectorizer.reader, ids, chars, execution());
           io::write_atomically(html_, [&](std::ostream& out) {
             report::write_html_report(out, report, fitted.model.H, fitted.words, listed, snippets,
                                       html_options_, execution());
           });
         }},
    });
  }

 private:
  std::string root_;
  model::FitOptions options_;
  report::HtmlOptions html_options_;
  std::string json_, model_, mixtures_csv_, topics_csv_, matrix_cache_, html_;
};

}  // namespace

std::unique_ptr<Command> make_fit_command() { return std::make_unique<FitCommand>(); }

}  // namespace unbake::app
