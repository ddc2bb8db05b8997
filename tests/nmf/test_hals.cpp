#include <doctest/doctest.h>

#include "solver_checks.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

TEST_CASE("hals recovers a planted exact factorization") {
  check_recovers_planted(Solver::hals, Init::nndsvda, 3000);
  check_recovers_planted(Solver::hals, Init::random, 3000);
}

TEST_CASE("hals never increases its objective") {
  check_monotone(Solver::hals, Init::nndsvda);
  check_monotone(Solver::hals, Init::random);
}

TEST_CASE("hals with penalties stays monotone and l1 makes factors sparser") {
  const SparseMatrix V = noisy(50, 35, 7);
  NmfConfig c;
  c.k = 4;
  c.tol = 1e-10;
  c.max_iter = 300;
  const NmfResult plain = fit(V, c);
  c.l1_w = c.l1_h = 0.5;
  c.l2_w = c.l2_h = 0.1;
  const NmfResult sparse = fit(V, c);
  for (size_t i = 1; i < sparse.objective_trace.size(); ++i)
    CHECK(sparse.objective_trace[i] <= sparse.objective_trace[i - 1] * (1 + 1e-12));
  auto zeros = [](const NmfResult& r) { return (r.W.array() == 0).count() + (r.H.array() == 0).count(); };
  CHECK(zeros(sparse) > zeros(plain));
}
