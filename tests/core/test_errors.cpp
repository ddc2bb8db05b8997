#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <unbake/core/errors.hpp>

using unbake::UsageError;

namespace {
// A front end's names for two fields, as the command line's table does.
std::string upper(const std::string& field) {
  if (field == "k") return "-k";
  if (field == "solver") return "--solver";
  return "<" + field + ">";
}
}  // namespace

TEST_CASE("UsageError: the message is the field and the detail") {
  const UsageError e("k", "must be at least 1, got 0");
  CHECK(e.field() == "k");
  CHECK(e.detail() == "must be at least 1, got 0");
  CHECK(e.other_fields().empty());
  CHECK(std::string(e.what()) == "k must be at least 1, got 0");
  CHECK(e.message(upper) == "-k must be at least 1, got 0");
}

TEST_CASE("UsageError: other fields of the detail are renamed as whole words only") {
  const UsageError e("extrapolate", "works with solver hals only, not mu (solvers: k_solver, solver_x)",
                     {"solver"});
  CHECK(std::string(e.what()) ==
        "extrapolate works with solver hals only, not mu (solvers: k_solver, solver_x)");
  CHECK(e.message(upper) ==
        "<extrapolate> works with --solver hals only, not mu (solvers: k_solver, solver_x)");
  // A word that only looks like a field the error does not list stays.
  const UsageError k("ks", "must be ascending, like k in 2:10");
  CHECK(k.message(upper) == "<ks> must be ascending, like k in 2:10");
}

TEST_CASE("UsageError: without a field the message is kept whole") {
  const UsageError e("outputs --json and --model are the same file");
  CHECK(e.field().empty());
  CHECK(std::string(e.what()) == "outputs --json and --model are the same file");
  CHECK(e.message(upper) == std::string(e.what()));
}

TEST_CASE("UsageError: within() says where and keeps the fields") {
  const UsageError inner("l1_w", "is too large");
  const UsageError e = inner.within("V.mtx");
  CHECK(e.field() == "l1_w");
  CHECK(std::string(e.what()) == "V.mtx: l1_w is too large");
  CHECK(e.message(upper) == "V.mtx: <l1_w> is too large");
  CHECK(std::string(e.within("run").what()) == "run: V.mtx: l1_w is too large");
  CHECK(std::string(UsageError("no k to choose from").within("sweep").what()) ==
        "sweep: no k to choose from");
  // The inner error is unchanged, and a copy is the same error.
  CHECK(std::string(inner.what()) == "l1_w is too large");
  const UsageError copy = e;
  CHECK(copy.field() == "l1_w");
  CHECK(std::string(copy.what()) == std::string(e.what()));
}

TEST_CASE("UsageError is an unbake::Error") {
  try {
    throw UsageError("tol", "must be positive and finite");
  } catch (const unbake::Error& e) {
    CHECK(std::string(e.what()) == "tol must be positive and finite");
  }
}
