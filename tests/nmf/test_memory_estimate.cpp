#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/nmf/memory_estimate.hpp>
#include "core/memory.hpp"
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

TEST_CASE("a fit whose declared shape needs more memory than the machine has is refused before allocating") {
  // Two entries, declared 50000000 x 50000000: the dense factors alone
  // would need gigabytes per factor column.
  SparseMatrix V(50000000, 50000000);
  V.insert(0, 0) = 1;
  V.insert(1, 1) = 2;
  V.makeCompressed();
  NmfConfig c;
  c.k = 5;
  if (unbake::available_memory_bytes() == 0) return;  // nothing to compare with
  std::string message;
  try {
    fit(V, c);
  } catch (const unbake::InputError& e) {
    message = e.what();
  }
  CHECK(message.find("factoring needs about ") == 0);
  CHECK(message.find(" GB at k = 5 (50000000 x 50000000), more than this machine's ") != std::string::npos);
}

TEST_CASE("the estimate grows with the shape and k, and ordinary fits are far below any machine") {
  NmfConfig c;
  c.k = 20;
  const double ordinary = fit_memory_bytes(20000, 50000, 20000, 50000, 2000000, c);
  CHECK(ordinary < 1e9);
  CHECK(fit_memory_bytes(40000, 50000, 40000, 50000, 2000000, c) > ordinary);
  c.k = 40;
  CHECK(fit_memory_bytes(20000, 50000, 20000, 50000, 2000000, c) > ordinary);
  CHECK(unbake::gigabytes_text(14.2e9) == "14.2 GB");
}

TEST_CASE("empty rows and columns are left out of the solve and come back as zeros") {
  // A planted 24 x 18 matrix spread over a 100000 x 80000 shape: the fit is
  // the planted matrix's own, bit for bit, with zero rows of W and columns
  // of H elsewhere.
  const Planted p = planted(24, 18, 3, 9);
  auto row_at = [](Eigen::Index i) { return 7 + i * 4001; };
  auto col_at = [](Eigen::Index j) { return 3 + j * 4001; };
  std::vector<Eigen::Triplet<double>> entries;
  for (Eigen::Index i = 0; i < p.V.outerSize(); ++i)
    for (SparseMatrix::InnerIterator it(p.V, i); it; ++it)
      entries.emplace_back(row_at(i), col_at(it.col()), it.value());
  SparseMatrix big(100000, 80000);
  big.setFromTriplets(entries.begin(), entries.end());
  big.makeCompressed();
  NmfConfig c;
  c.k = 3;
  c.max_iter = 30;
  for (Solver s : {Solver::hals, Solver::kl}) {
    c.solver = s;
    const NmfResult small = fit(p.V, c), r = fit(big, c);
    REQUIRE(r.W.rows() == 100000);
    REQUIRE(r.H.cols() == 80000);
    CHECK(r.relative_error == small.relative_error);
    CHECK(r.d == small.d);
    CHECK(r.W.sum() == doctest::Approx(small.W.sum()));
    for (Eigen::Index i = 0; i < p.V.rows(); ++i) CHECK(r.W.row(row_at(i)) == small.W.row(i));
    for (Eigen::Index j = 0; j < p.V.cols(); ++j) CHECK(r.H.col(col_at(j)) == small.H.col(j));
  }
}
