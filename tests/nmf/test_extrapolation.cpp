// --extrapolate: a driver-level acceleration, so the checks are about what the
// driver promises with it: recovery, a final error that is the error of the
// returned factors, determinism, and that it is refused where it cannot work.
#include <doctest/doctest.h>

#include <string>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/fit.hpp>
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

NmfConfig extrapolating(int k, Solver solver, double tol, int max_iter) {
  NmfConfig c;
  c.k = k;
  c.solver = solver;
  c.tol = tol;
  c.max_iter = max_iter;
  c.extrapolate = true;
  return c;
}

}  // namespace

TEST_CASE("extrapolated hals recovers a planted factorization") {
  const Planted p = planted(40, 30, 3, 11);
  const NmfResult r = fit(p.V, extrapolating(3, Solver::hals, 1e-14, 3000));
  CHECK(dense_relative_error(p.V, r.W, r.d, r.H) < 1e-3);
  CHECK(r.W.minCoeff() >= 0);
  CHECK(r.H.minCoeff() >= 0);
}

TEST_CASE("the reported error is the error of the returned factors, however the run ends") {
  const SparseMatrix V = noisy(80, 50, 9);
  // Stopped by the rule, and cut off by max_iter at several points (a cut can
  // fall right after a restart).
  for (int max_iter : {3, 7, 12, 500}) {
    INFO("max_iter " << max_iter);
    const NmfResult r = fit(V, extrapolating(4, Solver::hals, 1e-6, max_iter));
    CHECK(std::abs(r.relative_error - dense_relative_error(V, r.W, r.d, r.H)) < 1e-10);
    CHECK(r.objective_trace.size() == static_cast<size_t>(r.iterations) + 1);
  }
}

TEST_CASE("a converged extrapolated run never ends on a rise, and the trace does fall") {
  for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
    INFO("seed " << seed);
    const SparseMatrix V = noisy(120, 60, seed);
    const NmfResult r = fit(V, extrapolating(5, Solver::hals, 1e-6, 2000));
    REQUIRE(r.converged);
    const auto& t = r.objective_trace;
    CHECK(t.back() <= t[t.size() - 2]);
    CHECK(t.back() < t.front());
  }
}

TEST_CASE("an extrapolated run stops only after three small decreases in a row") {
  // A plain run stops on the first decrease below tol; an extrapolated one
  // needs three, so its last three steps are all small and no earlier
  // stretch of three was.
  const double tol = 1e-4;
  for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
    INFO("seed " << seed);
    const SparseMatrix V = noisy(120, 60, seed);
    const NmfResult r = fit(V, extrapolating(5, Solver::hals, tol, 2000));
    REQUIRE(r.converged);
    const auto& t = r.objective_trace;
    REQUIRE(t.size() >= 4);
    auto small = [&](size_t i) { return t[i] <= t[i - 1] && t[i - 1] - t[i] < tol * t[i - 1]; };
    int run = 0;
    for (size_t i = 1; i < t.size(); ++i) {
      run = small(i) ? run + 1 : 0;
      if (i + 1 < t.size()) CHECK(run < 3);
    }
    CHECK(run == 3);
  }
}

TEST_CASE("extrapolated fits are bit-identical for 1, 2 and 3 threads") {
  const SparseMatrix V = noisy(700, 120, 6, 0.08);
  const NmfResult one = fit(V, extrapolating(5, Solver::hals, 1e-12, 40), unbake::Execution{1});
  for (int threads : {2, 3}) {
    const NmfResult many = fit(V, extrapolating(5, Solver::hals, 1e-12, 40), unbake::Execution{threads});
    CHECK(many.W == one.W);
    CHECK(many.H == one.H);
    CHECK(many.objective_trace == one.objective_trace);
  }
}

TEST_CASE("extrapolation is refused for the other solvers") {
  const Planted p = planted(20, 15, 2, 3);
  for (Solver s : {Solver::mu, Solver::kl, Solver::als}) {
    INFO(to_string(s));
    CHECK_THROWS_AS(fit(p.V, extrapolating(2, s, 1e-4, 10)), unbake::UsageError);
  }
}
