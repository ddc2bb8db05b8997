#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "nmf/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/nmf/config.hpp>
#include <unbake/nmf/result.hpp>

using namespace unbake::nmf;

TEST_CASE("solver and init names round-trip and unknown names are usage errors") {
  for (Solver s : {Solver::als, Solver::mu, Solver::hals, Solver::kl}) CHECK(parse_solver(to_string(s)) == s);
  for (Init i : {Init::random, Init::nndsvd, Init::nndsvda, Init::nndsvdar})
    CHECK(parse_init(to_string(i)) == i);
  CHECK_THROWS_AS(parse_solver("cd"), unbake::UsageError);
  CHECK_THROWS_AS(parse_init("svd"), unbake::UsageError);
}

TEST_CASE("validate rejects each bad field") {
  NmfConfig ok;
  CHECK_NOTHROW(ok.validate(100, 100));
  auto rejects = [](auto change) {
    NmfConfig c;
    change(c);
    CHECK_THROWS_AS(c.validate(100, 100), unbake::UsageError);
  };
  rejects([](NmfConfig& c) { c.k = 0; });
  rejects([](NmfConfig& c) { c.k = 101; });
  rejects([](NmfConfig& c) { c.tol = 0; });
  rejects([](NmfConfig& c) { c.tol = std::numeric_limits<double>::infinity(); });
  rejects([](NmfConfig& c) { c.max_iter = 0; });
  rejects([](NmfConfig& c) { c.l1_w = -0.1; });
  rejects([](NmfConfig& c) { c.l2_h = std::numeric_limits<double>::quiet_NaN(); });
}

TEST_CASE("config JSON round-trips and a missing key is an error") {
  NmfConfig c;
  c.k = 7;
  c.solver = Solver::kl;
  c.init = Init::nndsvdar;
  c.seed = 12345678901234ULL;
  c.l1_h = 0.25;
  const nlohmann::json j = c;
  CHECK(j.at("solver") == "kl");
  const NmfConfig back = j.get<NmfConfig>();
  CHECK(back.k == 7);
  CHECK(back.solver == Solver::kl);
  CHECK(back.init == Init::nndsvdar);
  CHECK(back.seed == c.seed);
  CHECK(back.l1_h == 0.25);
  nlohmann::json partial = j;
  partial.erase("tol");
  CHECK_THROWS(partial.get<NmfConfig>());
}

TEST_CASE("unset tol and extrapolation resolve per solver, and JSON always holds what a fit runs with") {
  NmfConfig hals;
  CHECK(hals.extrapolates());
  CHECK(hals.stop_tol() == default_tol(Solver::hals));
  NmfConfig mu;
  mu.solver = Solver::mu;
  CHECK_FALSE(mu.extrapolates());
  CHECK(mu.stop_tol() == default_tol(Solver::mu));
  CHECK_NOTHROW(mu.validate(100, 100));  // the default is never a request mu must refuse
  mu.extrapolate = true;
  CHECK_THROWS_AS(mu.validate(100, 100), unbake::UsageError);
  NmfConfig plain;
  plain.extrapolate = false;
  plain.tol = 3e-4;
  CHECK_FALSE(plain.extrapolates());
  CHECK(plain.stop_tol() == 3e-4);

  const nlohmann::json j = hals;
  CHECK(j.at("extrapolate") == true);
  CHECK(j.at("tol") == default_tol(Solver::hals));
  const NmfConfig back = j.get<NmfConfig>();
  REQUIRE(back.tol.has_value());
  REQUIRE(back.extrapolate.has_value());
  CHECK(*back.extrapolate);
  const NmfConfig resolved = mu.resolved();
  CHECK(resolved.tol == default_tol(Solver::mu));
  CHECK(resolved.extrapolate == true);  // an explicit choice stays as it was
}

TEST_CASE("result JSON holds matrices as arrays of rows") {
  NmfResult r;
  r.W = Matrix::Ones(3, 2);
  r.d = Vector::Ones(2);
  r.H = Matrix::Zero(2, 4);
  r.objective_trace = {2, 1};
  const nlohmann::json j = r;
  CHECK(j.at("W").size() == 3);
  CHECK(j.at("W")[0].size() == 2);
  CHECK(j.at("H").size() == 2);
  CHECK(j.at("H")[0].size() == 4);
  CHECK(j.at("config").at("solver") == "hals");
  CHECK(j.at("objective_trace").size() == 2);
}
