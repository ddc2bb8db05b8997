#include <doctest/doctest.h>

#include "solver_checks.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

TEST_CASE("als (clipped) recovers a planted exact factorization") {
  check_recovers_planted(Solver::als, Init::nndsvda, 3000);
}

TEST_CASE("als keeps factors non-negative on data without exact structure") {
  const SparseMatrix V = noisy(40, 30, 9);
  NmfConfig c;
  c.k = 5;
  c.solver = Solver::als;
  c.max_iter = 50;
  const NmfResult r = fit(V, c);
  CHECK(r.W.minCoeff() >= 0);
  CHECK(r.H.minCoeff() >= 0);
  CHECK(r.relative_error < 1.0);
}
