#include <doctest/doctest.h>

#include "nmf/stopping.hpp"

using unbake::nmf::RelativeChange;

TEST_CASE("a relative change below tol stops a run at once with patience 1") {
  RelativeChange rule(1e-3, 1);
  CHECK_FALSE(rule.converged(100, 90, false));
  CHECK(rule.converged(90, 89.95, false));
}

TEST_CASE("patience needs that many small steps in a row, a large one starts the count again") {
  RelativeChange rule(1e-3, 3);
  CHECK_FALSE(rule.converged(100, 99.99, false));
  CHECK_FALSE(rule.converged(99.99, 99.98, false));
  CHECK_FALSE(rule.converged(99.98, 90, false));  // large: the count restarts
  CHECK_FALSE(rule.converged(90, 89.999, false));
  CHECK_FALSE(rule.converged(89.999, 89.998, false));
  CHECK(rule.converged(89.998, 89.997, false));
}

TEST_CASE("a small rise counts as a small change unless rises are expected") {
  RelativeChange plain(1e-3, 1);
  CHECK(plain.converged(100, 100.01, false));  // round-off wobble at the optimum
  RelativeChange extrapolated(1e-3, 1);
  CHECK_FALSE(extrapolated.converged(100, 100.01, true));  // a restart, not convergence
  CHECK(extrapolated.converged(100.01, 100.005, true));
}

TEST_CASE("an expected rise starts the count of small steps again") {
  RelativeChange rule(1e-3, 2);
  CHECK_FALSE(rule.converged(100, 99.99, true));
  CHECK_FALSE(rule.converged(99.99, 99.995, true));  // a restart: the count starts again
  CHECK_FALSE(rule.converged(99.995, 99.99, true));
  CHECK(rule.converged(99.99, 99.985, true));
}

TEST_CASE("an objective of zero stops") {
  RelativeChange rule(1e-9, 5);
  CHECK(rule.converged(0, 0, false));
}
