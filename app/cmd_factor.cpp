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

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "nmf/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/core/printable.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/io/csv.hpp>
#include <unbake/io/matrix_input.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/nmf/fit.hpp>
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

// Matrices up to this many columns get their H printed in the summary.
constexpr long kPrintColumnsUpTo = 20;

// Writes M as a JSON array of row arrays, a row at a time: a matrix declaring
// 50000000 rows (all but a few zero) built as one JSON value first took
// gigabytes of nodes. Each row is dumped as the whole value's dump would.
void write_rows_json(std::ostream& out, const nmf::Matrix& M) {
  std::vector<double> row(static_cast<std::size_t>(M.cols()));
  out << '[';
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    for (Eigen::Index j = 0; j < M.cols(); ++j) row[static_cast<std::size_t>(j)] = M(i, j);
    if (i > 0) out << ',';
    out << nlohmann::ordered_json(row).dump();
  }
  out << ']';
}

std::vector<std::string> factor_names(int k) {
  std::vector<std::string> names;
  for (int i = 1; i <= k; ++i) names.push_back("factor_" + std::to_string(i));
  return names;
}

void print_summary(std::ostream& out, const FactorOptions& opt, const io::LabelledMatrix& in,
                   const nmf::NmfResult& r) {
  out << fmt::format("{}: {} x {} matrix, {} non-zeros\n", printable(opt.matrix), in.V.rows(), in.V.cols(),
                     in.V.nonZeros());
  out << fmt::format("solver {}, init {}, k = {}\n", nmf::to_string(r.config.solver),
                     nmf::to_string(r.config.init), r.config.k);
  out << fmt::format("iterations {}, converged {}\n", r.iterations, r.converged ? "yes" : "no");
  out << fmt::format("relative error {:.6g}\n", r.relative_error);
  out << fmt::format("seconds {:.3f}\n", r.seconds);
  if (in.V.cols() > kPrintColumnsUpTo) return;

  out << "\nH (each factor's profile over the columns; rows sum to 1):\n";
  std::vector<std::string> heads;
  for (Eigen::Index j = 0; j < in.V.cols(); ++j)
    heads.push_back(in.column_labels.empty() ? std::to_string(j + 1)
                                             : printable(in.column_labels[static_cast<std::size_t>(j)]));
  std::string line = fmt::format("{:<10}", "factor");
  for (const auto& h : heads) line += fmt::format(" {:>{}}", h, std::max<std::size_t>(h.size(), 6));
  out << line << '\n';
  for (Eigen::Index i = 0; i < r.H.rows(); ++i) {
    line = fmt::format("{:<10}", i + 1);
    for (std::size_t j = 0; j < heads.size(); ++j)
      line += fmt::format(" {:>{}.4f}", r.H(i, static_cast<Eigen::Index>(j)),
                          std::max<std::size_t>(heads[j].size(), 6));
    out << line << '\n';
  }
}

// The -o JSON: the run's settings and outcome, W·diag(d), H and the labels.
nlohmann::ordered_json result_json(const nmf::NmfResult& r) {
  nlohmann::ordered_json j;
  j["k"] = r.config.k;
  j["solver"] = nmf::to_string(r.config.solver);
  j["init"] = nmf::to_string(r.config.init);
  j["seed"] = r.config.seed;
  j["tol"] = r.config.tol;
  j["max_iter"] = r.config.max_iter;
  j["extrapolate"] = r.config.extrapolate;
  j["iterations"] = r.iterations;
  j["converged"] = r.converged;
  j["relative_error"] = r.relative_error;
  j["objective_trace"] = r.objective_trace;  // for V / value_scale (nmf/result.hpp)
  j["value_scale"] = r.value_scale;
  j["seconds"] = r.seconds;
  return j;
}

// The same text as one dump of result_json with W, H and the labels added
// last, written a row at a time: a W of millions of rows is never one JSON value.
void write_result_json(std::ostream& out, const io::LabelledMatrix& in, const nmf::NmfResult& r,
                       const nmf::Matrix& W) {
  std::string head = result_json(r).dump();
  head.pop_back();  // the closing brace
  out << head << ",\"W\":";
  write_rows_json(out, W);
  out << ",\"H\":";
  write_rows_json(out, r.H);
  out << ",\"row_labels\":" << nlohmann::ordered_json(in.row_labels).dump()
      << ",\"column_labels\":" << nlohmann::ordered_json(in.column_labels).dump() << "}\n";
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
    const nmf::Matrix W = r.W * r.d.asDiagonal();

    const auto names = factor_names(r.config.k);
    io::write_in_order({
        {opt_.json_path.empty() ? "-" : "",
         [&] { io::write_atomically("-", [&](std::ostream& out) { print_summary(out, opt_, in, r); }); }},
        {opt_.json_path,
         [&] {
           io::write_atomically(opt_.json_path, [&](std::ostream& out) { write_result_json(out, in, r, W); });
           log().info("wrote {}", opt_.json_path);
         }},
        {opt_.w_path,
         [&] {
           io::write_atomically(opt_.w_path, [&](std::ostream& out) {
             io::write_csv(out, W, in.row_labels, names, io::delimiter_for(opt_.w_path));
           });
         }},
        {opt_.h_path,
         [&] {
           io::write_atomically(opt_.h_path, [&](std::ostream& out) {
             io::write_csv(out, r.H, names, in.column_labels, io::delimiter_for(opt_.h_path));
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
