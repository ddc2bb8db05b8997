// `unbake factor MATRIX -k K`: factor any non-negative matrix file (not only
// documents) and report the factors. W and H are reported so that W·H ≈ V
// directly: W is the fit's W·diag(d) (each factor's scale moved into W) and
// every row of H sums to 1, so a row of H reads as a profile and a row of W
// as how much of each profile a row of V holds.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/io/csv.hpp>
#include <unbake/io/matrix_input.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/report/factor_report.hpp>
#include "command.hpp"
#include "core/log.hpp"
#include "execution.hpp"
#include "nmf/warnings.hpp"
#include "nmf_flags.hpp"

namespace unbake::app {
namespace {

struct FactorOptions {
  std::string matrix;
  std::string json_path;
  std::string w_path;
  std::string h_path;
  nmf::NmfConfig config;
};

std::vector<std::string> factor_names(int k) {
  std::vector<std::string> names;
  for (int i = 1; i <= k; ++i) names.push_back("factor_" + std::to_string(i));
  return names;
}

class FactorCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override {
    auto* cmd = root.add_subcommand(
        "factor",
        "Factor a non-negative matrix file V (.mtx, .csv, .tsv) as V ~ W H. Reported W already carries each "
        "factor's scale (the fit's W diag(d)) and every row of H sums to 1, so W H approximates V directly.");
    cmd->add_option("MATRIX", opt_.matrix,
                    "Matrix to factor: MatrixMarket .mtx, or .csv/.tsv/.txt with "
                    "optional header row and label column")
        ->required();
    add_nmf_flags(*cmd, opt_.config);
    cmd->add_option(
        "-o,--output", opt_.json_path,
        "Write the result as JSON (k, solver, ..., W = W diag(d), H with rows summing to 1, labels); "
        "without it a summary is printed");
    cmd->add_option("--w", opt_.w_path, "Write W diag(d) (rows x k) as CSV (TSV for .tsv)");
    cmd->add_option("--h", opt_.h_path, "Write H (k x columns, rows sum to 1) as CSV (TSV for .tsv)");
    return cmd;
  }

  void run() override {
    // Shape-independent checks first, so -k 0 is a usage error whatever the file.
    opt_.config.validate(std::numeric_limits<long>::max(), std::numeric_limits<long>::max());
    io::OutputGuard guard;
    guard.input_file(opt_.matrix);
    guard.output("", opt_.json_path.empty() ? "-" : "");  // the summary, printed without -o
    guard.output("--output", opt_.json_path);
    guard.output("--w", opt_.w_path);
    guard.output("--h", opt_.h_path);
    guard.check();

    io::LabelledMatrix in = io::read_nonnegative_matrix(opt_.matrix);
    opt_.config.validate(in.V.rows(), in.V.cols());
    nmf::NmfResult r;
    try {
      r = nmf::fit(in.V, opt_.config, execution());
    } catch (const NumericError& e) {
      // The library knows the matrix, not its file: every error names the file.
      throw NumericError(opt_.matrix + ": " + e.what());
    } catch (const InputError& e) {
      throw InputError(opt_.matrix + ": " + e.what());
    } catch (const UsageError& e) {
      throw e.within(opt_.matrix);
    } catch (const std::bad_alloc&) {
      // Past the estimate (another process took the memory meanwhile).
      throw Error(opt_.matrix + ": out of memory while factoring at k = " + std::to_string(opt_.config.k));
    }
    nmf::warn_if_worse_than_zero(r);
    const report::FactorReport report{opt_.matrix, static_cast<long>(in.V.nonZeros()), std::move(r),
                                      std::move(in.row_labels), std::move(in.column_labels)};

    const auto names = factor_names(report.result.config.k);
    write_outputs({
        {opt_.json_path.empty() ? "-" : "",
         [&] {
           io::write_atomically("-", [&](std::ostream& out) { report::write_factor_text(out, report); });
         }},
        {opt_.json_path,
         [&] {
           io::write_atomically(opt_.json_path,
                                [&](std::ostream& out) { report::write_factor_json(out, report); });
           log().info("wrote {}", opt_.json_path);
         }},
        {opt_.w_path,
         [&] {
           // Formed only when asked for: the JSON writes W·diag(d) a row at a time.
           const nmf::Matrix W = report::scaled_w(report);
           io::write_atomically(opt_.w_path, [&](std::ostream& out) {
             io::write_csv(out, W, report.row_labels, names, io::delimiter_for(opt_.w_path));
           });
         }},
        {opt_.h_path,
         [&] {
           io::write_atomically(opt_.h_path, [&](std::ostream& out) {
             io::write_csv(out, report.result.H, names, report.column_labels, io::delimiter_for(opt_.h_path));
           });
         }},
    });
  }

 private:
  FactorOptions opt_;
};

}  // namespace

std::unique_ptr<Command> make_factor_command() { return std::make_unique<FactorCommand>(); }

}  // namespace unbake::app
