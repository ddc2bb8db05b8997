#pragma once
// The inner-loop budget of Gillis & Glineur 2012 ("Accelerated multiplicative
// updates and hierarchical alternating least squares algorithms for
// nonnegative matrix factorization", Neural Computation 24(4)), shared by the
// solvers that refine one factor several times against the same R = X·O and
// G = OᵀO.
//
// Forming R costs nnz(X)·k and G costs rows(O)·k²; one sweep over F costs
// rows(F)·k². Their ratio ρ says how many sweeps are "free" next to the
// products; 1 + α·ρ sweeps are allowed, and a row stops early once a sweep
// moves it by less than δ times what its first sweep did.
#include <algorithm>

#include "nmf/solver.hpp"

namespace unbake::nmf {

struct InnerSweeps {
  int max_sweeps = 1;
  double delta_sq = 0;  // δ²: compared against squared movements
};

inline InnerSweeps inner_sweeps(const HalfStep& s, Eigen::Index rows, double alpha, double delta) {
  const double k = static_cast<double>(s.O.cols());
  if (rows == 0 || k == 0) return {1, delta * delta};
  const double rho = (double(s.X.nonzeros()) * k + double(s.O.rows()) * k * k) / (double(rows) * k * k);
  return {1 + static_cast<int>(alpha * rho), delta * delta};
}

}  // namespace unbake::nmf
