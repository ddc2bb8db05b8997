#pragma once
// The outcome of a factorization, as plain fields. Not converging is a field
// (converged = false), never an exception.
#include <vector>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/types.hpp>

namespace unbake::nmf {

// V ~= W * diag(d) * H. Scaling: every column of W and every row of H sums to
// 1 (an all-zero factor stays zero), d holds the scale, and topics are ordered
// by d, largest first.
struct NmfResult {
  Matrix W;  // m x k
  Vector d;  // k
  Matrix H;  // k x n
  NmfConfig config;
  int iterations = 0;
  bool converged = false;
  double relative_error = 0;  // ||V - W diag(d) H||_F / ||V||_F
  // The solver's objective after init and after each iteration, for
  // V / value_scale: a matrix far from 1 is solved scaled (nmf/value_scale.hpp),
  // and its objective in V's own units (1e300 squared) may not be a double.
  // In V's units it is value_scale² times this (value_scale times for kl).
  std::vector<double> objective_trace;
  double value_scale = 1;  // a power of two; 1 for every matrix with entries in [2^-40, 2^40]
  double seconds = 0;
};

}  // namespace unbake::nmf
