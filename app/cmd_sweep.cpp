// `unbake sweep DIR -k 2:30`: helps choose k (model::sweep), prints the table,
// the chart and the recommendation, and optionally writes JSON.
#include <ostream>
#include <string>

#include <unbake/io/atomic_file.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/model/sweep.hpp>
#include <unbake/quality/k_range.hpp>
#include <unbake/report/html_report.hpp>
#include <unbake/report/sweep_text.hpp>

#include "command.hpp"
#include "execution.hpp"
#include "matrix_cache.hpp"
#include "nmf_flags.hpp"
#include "number_flags.hpp"
#include "output_checks.hpp"
#include "vectorizer_flags.hpp"

namespace unbake::app {
namespace {

class SweepCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override {
    auto* app =
        root.add_subcommand("sweep", "Try a range of topic counts and recommend one (stability, coherence)");
    app->add_option("DIR", root_, "Folder of documents (or one file)")->required();
    app->add_option("-k", k_spec_, "Topic counts to try: LO:HI, LO:HI:STEP or a list 5,10,20")->required();
    add_nmf_flags(*app, options_.nmf, /*with_k=*/false);
    // One --threads serves every stage: the vectorizer's flag replaces the NMF one.
    app->remove_option(app->get_option("--threads"));
    add_vectorizer_flags(*app, options_.vectorizer);
    auto& stability = options_.stability;
    add_number(*app, "--resamples", stability.resamples, "Models fitted on random subsets per k");
    add_number(*app, "--sample-fraction", stability.sample_fraction, "Share of the documents in each subset");
    add_number(*app, "--top-terms", stability.top_terms, "Words per topic compared between models");
    app->add_option("--json", json_, "Write the results as JSON to FILE ('-' = stdout)");
    app->add_option("--html", html_,
                    "Write the results as one self-contained HTML page (each measure against k, the "
                    "recommendation, each k's topics)");
    add_matrix_cache_flag(*app, matrix_cache_);
    return app;
  }

  void run() override {
    options_.ks = quality::parse_k_range(k_spec_);
    io::OutputGuard guard;
    guard_documents(guard, root_, options_.vectorizer);
    guard.output("", json_ == "-" ? "" : "-");  // the table
    guard.output("--json", json_);
    guard.output("--html", html_);
    guard.output("--matrix-cache", matrix_cache_);
    guard.check();
    // One --seed seeds the fits and the resampling.
    options_.stability.seed = options_.nmf.seed;
    options_.validate();  // before the folder is read or the cache touched
    const model::SweepReport report = model::sweep(
        vectorize_folder(root_, options_.vectorizer, matrix_cache_, execution()), options_, execution());

    write_outputs({
        {json_ == "-" ? "" : "-",
         [&] {
           io::write_atomically("-", [&](std::ostream& out) { report::write_sweep_text(out, report); });
         }},
        {json_,
         [&] {
           io::write_atomically(json_,
                                [&](std::ostream& out) { out << model::to_json_string(report) << '\n'; });
         }},
        {html_,
         [&] {
           io::write_atomically(html_, [&](std::ostream& out) { report::write_sweep_html(out, report); });
         }},
    });
  }

 private:
  std::string root_, k_spec_, json_, matrix_cache_, html_;
  model::SweepOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_sweep_command() { return std::make_unique<SweepCommand>(); }

}  // namespace unbake::app
