// HALS: hierarchical alternating least squares, i.e. exact coordinate descent
// on one column of a factor at a time (Cichocki & Phan 2009), with the inner
// loop acceleration of Gillis & Glineur 2012: the Gram G = OᵀO and the rhs
// R = X·O cost far more than a sweep over the columns, so the sweep is
// repeated on the same G and R while it still moves the factor enough.
//
// Update of column t of F (F ≈ X·O⁺ side, penalty l1·ΣF + ½l2·||F||²):
//   F[:,t] ← max(0, F[:,t] + (R[:,t] − l1 − F·G[:,t] − l2·F[:,t]) / (G[t,t] + l2))
// Each row of F only reads its own entries, so the column sweep is done row
// by row (identical arithmetic to the column-wise form), and each row decides
// on its own when its inner sweeps stop. The objective never increases.
#include <cmath>

#include "nmf/inner_sweeps.hpp"
#include "nmf/solver.hpp"

namespace unbake::nmf {
namespace {

// Gillis & Glineur's α and δ (inner_sweeps.hpp); their recommended values.
constexpr double kAlpha = 0.5;
constexpr double kDelta = 0.1;

class Hals final : public FrobeniusRule {
 public:
  FactorStats update(const HalfStep& s, RowMatrix& F, Factors&) const override {
    const Eigen::Index k = F.cols();
    const Matrix& G = s.o_stats.gram;
    const double l1 = s.penalty.l1, l2 = s.penalty.l2;
    // Plain names, not a structured binding: clang 14 (the fuzz build) cannot capture those in a lambda.
    const InnerSweeps budget = inner_sweeps(s, F.rows(), kAlpha, kDelta);
    const int max_sweeps = budget.max_sweeps;
    const double delta_sq = budget.delta_sq;
    // Reciprocal step sizes, 0 where O's column is zero (f[t] then has no
    // effect on the fit and is left alone).
    Vector inv(k);
    for (Eigen::Index t = 0; t < k; ++t) inv[t] = G(t, t) + l2 > 0 ? 1.0 / (G(t, t) + l2) : 0.0;
    return sweep_rows(s.X, s.O, F, s.threads,
                      [&](const double* r, double* __restrict f, double* __restrict q) {
                        // q = r − f·G is kept current as f changes, so a coordinate step costs
                        // O(1) plus an O(k) correction only when the entry actually moves (in
                        // text NMF most entries sit at zero and stay there).
                        for (Eigen::Index t = 0; t < k; ++t) q[t] = r[t];
                        for (Eigen::Index a = 0; a < k; ++a) {
                          if (f[a] == 0) continue;
                          const double* __restrict g = G.data() + a * k;
                          for (Eigen::Index t = 0; t < k; ++t) q[t] -= f[a] * g[t];
                        }
                        double first = 0;
                        for (int sweep = 0; sweep < max_sweeps; ++sweep) {
                          double moved = 0;
                          for (Eigen::Index t = 0; t < k; ++t) {
                            const double next = std::max(0.0, f[t] + (q[t] - l1 - l2 * f[t]) * inv[t]);
                            const double step = next - f[t];
                            if (step == 0) continue;
                            f[t] = next;
                            moved += step * step;
                            const double* __restrict g = G.data() + t * k;
                            for (Eigen::Index a = 0; a < k; ++a) q[a] -= step * g[a];
                          }
                          if (sweep == 0) first = moved;
                          if (moved <= delta_sq * first) break;
                        }
                      });
  }
};

}  // namespace

std::unique_ptr<UpdateRule> make_hals() { return std::make_unique<Hals>(); }

}  // namespace unbake::nmf
