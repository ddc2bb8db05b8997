// Multiplicative updates for the generalised Kullback–Leibler divergence
// (Lee & Seung 2001, "Algorithms for non-negative matrix factorization"; the
// loss is KlLoss in loss.hpp). Seen from the side being updated (X ≈ F·Oᵀ):
//   F ← F ∘ ((X / (F·Oᵀ)) · O) / (1ᵀO + l1 + l2·F)
// The ratio X/(F·Oᵀ) is only needed where X is non-zero (elsewhere it is 0),
// so the operator forms (F·Oᵀ)_ij at X's non-zeros only and W·H is never
// formed. Monotone without penalties (and with l1); the l2 term in the
// denominator is the usual heuristic extension.
#include <vector>

#include "nmf/solver.hpp"

namespace unbake::nmf {
namespace {

// Multiplicative updates shrink entries geometrically; below this they are
// set to zero before they reach the (very slow) subnormal range.
constexpr double kFlush = 1e-150;

class KlMu final : public UpdateScheme {
 public:
  HalfResult update(const HalfStep& s, RowMatrix& F) const override {
    const Eigen::Index k = F.cols();
    const Vector& osum = s.o_stats.colsum;
    BlockStats parts(F.rows(), k);
    std::vector<double> terms(s.row_term ? static_cast<size_t>(block_count(F.rows())) : 0, 0.0);
    for_blocks(F.rows(), s.threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
      std::vector<double> num(static_cast<size_t>(k));
      for (Eigen::Index i = begin; i < end; ++i) {
        double* fi = F.data() + i * k;
        s.X.ratio_product_row(i, fi, s.O, num.data());
        for (Eigen::Index t = 0; t < k; ++t) {
          const double denom = osum[t] + s.penalty.l1 + s.penalty.l2 * fi[t];
          fi[t] = denom > 0 ? fi[t] * num[static_cast<size_t>(t)] / denom : 0.0;
          if (fi[t] < kFlush) fi[t] = 0;
        }
        // The row's non-zeros and the rows of O they pick are still in cache.
        if (s.row_term) terms[static_cast<size_t>(b)] += s.row_term->rows(s.X, i, i + 1, F, s.O);
      }
      parts[b].add_rows(F.data() + begin * k, end - begin, nullptr);
    });
    if (!s.row_term) return parts.reduce();
    double total = 0;
    for (double v : terms) total += v;
    return {parts.reduce(), total};
  }

  // It never forms X·O: cross is not kept.
  bool keeps_cross() const override { return false; }
};

}  // namespace

std::unique_ptr<UpdateScheme> make_kl_mu() { return std::make_unique<KlMu>(); }

}  // namespace unbake::nmf
