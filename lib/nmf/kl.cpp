// Multiplicative updates for the generalised Kullback–Leibler divergence
// D(V‖WH) = Σ v·log(v/(WH)) − v + (WH) (Lee & Seung 2001). Seen from the side
// being updated (X ≈ F·Oᵀ):
//   F ← F ∘ ((X / (F·Oᵀ)) · O) / (1ᵀO + l1 + l2·F)
// The ratio X/(F·Oᵀ) is only needed where X is non-zero (elsewhere it is 0),
// so (F·Oᵀ)_ij is computed at V's non-zeros only and W·H is never formed. The
// divergence's Σ(WH) term is Σ_t colsum(W)_t·colsum(H)_t. Monotone without
// penalties (and with l1); the l2 term in the denominator is the usual
// heuristic extension.
#include <cmath>

#include "nmf/solver.hpp"

namespace unbake::nmf {
namespace {

// Keeps v / (WH) finite where the model is exactly zero at a non-zero of V.
constexpr double kTiny = 1e-300;
// Multiplicative updates shrink entries geometrically; below this they are
// set to zero before they reach the (very slow) subnormal range.
constexpr double kFlush = 1e-150;

inline double dot(const double* a, const double* b, Eigen::Index k) {
  double s = 0;
  for (Eigen::Index t = 0; t < k; ++t) s += a[t] * b[t];
  return s;
}

// Σ over row i's non-zeros of x·log(x/(f·o_j)) − x.
double row_divergence(const SparseMatrix& X, Eigen::Index i, const RowMatrix& O, const double* f) {
  const Eigen::Index k = O.cols();
  double s = 0;
  for (int p = X.outerIndexPtr()[i]; p < X.outerIndexPtr()[i + 1]; ++p) {
    const double x = X.valuePtr()[p];
    if (x == 0) continue;
    const double model = std::max(kTiny, dot(f, O.data() + Eigen::Index(X.innerIndexPtr()[p]) * k, k));
    s += x * std::log(x / model) - x;
  }
  return s;
}

double divergence_nz(const SparseMatrix& X, const RowMatrix& O, const RowMatrix& F, int threads) {
  std::vector<double> parts(static_cast<size_t>(block_count(F.rows())), 0.0);
  for_blocks(F.rows(), threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index i = begin; i < end; ++i) parts[b] += row_divergence(X, i, O, F.data() + i * F.cols());
  });
  double s = 0;
  for (double v : parts) s += v;
  return s;
}

class Kl final : public UpdateRule {
 public:
  void prepare(const Problem& p, Factors& f) const override {
    f.w = factor_stats(f.W, p.threads);
    f.h = factor_stats(f.Ht, p.threads);
    f.divergence_nz = divergence_nz(p.V, f.Ht, f.W, p.threads);
  }

  FactorStats update(const HalfStep& s, RowMatrix& F, Factors& f) const override {
    const Eigen::Index k = F.cols();
    const SparseMatrix& X = s.X;
    const double* o = s.O.data();
    const Vector& osum = s.o_stats.colsum;
    BlockStats parts(F.rows(), k);
    std::vector<double> div(static_cast<size_t>(block_count(F.rows())), 0.0);
    for_blocks(F.rows(), s.threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
      std::vector<double> num(static_cast<size_t>(k));
      for (Eigen::Index i = begin; i < end; ++i) {
        double* fi = F.data() + i * k;
        std::fill(num.begin(), num.end(), 0.0);
        for (int p = X.outerIndexPtr()[i]; p < X.outerIndexPtr()[i + 1]; ++p) {
          const double* oj = o + Eigen::Index(X.innerIndexPtr()[p]) * k;
          const double q = X.valuePtr()[p] / std::max(kTiny, dot(fi, oj, k));
          for (Eigen::Index t = 0; t < k; ++t) num[t] += q * oj[t];
        }
        for (Eigen::Index t = 0; t < k; ++t) {
          const double denom = osum[t] + s.penalty.l1 + s.penalty.l2 * fi[t];
          fi[t] = denom > 0 ? fi[t] * num[t] / denom : 0.0;
          if (fi[t] < kFlush) fi[t] = 0;
        }
        if (s.last_half) div[b] += row_divergence(X, i, s.O, fi);
      }
      parts[b].add_rows(F.data() + begin * k, end - begin, nullptr);
    });
    if (s.last_half) {
      double total = 0;
      for (double v : div) total += v;
      f.divergence_nz = total;
    }
    return parts.reduce();
  }

  double objective(const Problem& p, const Factors& f) const override {
    const double model_sum = f.w.colsum.dot(f.h.colsum);
    return f.divergence_nz + model_sum + p.on_w.value(f.w) + p.on_h.value(f.h);
  }
};

}  // namespace

std::unique_ptr<UpdateRule> make_kl() { return std::make_unique<Kl>(); }

}  // namespace unbake::nmf
