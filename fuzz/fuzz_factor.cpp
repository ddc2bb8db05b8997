// A small matrix as `unbake factor` reads it, then factored: every finite
// non-negative matrix, whatever its magnitudes (1e-300 next to 1e300,
// subnormals, a single entry), must give finite, non-negative factors and, for
// hals and mu, a relative error in [0, 1], or fail with a typed error. NaN, infinity, a negative entry or an
// untyped exception is a finding.
#include <cmath>

#include <unbake/core/errors.hpp>
#include <unbake/io/matrix_input.hpp>
#include <unbake/nmf/fit.hpp>
#include "fuzz_input.hpp"

namespace {

bool finite_nonnegative(const unbake::nmf::Matrix& M) {
  for (Eigen::Index i = 0; i < M.size(); ++i)
    if (!std::isfinite(M.data()[i]) || M.data()[i] < 0) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 12) || size < 1) return 0;
  // The first byte picks the solver and k; the rest is the file.
  const unsigned pick = data[0];
  const std::string path = unbake::fuzz::write_input(data + 1, size - 1, ".mtx");
  try {
    const auto m = unbake::io::read_nonnegative_matrix(path);
    // Keep each run fast: a fuzzer finds more with many small fits.
    if (m.V.rows() * m.V.cols() > 4096) return 0;
    unbake::nmf::NmfConfig config;
    const unbake::nmf::Solver solvers[] = {unbake::nmf::Solver::hals, unbake::nmf::Solver::mu,
                                           unbake::nmf::Solver::als, unbake::nmf::Solver::kl};
    config.solver = solvers[pick % 4];
    config.k = 1 + static_cast<int>((pick / 4) % 3);
    config.init = (pick / 12) % 2 ? unbake::nmf::Init::random : unbake::nmf::Init::nndsvda;
    config.max_iter = 20;
    if (config.k > std::min(m.V.rows(), m.V.cols())) return 0;
    const auto r = unbake::nmf::fit(m.V, config, unbake::Execution{1});
    if (!finite_nonnegative(r.W) || !finite_nonnegative(r.H))
      unbake::fuzz::broken("a fit returned a factor that is not finite and non-negative");
    for (Eigen::Index t = 0; t < r.d.size(); ++t)
      if (!std::isfinite(r.d[t]) || r.d[t] < 0)
        unbake::fuzz::broken("a fit returned a scale that is not finite");
    if (!std::isfinite(r.relative_error) || r.relative_error < 0)
      unbake::fuzz::broken("a fit returned a relative error that is not finite");
    // hals and mu never increase the objective from their start, so they end
    // at most at the error of W = H = 0, which is 1. Clipped ALS is not
    // monotone and may end above it (k above V's rank, where clipping the
    // least-squares step undoes it): reported as it is, not checked here.
    if ((config.solver == unbake::nmf::Solver::hals || config.solver == unbake::nmf::Solver::mu) &&
        r.relative_error > 1 + 1e-9)
      unbake::fuzz::broken("a monotone Frobenius fit is worse than the zero factorization");
    for (double v : r.objective_trace)
      if (!std::isfinite(v)) unbake::fuzz::broken("the objective trace holds a value that is not finite");
  } catch (const unbake::InputError&) {
  } catch (const unbake::NumericError&) {
  } catch (const unbake::UsageError&) {
  }
  return 0;
}
