#pragma once
// When a fit stops, as its own small piece: the driver reports each new
// objective value and asks.
#include <cmath>

namespace unbake::nmf {

class StoppingRule {
 public:
  virtual ~StoppingRule() = default;
  // Called once per iteration with the objective before and after it.
  // `may_rise`: the scheme is not monotone by design (an extrapolation
  // restart), so a rise is not a sign of convergence.
  virtual bool converged(double previous, double current, bool may_rise) = 0;
};

// Stops after `patience` consecutive iterations whose relative change
// |previous − current| / previous is below tol, or when the objective is
// zero. |change| rather than decrease: a monotone solver's round-off wobble
// at the optimum still stops, and ALS (not monotone) is not stopped by a
// bump. A rise where rises are expected is never a small step.
class RelativeChange final : public StoppingRule {
 public:
  RelativeChange(double tol, int patience) : tol_(tol), patience_(patience) {}
  bool converged(double previous, double current, bool may_rise) override {
    const bool rose = may_rise && current > previous;
    small_steps_ = !rose && std::abs(previous - current) < tol_ * previous ? small_steps_ + 1 : 0;
    return previous <= 0 || small_steps_ >= patience_;
  }

 private:
  double tol_;
  int patience_;
  int small_steps_ = 0;
};

}  // namespace unbake::nmf
