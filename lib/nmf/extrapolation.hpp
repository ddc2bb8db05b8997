#pragma once
// Extrapolation between outer iterations (Ang & Gillis 2019, "Accelerating
// nonnegative matrix factorization algorithms using extrapolation", Neural
// Computation 31(2)): after a factor is updated to F, the next half-step starts
// from the projected point
//   F̂ = max(0, F + β·(F − F_previous))
// instead of F. β grows by γ (capped by β̄, which itself grows by γ̄ up to 1)
// while the objective keeps falling; when it rises, the sequence restarts
// from the current pair without momentum, β̄ takes the old β and β shrinks by η.
//
// Used with hals (NmfConfig::validate says why not the others); the driver
// decides when to call it. Every pair
// whose objective is reported is feasible (non-negative); the trace can rise
// at a restart, which is why the driver never stops on such a step.
#include "nmf/primitives.hpp"
#include "nmf/solver.hpp"

namespace unbake::nmf {

class Extrapolation {
 public:
  Extrapolation(const Factors& start);

  // After W was updated: W ← Ŵ (its stats follow).
  void after_w(Factors& f, int threads);
  // After the objective of the current pair is known (before the next W
  // update): either H ← Ĥ, or a restart when `current` rose above `previous`.
  void after_objective(Factors& f, double previous, double current, int threads);

 private:
  void step(RowMatrix& F, RowMatrix& previous) const;

  RowMatrix w_prev_, h_prev_;
  double beta_ = 0.5;
  double beta_cap_ = 1.0;
};

}  // namespace unbake::nmf
