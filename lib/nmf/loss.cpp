#include "nmf/loss.hpp"

#include <cmath>
#include <vector>

namespace unbake::nmf {

// With W = 2^(e/2)·W' (and H likewise) the Frobenius objective of V is
// 2^(2e) times ½||V' − W'H'||² + l1·2^(-3e/2)·ΣW' + ½·l2·2^(-e)·||W'||².
Penalty FrobeniusLoss::scaled_penalty(double l1, double l2, int e) const {
  return {std::ldexp(l1, -3 * e / 2), std::ldexp(l2, -e)};
}

double FrobeniusLoss::objective(const Problem& p, const Factors& f, Half) const {
  return 0.5 * frobenius_sq(p.V.squared_norm(), f.cross, f.w.gram, f.h.gram) + p.on_w.value(f.w) +
         p.on_h.value(f.h);
}

// The divergence of V is 2^e times D(V'‖W'H') + l1·2^(-e/2)·ΣW' + ½·l2·||W'||².
Penalty KlLoss::scaled_penalty(double l1, double l2, int e) const { return {std::ldexp(l1, -e / 2), l2}; }

double KlLoss::objective(const Problem& p, const Factors& f, Half last) const {
  // Summed over the rows of the side updated last, one partial per fixed
  // block added in block order: the same value for any thread count.
  // A scheme may have summed it row by row, the same way, in passing.
  double divergence_nz = 0;
  if (last == Half::h && f.row_term) {
    divergence_nz = *f.row_term;
  } else {
    const MatrixOperator& X = last == Half::w ? p.V : p.V.transposed();
    const RowMatrix& F = last == Half::w ? f.W : f.Ht;
    const RowMatrix& O = last == Half::w ? f.Ht : f.W;
    std::vector<double> parts(static_cast<size_t>(block_count(X.rows())), 0.0);
    for_blocks(X.rows(), p.threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
      parts[static_cast<size_t>(b)] = X.divergence_rows(begin, end, F, O);
    });
    for (double v : parts) divergence_nz += v;
  }
  const double model_sum = f.w.colsum.dot(f.h.colsum);
  return divergence_nz + model_sum + p.on_w.value(f.w) + p.on_h.value(f.h);
}

}  // namespace unbake::nmf
