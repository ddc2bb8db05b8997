#pragma once
// The outcome of a factorization, as plain fields. Not converging is a field
// (converged = false), never an exception.
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "nmf/config.hpp"
#include "nmf/types.hpp"

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
  double relative_error = 0;            // ||V - W diag(d) H||_F / ||V||_F
  std::vector<double> objective_trace;  // the solver's objective after init and after each iteration
  double seconds = 0;
};
void to_json(nlohmann::json& j, const NmfResult& r);  // W, d, H included

}  // namespace unbake::nmf
