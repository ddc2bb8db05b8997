#pragma once
// Checks every solver must pass, shared by the per-solver test files.
#include <doctest/doctest.h>

#include <unbake/nmf/fit.hpp>
#include "planted.hpp"

namespace unbake::nmf::testing {

// Fits a planted exact rank-k matrix and checks it is reconstructed.
inline void check_recovers_planted(Solver solver, Init init, int max_iter) {
  const Planted p = planted(40, 30, 3, 11);
  NmfConfig c;
  c.k = 3;
  c.solver = solver;
  c.init = init;
  c.tol = 1e-14;
  c.max_iter = max_iter;
  const NmfResult r = fit(p.V, c, unbake::Execution{1});
  CHECK(r.relative_error < 1e-3);
  CHECK(dense_relative_error(p.V, r.W, r.d, r.H) < 1e-3);
  CHECK(r.W.minCoeff() >= 0);
  CHECK(r.H.minCoeff() >= 0);
  CHECK(r.d.minCoeff() >= 0);
}

// Each entry of the trace is at most the previous one (up to round-off).
inline void check_monotone(Solver solver, Init init) {
  const SparseMatrix V = noisy(50, 35, 5);
  NmfConfig c;
  c.k = 4;
  c.solver = solver;
  c.init = init;
  c.tol = 1e-12;
  c.max_iter = 300;
  c.extrapolate = false;  // hals's default extrapolation restarts are rises by design
  const NmfResult r = fit(V, c, unbake::Execution{2});
  REQUIRE(r.objective_trace.size() >= 20);
  for (size_t i = 1; i < r.objective_trace.size(); ++i) {
    INFO("iteration " << i);
    CHECK(r.objective_trace[i] <= r.objective_trace[i - 1] * (1 + 1e-12) + 1e-15);
  }
  CHECK(r.objective_trace.back() < r.objective_trace.front());
}

}  // namespace unbake::nmf::testing
