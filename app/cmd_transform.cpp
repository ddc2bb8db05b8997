// `unbake transform MODEL DIR|FILE...`: topic mixtures of new documents
// against a saved model (same tokenizer and weighting as fit; exact NNLS).
#include <iostream>
#include <utility>

#include <unbake/core/threads.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/model/fit_topics.hpp>
#include <unbake/model/topic_model.hpp>
#include <unbake/report/csv_report.hpp>
#include <unbake/report/text_report.hpp>
#include "command.hpp"
#include "execution.hpp"
#include "number_flags.hpp"
#include "output_checks.hpp"
#include "vectorizer_flags.hpp"

namespace unbake::app {
namespace {

class TransformCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override {
    auto* app = root.add_subcommand("transform", "Topic mixtures of new documents against a saved model");
    app->add_option("MODEL", model_path_, "Model file written by `unbake fit --model`")->required();
    app->add_option("INPUT", inputs_, "Folders or files of new documents")->required();
    app->add_option("--json", json_, "Write the mixtures as JSON to FILE ('-' = stdout)");
    app->add_option("--mixtures-csv", mixtures_csv_, "Write the mixtures as CSV");
    // Default: the model's own settings (a model fit from a table reads
    // new rows of the same columns); a flag given here replaces its one.
    add_table_flags(*app, table_);
    add_threads_flag(*app);
    return app;
  }

  void run() override {
    io::OutputGuard guard;
    guard.input_file(model_path_);
    guard.output("", json_ == "-" ? "" : "-");  // the mixtures as text
    guard.output("--json", json_);
    guard.output("--mixtures-csv", mixtures_csv_);
    guard.check();
    auto model = model::load_model(model_path_);
    text::ReaderOptions& reader = model.vectorizer.reader;
    for (auto [given, kept] :
         {std::pair{&table_.text_column, &reader.text_column},
          std::pair{&table_.id_column, &reader.id_column}, std::pair{&table_.text_field, &reader.text_field},
          std::pair{&table_.id_field, &reader.id_field}})
      if (!given->empty()) *kept = *given;
    if (table_.format != "auto") reader.format = table_.format;
    // Labels and metadata judged the fit; new documents need not carry them.
    reader.labels.clear();
    reader.meta.clear();
    reader.time_column.clear();
    reader.group_column.clear();
    reader.validate();
    // What the inputs' reader takes as a document is the model's to say.
    for (const auto& input : inputs_) guard_documents(guard, input, model.vectorizer);
    guard.check();
    const auto report = model::transform(model, inputs_, execution());
    log_skipped(report.skipped);
    write_outputs({
        {json_ == "-" ? "" : "-",
         [&] {
           io::write_atomically("-", [&](std::ostream& out) { report::write_mixtures_text(out, report); });
         }},
        {json_,
         [&] {
           io::write_atomically(json_,
                                [&](std::ostream& out) { out << report::to_json_string(report) << '\n'; });
         }},
        {mixtures_csv_,
         [&] {
           io::write_atomically(mixtures_csv_,
                                [&](std::ostream& out) { report::write_mixtures_csv(out, report); });
         }},
    });
  }

 private:
  std::string model_path_;
  std::vector<std::string> inputs_;
  std::string json_, mixtures_csv_;
  text::ReaderOptions table_;
};

}  // namespace

std::unique_ptr<Command> make_transform_command() { return std::make_unique<TransformCommand>(); }

}  // namespace unbake::app
