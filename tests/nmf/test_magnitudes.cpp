#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <limits>
#include <string>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/nmf/nnls.hpp>
#include "nmf/value_scale.hpp"
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

// A planted matrix with its largest entry in [1, 2), so that V·2^j for even j
// is solved as V itself once it leaves the ordinary window.
SparseMatrix unit_planted() {
  SparseMatrix V = planted(24, 18, 3, 11).V;
  int p = 0;
  std::frexp(V.coeffs().maxCoeff(), &p);
  for (Eigen::Index i = 0; i < V.nonZeros(); ++i) V.valuePtr()[i] = std::ldexp(V.valuePtr()[i], 1 - p);
  return V;
}

SparseMatrix times_power(const SparseMatrix& V, int j) {
  SparseMatrix S = V;
  for (Eigen::Index i = 0; i < S.nonZeros(); ++i) S.valuePtr()[i] = std::ldexp(S.valuePtr()[i], j);
  return S;
}

NmfConfig config(Solver s) {
  NmfConfig c;
  c.k = 3;
  c.solver = s;
  c.max_iter = 60;
  c.tol = 1e-10;
  return c;
}

void check_finite(const NmfResult& r) {
  CHECK(all_finite(r.W));
  CHECK(all_finite(r.H));
  CHECK(all_finite(r.d));
  CHECK(std::isfinite(r.relative_error));
  for (double v : r.objective_trace) CHECK(std::isfinite(v));
}

// W·diag(d), the factor that carries V's scale.
Matrix scaled_w(const NmfResult& r) { return r.W * r.d.asDiagonal(); }

// a == b·2^shift exactly, except where that lands among the subnormals: there
// W·(d·2^shift) is rounded once and (W·d)·2^shift twice, so the two may
// differ by the smallest subnormal.
bool scaled_exactly(const Matrix& a, const Matrix& b, int shift) {
  const Matrix expected = b * std::ldexp(1.0, shift);
  const double tiny = std::numeric_limits<double>::min(), step = std::numeric_limits<double>::denorm_min();
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const double gap = std::abs(a.data()[i] - expected.data()[i]);
    if (gap > (std::abs(expected.data()[i]) >= tiny ? 0.0 : step)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("V·2^j factors to the same relative error and exactly 2^j-scaled factors, every solver") {
  const SparseMatrix V = unit_planted();
  for (Solver s : {Solver::hals, Solver::mu, Solver::als, Solver::kl}) {
    CAPTURE(to_string(s));
    // Outside the window V·2^j is solved as V (j even) or 2V (j odd).
    const NmfResult even = fit(V, config(s)), odd = fit(times_power(V, 1), config(s));
    for (int j = -1000; j <= 1000; j += 7) {
      CAPTURE(j);
      const NmfResult r = fit(times_power(V, j), config(s));
      check_finite(r);
      if (std::abs(j) <= kWindowExponent) {
        CHECK(r.value_scale == 1);
        continue;
      }
      const NmfResult& ref = j % 2 == 0 ? even : odd;
      const int shift = j % 2 == 0 ? j : j - 1;
      CHECK(r.value_scale == std::ldexp(1.0, shift));
      CHECK(r.relative_error == ref.relative_error);
      CHECK(r.iterations == ref.iterations);
      CHECK(r.W == ref.W);
      CHECK(r.H == ref.H);
      CHECK(scaled_exactly(scaled_w(r), scaled_w(ref), shift));
      CHECK(r.objective_trace == ref.objective_trace);
    }
  }
}

TEST_CASE("penalties scale with V: V·s with l1·s^(3/2), l2·s (kl: l1·s^(1/2), l2) gives s-scaled factors") {
  const SparseMatrix V = unit_planted();
  for (Solver s : {Solver::hals, Solver::mu, Solver::als, Solver::kl}) {
    CAPTURE(to_string(s));
    NmfConfig c = config(s);
    c.l1_w = 0.01, c.l2_w = 0.02, c.l1_h = 0.03, c.l2_h = 0.04;
    const NmfResult ref = fit(V, c);
    for (int j : {-600, -200, -60, 60, 200, 600}) {
      CAPTURE(j);
      NmfConfig cj = c;
      const bool kl = s == Solver::kl;
      for (double* l1 : {&cj.l1_w, &cj.l1_h}) *l1 = std::ldexp(*l1, kl ? j / 2 : 3 * j / 2);
      if (!kl)
        for (double* l2 : {&cj.l2_w, &cj.l2_h}) *l2 = std::ldexp(*l2, j);
      if (!std::isfinite(cj.l1_w) || cj.l1_h == 0) continue;  // not a double at this j
      const NmfResult r = fit(times_power(V, j), cj);
      check_finite(r);
      CHECK(r.relative_error == ref.relative_error);
      CHECK(scaled_w(r) == scaled_w(ref) * std::ldexp(1.0, j));
      CHECK(r.H == ref.H);
    }
  }
}

TEST_CASE("decimal magnitudes 1e-300 .. 1e300 give finite factors and the unscaled relative error") {
  const SparseMatrix V = unit_planted();
  for (Solver s : {Solver::hals, Solver::als, Solver::mu, Solver::kl}) {
    CAPTURE(to_string(s));
    NmfConfig c = config(s);
    c.max_iter = 400;
    for (int p = -300; p <= 300; p += 20) {
      CAPTURE(p);
      SparseMatrix S = V * std::pow(10.0, p);
      S.makeCompressed();
      const NmfResult r = fit(S, c);
      check_finite(r);
      CHECK(r.d.sum() > 0);
      // The same matrix brought near 1 by hand, in decimal: a factor that is
      // not a power of two, so it differs from the scaled problem in the
      // last bits of each entry; 400 iterations carry that to ~3e-8 at most.
      SparseMatrix N = S;
      for (Eigen::Index i = 0; i < N.nonZeros(); ++i)
        N.valuePtr()[i] = static_cast<double>(static_cast<long double>(V.valuePtr()[i]) * powl(10.0L, p) /
                                              powl(2.0L, std::log2(r.value_scale)));
      const NmfResult near = fit(N, c);
      CHECK(near.value_scale == 1);
      CHECK(std::abs(r.relative_error - near.relative_error) < 1e-7);
    }
  }
}

TEST_CASE("a fit whose scales overflow a double fails with NumericError, never returns infinity") {
  // 432 entries up to 2^1023 sum past the largest double: d cannot hold them.
  const SparseMatrix V = times_power(unit_planted(), 1022);
  std::string message;
  try {
    fit(V, config(Solver::hals));
  } catch (const unbake::NumericError& e) {
    message = e.what();
  }
  CHECK(message.find("factor scales are not finite") != std::string::npos);
}

TEST_CASE("a penalty too large for a tiny matrix is a usage error") {
  NmfConfig c = config(Solver::hals);
  c.l1_w = 1e300;
  CHECK_THROWS_AS(fit(times_power(unit_planted(), -1000), c), unbake::UsageError);
}

TEST_CASE("the objective trace grows with the iterations, not with --max-iter") {
  NmfConfig c = config(Solver::hals);
  c.max_iter = INT_MAX;
  c.tol = 1e-4;
  const NmfResult r = fit(unit_planted(), c);
  CHECK(r.converged);
  CHECK(r.objective_trace.size() == static_cast<size_t>(r.iterations) + 1);
  CHECK(r.objective_trace.capacity() < 1000000);
}

TEST_CASE("solve_w and solve_h are exact under power-of-two scaling far outside the window") {
  const Planted p = planted(24, 18, 3, 5);
  const Matrix W0 = solve_w(p.V, p.H, unbake::Execution{1}), H0 = solve_h(p.V, p.W, unbake::Execution{1});
  for (int j : {-900, -300, 300, 900}) {
    CAPTURE(j);
    const Matrix W = solve_w(times_power(p.V, j), p.H, unbake::Execution{1}),
                 H = solve_h(times_power(p.V, j), p.W, unbake::Execution{1});
    CHECK(all_finite(W));
    CHECK(all_finite(H));
    CHECK(W == W0 * std::ldexp(1.0, j));
    CHECK(H == H0 * std::ldexp(1.0, j));
    // And a fixed factor far from 1 (j / 2 keeps the product in range).
    const Matrix Ws = solve_w(p.V, p.H * std::ldexp(1.0, j / 2), unbake::Execution{1});
    CHECK(Ws == W0 * std::ldexp(1.0, -j / 2));
  }
}
