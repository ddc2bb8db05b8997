#include "nmf_flags.hpp"

#include <unbake/core/errors.hpp>
#include "execution.hpp"
#include "field_flags.hpp"
#include "number_flags.hpp"

namespace unbake::app {
namespace {

// A named choice (--solver hals) stored as an enum. The name parser throws
// UsageError; here it runs as a CLI11 check so that a bad name fails during
// parsing (exit 2) with the parser's own message.
template <class Enum>
void add_choice(CLI::App& app, const std::string& flag, Enum& target, Enum (*parse)(const std::string&),
                const std::string& names, const std::string& help) {
  CLI::Validator known(
      [parse](std::string& name) -> std::string {
        try {
          parse(name);
          return {};
        } catch (const UsageError& e) {
          return cli_message(e);
        }
      },
      names);
  app.add_option_function<std::string>(
         flag, [&target, parse](const std::string& s) { target = parse(s); }, help)
      ->check(known)
      ->default_str(nmf::to_string(target));
}

}  // namespace

void add_nmf_flags(CLI::App& app, nmf::NmfConfig& config, bool with_k) {
  if (with_k)
    add_number(app, "-k", config.k, "Number of factors (topics) k, 1 <= k <= min(rows, columns)")
        ->default_str("")
        ->required();
  add_choice(app, "--solver", config.solver, nmf::parse_solver, "als|mu|hals|kl",
             "Update rule: hals (coordinate descent), als (clipped alternating least squares), mu "
             "(multiplicative, Frobenius), kl (multiplicative, Kullback-Leibler)");
  add_choice(app, "--init", config.init, nmf::parse_init, "random|nndsvd|nndsvda|nndsvdar",
             "Starting point: random, or an SVD-based start (nndsvd; nndsvda fills zeros with the mean; "
             "nndsvdar with small random values)");
  add_number(app, "--seed", config.seed, "Random seed (same seed and input give the same result)");
  add_number(app, "--tol", config.tol,
             "Stop when the objective improves by less than this fraction (three times in a row when "
             "extrapolating)",
             "1e-05 for hals and mu, 1e-04 for als and kl");
  add_number(app, "--max-iter", config.max_iter, "Stop after this many iterations");
  add_threads_flag(app);
  add_number(app, "--l1-w", config.l1_w, "L1 (sparsity) penalty on W");
  add_number(app, "--l1-h", config.l1_h, "L1 (sparsity) penalty on H");
  add_number(app, "--l2-w", config.l2_w, "L2 (ridge) penalty on W");
  add_number(app, "--l2-h", config.l2_h, "L2 (ridge) penalty on H");
  app.add_flag_callback(
      "--extrapolate", [&config] { config.extrapolate = true; },
      "Start each half-step from an extrapolated point (Ang & Gillis 2019): fewer iterations "
      "to the same error; hals only, where it is the default");
  app.add_flag_callback(
      "--no-extrapolate", [&config] { config.extrapolate = false; },
      "Plain hals steps: a monotone objective trace, more iterations");
}

}  // namespace unbake::app
