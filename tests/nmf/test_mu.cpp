#include <doctest/doctest.h>

#include "solver_checks.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

TEST_CASE("mu recovers a planted exact factorization") {
  check_recovers_planted(Solver::mu, Init::nndsvda, 20000);
}

TEST_CASE("mu never increases its objective") {
  check_monotone(Solver::mu, Init::nndsvda);
  check_monotone(Solver::mu, Init::random);
}
