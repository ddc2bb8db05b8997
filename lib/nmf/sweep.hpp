#pragma once
#include <vector>

#include "nmf/operator.hpp"
#include "nmf/primitives.hpp"

namespace unbake::nmf {

// The fused half-step shared by the Frobenius solvers. Rows go in fixed
// blocks; for each block the rhs rows r = X.row(i)·O are formed, then
// kernel(r, f, rows) rewrites the block's `rows` consecutive rows f of F (k
// entries each) in place, and the new rows' stats (with cross against r) are
// taken. A kernel may work on several rows side by side.
template <class Kernel>
FactorStats sweep_blocks(const MatrixOperator& X, const RowMatrix& O, RowMatrix& F, int threads,
                         Kernel&& kernel) {
  const Eigen::Index k = F.cols();
  BlockStats parts(F.rows(), k);
  for_blocks(F.rows(), threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
    std::vector<double> r(static_cast<size_t>((end - begin) * k));
    X.product_rows(begin, end, O, r.data());
    kernel(static_cast<const double*>(r.data()), F.data() + begin * k, end - begin);
    parts[b].add_rows(F.data() + begin * k, end - begin, r.data());
  });
  return parts.reduce();
}

// sweep_blocks with a kernel of one row: kernel(r, f, scratch) rewrites the
// row f against its rhs row r (scratch: k doubles of the kernel's own).
template <class Kernel>
FactorStats sweep_rows(const MatrixOperator& X, const RowMatrix& O, RowMatrix& F, int threads,
                       Kernel&& kernel) {
  const Eigen::Index k = F.cols();
  return sweep_blocks(X, O, F, threads, [&](const double* r, double* f, Eigen::Index rows) {
    std::vector<double> scratch(static_cast<size_t>(k));
    for (Eigen::Index i = 0; i < rows; ++i) kernel(r + i * k, f + i * k, scratch.data());
  });
}

}  // namespace unbake::nmf
