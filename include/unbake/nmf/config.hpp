#pragma once
// What a factorization should compute. Says what, never how; validate()
// rejects anything that cannot be honoured before work starts.
#include <cstdint>
#include <optional>
#include <string>

namespace unbake::nmf {

enum class Solver { als, mu, hals, kl };
enum class Init { random, nndsvd, nndsvda, nndsvdar };

std::string to_string(Solver s);
// Each solver's default tol: where its runs end at the error of a run to
// convergence (README, "Defaults").
double default_tol(Solver s);
std::string to_string(Init i);
Solver parse_solver(const std::string& name);  // throws UsageError
Init parse_init(const std::string& name);      // throws UsageError

struct NmfConfig {
  int k = 10;
  Solver solver = Solver::hals;
  Init init = Init::nndsvda;
  std::uint64_t seed = 0;
  // Stop when |previous - current| / previous < tol (several times in a row
  // when extrapolating). Unset: the solver's default, default_tol().
  std::optional<double> tol;
  int max_iter = 200;
  double l1_w = 0, l1_h = 0, l2_w = 0, l2_h = 0;
  // Start each half-step from an extrapolated point (extrapolation.hpp);
  // hals only. Fewer iterations to the same error; the objective
  // trace can then rise where the extrapolation restarts. Unset: on for
  // hals, off for the others.
  std::optional<bool> extrapolate;

  // The settings a fit runs with: tol and extrapolate filled in.
  double stop_tol() const;
  bool extrapolates() const;
  NmfConfig resolved() const;

  // Throws UsageError; rows/cols are V's shape (k must be <= min(rows, cols)).
  void validate(long rows, long cols) const;
};

// The one JSON form of the settings (as in models, reports and sweeps),
// always resolved: a reader sees the tol and extrapolation a fit ran with.
std::string to_json_string(const NmfConfig& config);
void from_json_string(const std::string& text, NmfConfig& config);  // throws InputError, UsageError

}  // namespace unbake::nmf
