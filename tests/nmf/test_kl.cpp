#include <doctest/doctest.h>

#include <cmath>

#include "solver_checks.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

TEST_CASE("kl recovers a planted exact factorization") {
  check_recovers_planted(Solver::kl, Init::nndsvda, 20000);
}

TEST_CASE("kl never increases its divergence") {
  check_monotone(Solver::kl, Init::nndsvda);
  check_monotone(Solver::kl, Init::random);
}

TEST_CASE("kl trace is the generalised KL divergence of the result") {
  const SparseMatrix V = noisy(20, 15, 3);
  NmfConfig c;
  c.k = 3;
  c.solver = Solver::kl;
  c.max_iter = 25;
  c.tol = 1e-14;
  const NmfResult r = fit(V, c);
  const Matrix model = r.W * r.d.asDiagonal() * r.H;
  const Matrix D = Matrix(V);
  double div = 0;
  for (int i = 0; i < D.rows(); ++i)
    for (int j = 0; j < D.cols(); ++j)
      div += (D(i, j) > 0 ? D(i, j) * std::log(D(i, j) / model(i, j)) - D(i, j) : 0.0) + model(i, j);
  CHECK(r.objective_trace.back() == doctest::Approx(div).epsilon(1e-9));
}
