#include "nmf/operator.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "nmf/primitives.hpp"

namespace unbake::nmf {
namespace {

// Keeps x / (WH) finite where the model is exactly zero at a non-zero of X.
constexpr double kTiny = 1e-300;

inline double dot(const double* a, const double* b, Eigen::Index k) {
  double s = 0;
  for (Eigen::Index t = 0; t < k; ++t) s += a[t] * b[t];
  return s;
}

// The KL kernels: per non-zero a k-long dot product with the model row.
UNBAKE_KERNEL void ratio_product(const SparseMatrix& x, Eigen::Index i, const double* f, const double* o,
                                 Eigen::Index k, double* out) {
  std::fill(out, out + k, 0.0);
  for (int p = x.outerIndexPtr()[i]; p < x.outerIndexPtr()[i + 1]; ++p) {
    const double* oj = o + Eigen::Index(x.innerIndexPtr()[p]) * k;
    const double q = x.valuePtr()[p] / std::max(kTiny, dot(f, oj, k));
    for (Eigen::Index t = 0; t < k; ++t) out[t] += q * oj[t];
  }
}

UNBAKE_KERNEL double row_divergence(const SparseMatrix& x, Eigen::Index i, const double* f, const double* o,
                                    Eigen::Index k) {
  double s = 0;
  for (int p = x.outerIndexPtr()[i]; p < x.outerIndexPtr()[i + 1]; ++p) {
    const double v = x.valuePtr()[p];
    if (v == 0) continue;
    const double model = std::max(kTiny, dot(f, o + Eigen::Index(x.innerIndexPtr()[p]) * k, k));
    s += v * std::log(v / model) - v;
  }
  return s;
}

}  // namespace

FactorStats factor_stats(const RowMatrix& F, const MatrixOperator& X, const RowMatrix& O, int threads) {
  const Eigen::Index k = F.cols();
  BlockStats parts(F.rows(), k);
  for_blocks(F.rows(), threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
    std::vector<double> r(static_cast<size_t>((end - begin) * k));
    X.product_rows(begin, end, O, r.data());
    parts[b].add_rows(F.data() + begin * k, end - begin, r.data());
  });
  return parts.reduce();
}

SparsePair::SparsePair(const SparseMatrix& X, const SparseMatrix& Xt, double norm_sq)
    : forward_(X, norm_sq, backward_), backward_(Xt, norm_sq, forward_) {}

void SparsePair::Side::product_rows(Eigen::Index begin, Eigen::Index end, const RowMatrix& O,
                                    double* out) const {
  const Eigen::Index k = O.cols();
  for (Eigen::Index i = begin; i < end; ++i) row_product(x_, i, O, out + (i - begin) * k);
}

void SparsePair::Side::ratio_product_row(Eigen::Index i, const double* f, const RowMatrix& O,
                                         double* out) const {
  ratio_product(x_, i, f, O.data(), O.cols(), out);
}

double SparsePair::Side::divergence_rows(Eigen::Index begin, Eigen::Index end, const RowMatrix& F,
                                         const RowMatrix& O) const {
  double total = 0;
  for (Eigen::Index i = begin; i < end; ++i)
    total += row_divergence(x_, i, F.data() + i * O.cols(), O.data(), O.cols());
  return total;
}

}  // namespace unbake::nmf
