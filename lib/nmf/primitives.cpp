#include "nmf/primitives.hpp"

#include <algorithm>

namespace unbake::nmf {

void FactorStats::add_row(const double* __restrict f, const double* r) {
  const Eigen::Index k = colsum.size();
  // The Gram never overlaps the row: telling the compiler so lets the inner
  // loop vectorise (without it every store may alias f and stays scalar).
  double* __restrict g = gram.data();
  double dot = 0;
  for (Eigen::Index a = 0; a < k; ++a) {
    const double fa = f[a];
    colsum[a] += fa;
    if (r) dot += fa * r[a];
    // Factor rows are often sparse after clipping: skipping zeros is exact.
    // Full columns (not a triangle): fixed-length loops vectorise, and
    // g(a, b) and g(b, a) sum the same products in the same order, so the
    // result is exactly symmetric.
    if (fa == 0) continue;
    double* __restrict col = g + a * k;
    for (Eigen::Index b = 0; b < k; ++b) col[b] += fa * f[b];
  }
  cross += dot;
}

void FactorStats::merge(const FactorStats& other) {
  gram += other.gram;
  colsum += other.colsum;
  cross += other.cross;
}

FactorStats BlockStats::reduce() const {
  FactorStats total(k_);
  for (const FactorStats& part : parts_) total.merge(part);
  return total;
}

SparseMatrix compressed_transpose(const SparseMatrix& X) {
  SparseMatrix t = X.transpose();
  t.makeCompressed();
  return t;
}

void multiply(const SparseMatrix& X, const RowMatrix& O, RowMatrix& out, int threads) {
  out.resize(X.rows(), O.cols());
  for_blocks(X.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index i = begin; i < end; ++i) row_product(X, i, O, out.data() + i * O.cols());
  });
}

namespace {

FactorStats stats_impl(const RowMatrix& F, const SparseMatrix* X, const RowMatrix* O, int threads) {
  const Eigen::Index k = F.cols();
  BlockStats parts(F.rows(), k);
  for_blocks(F.rows(), threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
    std::vector<double> r(X ? static_cast<size_t>(k) : 0);
    for (Eigen::Index i = begin; i < end; ++i) {
      if (X) row_product(*X, i, *O, r.data());
      parts[b].add_row(F.data() + i * k, X ? r.data() : nullptr);
    }
  });
  return parts.reduce();
}

}  // namespace

FactorStats factor_stats(const RowMatrix& F, int threads) { return stats_impl(F, nullptr, nullptr, threads); }

FactorStats factor_stats(const RowMatrix& F, const SparseMatrix& X, const RowMatrix& O, int threads) {
  return stats_impl(F, &X, &O, threads);
}

double frobenius_sq(double norm_sq, double cross, const Matrix& gram_w, const Matrix& gram_h) {
  // tr(A B) for symmetric A, B is the sum of their elementwise product.
  const double quad = gram_w.cwiseProduct(gram_h).sum();
  return std::max(0.0, norm_sq - 2 * cross + quad);
}

double squared_norm(const SparseMatrix& X) {
  double s = 0;
  const double* v = X.valuePtr();
  const Eigen::Index nnz = X.isCompressed() ? X.nonZeros() : 0;
  if (X.isCompressed()) {
    for (Eigen::Index p = 0; p < nnz; ++p) s += v[p] * v[p];
  } else {
    for (Eigen::Index i = 0; i < X.outerSize(); ++i)
      for (SparseMatrix::InnerIterator it(X, i); it; ++it) s += it.value() * it.value();
  }
  return s;
}

}  // namespace unbake::nmf
