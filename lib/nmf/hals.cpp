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
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "nmf/inner_sweeps.hpp"
#include "nmf/solver.hpp"
#include "nmf/sweep.hpp"

namespace unbake::nmf {
namespace {

// Gillis & Glineur's α and δ (inner_sweeps.hpp); their recommended values.
constexpr double kAlpha = 0.5;
constexpr double kDelta = 0.1;

// Rows swept side by side. Within a row each coordinate step waits on the one
// before (it reads q, which that step has just corrected); the chains of
// different rows are independent, so the processor overlaps them. Each row's
// arithmetic is unchanged.
constexpr Eigen::Index kLanes = 4;

// Up to this many topics a step updates q even when the entry did not move
// (q − 0·g is q, bit for bit), and q's start skips no zero of f: an O(k)
// update then costs less than the mispredicted branch that would skip it (in
// text NMF whether an entry moves is close to a coin toss). Measured on 20
// Newsgroups, one thread, an iteration's two half-steps: k = 20, 32.6 → 23 ms;
// at k = 50 the skipped work is larger than the mispredictions and the
// branches stay (no change).
constexpr Eigen::Index kBranchFreeMaxK = 32;

// Up to this many topics a row's non-zero positions are gathered on the stack.
constexpr Eigen::Index kMaxGather = 256;

// What every coordinate step needs besides the row itself.
struct Step {
  const Matrix& G;
  const Vector& inv;  // 1 / (G(t, t) + l2), 0 where O's column t is zero
  double l1, l2;
  int max_sweeps;
  double delta_sq;
};

// Sweeps n <= kLanes consecutive rows of F (k entries each; r their rhs rows,
// q scratch of the same shape) until each row's own inner-loop test stops it.
template <bool kBranchFree, int K>
UNBAKE_KERNEL void sweep_lanes(const Step& s, const double* r, double* f, double* q, Eigen::Index n) {
  const Eigen::Index k = K > 0 ? K : s.G.cols();
  const double* G = s.G.data();
  std::array<bool, kLanes> active{};
  std::array<double, kLanes> first{}, moved{};
  for (Eigen::Index j = 0; j < n; ++j) {
    // q = r − f·G is kept current as f changes, so a coordinate step costs
    // O(1) plus an O(k) correction.
    const double* __restrict fj = f + j * k;
    double* __restrict qj = q + j * k;
    for (Eigen::Index t = 0; t < k; ++t) qj[t] = r[j * k + t];
    // Only f's non-zeros take part, gathered without a branch (a test per
    // entry mispredicts about every other time on a text factor, whose rows
    // are mostly zeros). Leaving out q −= 0·g changes no value except
    // perhaps the sign of a zero in q, which the max(0, ·) below erases.
    std::array<int, kMaxGather> nz;
    Eigen::Index count = 0;
    if (k <= kMaxGather) {
      for (Eigen::Index a = 0; a < k; ++a) {
        nz[static_cast<size_t>(count)] = static_cast<int>(a);
        count += fj[a] != 0;
      }
    }
    for (Eigen::Index c = 0; c < (k <= kMaxGather ? count : k); ++c) {
      const Eigen::Index a = k <= kMaxGather ? nz[static_cast<size_t>(c)] : c;
      if (k > kMaxGather && fj[a] == 0) continue;
      const double* __restrict g = G + a * k;
      for (Eigen::Index t = 0; t < k; ++t) qj[t] -= fj[a] * g[t];
    }
    active[j] = true;
  }
  for (int sweep = 0; sweep < s.max_sweeps; ++sweep) {
    moved.fill(0);
    for (Eigen::Index t = 0; t < k; ++t) {
      const double* __restrict g = G + t * k;
      for (Eigen::Index j = 0; j < n; ++j) {
        if (!active[j]) continue;
        double* __restrict fj = f + j * k;
        double* __restrict qj = q + j * k;
        const double next = std::max(0.0, fj[t] + (qj[t] - s.l1 - s.l2 * fj[t]) * s.inv[t]);
        const double step = next - fj[t];
        if (!kBranchFree && step == 0) continue;
        fj[t] = next;
        moved[j] += step * step;
        for (Eigen::Index a = 0; a < k; ++a) qj[a] -= step * g[a];
      }
    }
    bool any = false;
    for (Eigen::Index j = 0; j < n; ++j) {
      if (!active[j]) continue;
      if (sweep == 0) first[j] = moved[j];
      active[j] = moved[j] > s.delta_sq * first[j];
      any |= active[j];
    }
    if (!any) break;
  }
}

// K > 0: the number of topics, known at compile time (K = 0: read from G).
template <bool kBranchFree, int K>
FactorStats sweep_all(const HalfStep& hs, const Step& step, RowMatrix& F) {
  const Eigen::Index k = F.cols();
  return sweep_blocks(hs.X, hs.O, F, hs.threads, [&](const double* r, double* f, Eigen::Index rows) {
    std::vector<double> q(static_cast<size_t>(kLanes * k));
    for (Eigen::Index i = 0; i < rows; i += kLanes)
      sweep_lanes<kBranchFree, K>(step, r + i * k, f + i * k, q.data(), std::min(kLanes, rows - i));
  });
}

// With k known at compile time every O(k) loop of a step becomes a fixed
// run of vector instructions, without loop control or a remainder. The
// arithmetic is the same, so are the results, bit for bit.
constexpr int kFixedMinK = 5;
using SweepFn = FactorStats (*)(const HalfStep&, const Step&, RowMatrix&);
template <int... K>
constexpr std::array<SweepFn, sizeof...(K)> fixed_sweeps(std::integer_sequence<int, K...>) {
  return {&sweep_all<true, K + kFixedMinK>...};
}
// sweep_all<true, K> at index K - kFixedMinK, for kFixedMinK <= K <= kBranchFreeMaxK.
constexpr auto kFixedSweeps =
    fixed_sweeps(std::make_integer_sequence<int, kBranchFreeMaxK - kFixedMinK + 1>{});

class Hals final : public UpdateScheme {
 public:
  HalfResult update(const HalfStep& s, RowMatrix& F) const override {
    const Eigen::Index k = F.cols();
    const Matrix& G = s.o_stats.gram;
    const double l2 = s.penalty.l2;
    const InnerSweeps budget = inner_sweeps(s, F.rows(), kAlpha, kDelta);
    Vector inv(k);
    for (Eigen::Index t = 0; t < k; ++t) inv[t] = G(t, t) + l2 > 0 ? 1.0 / (G(t, t) + l2) : 0.0;
    const Step step{G, inv, s.penalty.l1, l2, budget.max_sweeps, budget.delta_sq};
    if (k >= kFixedMinK && k <= kBranchFreeMaxK)
      return kFixedSweeps[static_cast<size_t>(k - kFixedMinK)](s, step, F);
    return k <= kBranchFreeMaxK ? sweep_all<true, 0>(s, step, F) : sweep_all<false, 0>(s, step, F);
  }
};

}  // namespace

std::unique_ptr<UpdateScheme> make_hals() { return std::make_unique<Hals>(); }

}  // namespace unbake::nmf
