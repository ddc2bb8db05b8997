#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/fit.hpp>
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

NmfConfig config(int k, Solver solver) {
  NmfConfig c;
  c.k = k;
  c.solver = solver;
  c.max_iter = 40;
  c.tol = 1e-12;
  return c;
}

std::string message_of(const SparseMatrix& V, const NmfConfig& c) {
  try {
    fit(V, c);
  } catch (const unbake::Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("fit is bit-identical for 1, 2 and 3 threads, for every solver") {
  const SparseMatrix V = noisy(700, 120, 6, 0.08);  // several row blocks on both sides
  for (Solver s : {Solver::hals, Solver::mu, Solver::als, Solver::kl}) {
    const NmfResult one = fit(V, config(5, s), unbake::Execution{1});
    for (int threads : {2, 3}) {
      const NmfResult many = fit(V, config(5, s), unbake::Execution{threads});
      INFO(to_string(s) << " with " << threads << " threads");
      CHECK(many.W == one.W);
      CHECK(many.d == one.d);
      CHECK(many.H == one.H);
      CHECK(many.objective_trace == one.objective_trace);
    }
  }
}

TEST_CASE("result is normalised: W columns and H rows sum to 1, d descending") {
  const SparseMatrix V = noisy(50, 40, 2);
  const NmfResult r = fit(V, config(6, Solver::hals));
  for (int t = 0; t < 6; ++t) {
    CHECK(r.W.col(t).sum() == doctest::Approx(1));
    CHECK(r.H.row(t).sum() == doctest::Approx(1));
    if (t > 0) CHECK(r.d[t] <= r.d[t - 1]);
  }
  // The reported error is the error of the normalised product.
  CHECK(dense_relative_error(V, r.W, r.d, r.H) == doctest::Approx(r.relative_error).epsilon(1e-8));
}

TEST_CASE("the stopping rule: converged on small change, not converged at max_iter") {
  const SparseMatrix V = noisy(50, 40, 3);
  NmfConfig c = config(4, Solver::hals);
  c.tol = 1e-3;
  c.max_iter = 500;
  const NmfResult r = fit(V, c);
  CHECK(r.converged);
  CHECK(r.iterations < 500);
  CHECK(r.objective_trace.size() == static_cast<size_t>(r.iterations) + 1);
  const double prev = r.objective_trace[r.objective_trace.size() - 2], cur = r.objective_trace.back();
  CHECK((prev - cur) / prev < 1e-3);
  c.tol = 1e-15;
  c.max_iter = 3;
  const NmfResult capped = fit(V, c);
  CHECK_FALSE(capped.converged);
  CHECK(capped.iterations == 3);
  CHECK(capped.seconds >= 0);
}

TEST_CASE("validation names the problem") {
  const SparseMatrix V = noisy(12, 15, 1);
  NmfConfig c;
  c.k = 0;
  CHECK_THROWS_AS(fit(V, c), unbake::UsageError);
  CHECK(message_of(V, c).find("k must be at least 1, got 0") != std::string::npos);
  c.k = 50;
  CHECK_THROWS_AS(fit(V, c), unbake::UsageError);
  CHECK(message_of(V, c).find("k must be between 1 and min(rows, columns) = 12, got 50") !=
        std::string::npos);

  c.k = 2;
  SparseMatrix bad = V;
  bad.coeffRef(2, 4) = -1.0;
  CHECK_THROWS_AS(fit(bad, c), unbake::InputError);
  CHECK(message_of(bad, c).find("row 3, column 5") != std::string::npos);
  bad.coeffRef(2, 4) = std::numeric_limits<double>::quiet_NaN();
  CHECK(message_of(bad, c).find("row 3, column 5") != std::string::npos);
  bad.coeffRef(2, 4) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(fit(bad, c), unbake::InputError);
  CHECK(message_of(bad, c).find("non-finite") != std::string::npos);

  CHECK_THROWS_AS(fit(SparseMatrix(0, 5), c), unbake::InputError);
  CHECK_THROWS_AS(fit(SparseMatrix(6, 5), c), unbake::InputError);  // all zero
}

TEST_CASE("an uncompressed input gives the same result as a compressed one") {
  SparseMatrix V = noisy(30, 20, 4);
  const NmfResult a = fit(V, config(3, Solver::hals));
  V.uncompress();
  const NmfResult b = fit(V, config(3, Solver::hals));
  CHECK(a.W == b.W);
  CHECK(a.H == b.H);
}
