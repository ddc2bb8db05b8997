// Multiplicative updates for the Frobenius loss (Lee & Seung 2001, "Algorithms
// for non-negative matrix factorization"). With R = X·O and G = OᵀO:
//   F ← F ∘ R / (F·G + l1 + l2·F + ε)
// The l1/l2 terms join the denominator, which keeps the auxiliary-function
// argument and so the monotone decrease of ½||V − WH||² + penalties. ε avoids
// 0/0 on rows that are entirely zero; an entry that reaches zero stays zero.
// Entries shrink geometrically toward zero, and once they reach the subnormal
// range every operation on them is many times slower; entries below kFlush
// (far below any meaningful value, the objective change is below round-off)
// are set to exactly zero instead.
#include "nmf/solver.hpp"

namespace unbake::nmf {
namespace {

constexpr double kEpsilon = 1e-10;
constexpr double kFlush = 1e-150;

class Mu final : public FrobeniusRule {
 public:
  FactorStats update(const HalfStep& s, RowMatrix& F, Factors&) const override {
    const Eigen::Index k = F.cols();
    const Matrix& G = s.o_stats.gram;
    const double l1 = s.penalty.l1, l2 = s.penalty.l2;
    return sweep_rows(s.X, s.O, F, s.threads, [&](const double* r, double* f, double* d) {
      // All denominators use the old row: compute them before writing.
      for (Eigen::Index t = 0; t < k; ++t) {
        const double* g = G.data() + t * k;
        double fg = 0;
        for (Eigen::Index a = 0; a < k; ++a) fg += f[a] * g[a];
        d[t] = r[t] / (fg + l1 + l2 * f[t] + kEpsilon);
      }
      for (Eigen::Index t = 0; t < k; ++t) {
        f[t] *= d[t];
        if (f[t] < kFlush) f[t] = 0;
      }
    });
  }
};

}  // namespace

std::unique_ptr<UpdateRule> make_mu() { return std::make_unique<Mu>(); }

}  // namespace unbake::nmf
