#include "nmf/extrapolation.hpp"

#include <algorithm>
#include <utility>

namespace unbake::nmf {
namespace {

// Chosen on 20 Newsgroups (k = 20) and planted problems, of the order the
// paper uses: β starts at 0.5, grows 5% per successful step; its cap grows 1%.
constexpr double kShrink = 1.5;    // η
constexpr double kGrow = 1.05;     // γ
constexpr double kCapGrow = 1.01;  // γ̄

}  // namespace

Extrapolation::Extrapolation(const Factors& start) : w_prev_(start.W), h_prev_(start.Ht) {}

void Extrapolation::step(RowMatrix& F, RowMatrix& previous) const {
  // Elementwise and in place: F becomes F̂, previous becomes the plain F.
  double* f = F.data();
  double* p = previous.data();
  const Eigen::Index n = F.size();
  for (Eigen::Index i = 0; i < n; ++i) {
    const double fresh = f[i];
    f[i] = std::max(0.0, fresh + beta_ * (fresh - p[i]));
    p[i] = fresh;
  }
}

void Extrapolation::after_w(Factors& f, int threads) {
  step(f.W, w_prev_);
  f.w = factor_stats(f.W, threads);
}

void Extrapolation::after_objective(Factors& f, double previous, double current, int threads) {
  if (current > previous) {
    // Restart from the pair just evaluated: no momentum on the next step.
    w_prev_ = f.W;
    h_prev_ = f.Ht;
    beta_cap_ = beta_;
    beta_ /= kShrink;
    return;
  }
  step(f.Ht, h_prev_);
  f.h = factor_stats(f.Ht, threads);
  f.row_term.reset();  // it was summed over the H before the step
  beta_ = std::min(beta_cap_, kGrow * beta_);
  beta_cap_ = std::min(1.0, kCapGrow * beta_cap_);
}

}  // namespace unbake::nmf
