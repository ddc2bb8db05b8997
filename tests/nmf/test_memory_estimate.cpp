#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "core/memory.hpp"
#include "nmf/fit.hpp"
#include "nmf/memory_estimate.hpp"

using namespace unbake::nmf;

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
  const double ordinary = fit_memory_bytes(20000, 50000, 2000000, c);
  CHECK(ordinary < 1e9);
  CHECK(fit_memory_bytes(40000, 50000, 2000000, c) > ordinary);
  c.k = 40;
  CHECK(fit_memory_bytes(20000, 50000, 2000000, c) > ordinary);
  CHECK(unbake::gigabytes_text(14.2e9) == "14.2 GB");
}
