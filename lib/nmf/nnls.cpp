// Exact NNLS by Lawson & Hanson's active-set method ("Solving Least Squares
// Problems", 1974, ch. 23), written on the normal equations: every row of the
// unknown factor shares the k x k Gram G, so each row only needs its rhs r.
// Variables move into the passive set (free, positive) while the gradient
// r − Gx has a positive entry; an infeasible step is cut back to the boundary
// and the variables that hit zero leave the set. Terminates at the KKT point.
#include <unbake/nmf/nnls.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include "nmf/primitives.hpp"
#include "nmf/value_scale.hpp"

namespace unbake::nmf {

void nnls_gram(const Matrix& G, const double* r, double* x) {
  const Eigen::Index k = G.rows();
  std::fill(x, x + k, 0.0);
  double scale = 0;
  for (Eigen::Index i = 0; i < k; ++i) scale = std::max(scale, std::abs(r[i]));
  if (scale == 0) return;
  const double tol = 1e-12 * scale;

  std::vector<char> passive(static_cast<size_t>(k), 0);
  std::vector<Eigen::Index> idx;
  Vector z(k), grad(k);
  const Eigen::Index cap = 3 * k + 10;  // LH needs at most a few passes per variable
  for (Eigen::Index outer = 0; outer < cap; ++outer) {
    for (Eigen::Index i = 0; i < k; ++i) {
      double s = r[i];
      for (Eigen::Index j = 0; j < k; ++j) s -= G(i, j) * x[j];
      grad[i] = s;
    }
    Eigen::Index enter = -1;
    double best = tol;
    for (Eigen::Index i = 0; i < k; ++i)
      if (!passive[i] && grad[i] > best) best = grad[i], enter = i;
    if (enter < 0) return;
    passive[enter] = 1;

    for (Eigen::Index inner = 0; inner < cap; ++inner) {
      idx.clear();
      for (Eigen::Index i = 0; i < k; ++i)
        if (passive[i]) idx.push_back(i);
      const Eigen::Index p = static_cast<Eigen::Index>(idx.size());
      Matrix Gp(p, p);
      Vector rp(p);
      for (Eigen::Index a = 0; a < p; ++a) {
        rp[a] = r[idx[a]];
        for (Eigen::Index b = 0; b < p; ++b) Gp(a, b) = G(idx[a], idx[b]);
      }
      const Vector zp = Gp.ldlt().solve(rp);
      z.setZero();
      bool feasible = true;
      for (Eigen::Index a = 0; a < p; ++a) {
        z[idx[a]] = zp[a];
        if (!(zp[a] > 0)) feasible = false;
      }
      if (feasible) {
        for (Eigen::Index i = 0; i < k; ++i) x[i] = z[i];
        break;
      }
      // Step from x toward z as far as feasibility allows.
      double alpha = 1;
      for (Eigen::Index i : idx)
        if (!(z[i] > 0)) alpha = std::min(alpha, x[i] / (x[i] - z[i]));
      for (Eigen::Index i : idx) {
        x[i] += alpha * (z[i] - x[i]);
        if (x[i] <= tol * 1e-3 || !(z[i] > 0 || x[i] > 0)) {
          x[i] = 0;
          passive[i] = 0;
        }
      }
    }
  }
}

namespace {

// Rows of the result are independent NNLS problems against the same Gram.
RowMatrix solve_rows(const SparseMatrix& X, const RowMatrix& O, int threads) {
  const Matrix G = factor_stats(O, threads).gram;
  const Eigen::Index k = O.cols();
  RowMatrix F(X.rows(), k);
  for_blocks(X.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    std::vector<double> r(static_cast<size_t>(k));
    for (Eigen::Index i = begin; i < end; ++i) {
      row_product(X, i, O, r.data());
      nnls_gram(G, r.data(), F.data() + i * k);
    }
  });
  return F;
}

SparseMatrix compressed_copy(const SparseMatrix& V) {
  SparseMatrix c = V;
  c.makeCompressed();
  return c;
}

// solve_rows with X (compressed) and O first brought near 1 by powers of two
// when either is far from it (nmf/value_scale.hpp): the Gram and X·O of
// entries near 1e300 overflow, near 1e-200 they underflow. Each row's NNLS
// is exactly equivariant under such scalings, so F only moves by 2^(a - b);
// inside the window nothing is scaled.
RowMatrix solve_rows_scaled(const SparseMatrix& X, RowMatrix O, int threads) {
  const double x_max = largest_magnitude(X.valuePtr(), X.nonZeros());
  const double o_max = largest_magnitude(O.data(), O.size());
  const int a = scale_exponent(x_max, false), b = scale_exponent(o_max, false);
  if (a == 0 && b == 0) return solve_rows(X, O, threads);
  if (b != 0) O = O.unaryExpr([b](double v) { return std::ldexp(v, -b); });
  RowMatrix F = a != 0 ? solve_rows(scaled_copy(X, a), O, threads) : solve_rows(X, O, threads);
  F = F.unaryExpr([a, b](double v) { return std::ldexp(v, a - b); });
  if (!all_finite(F)) {
    char what[96];
    std::snprintf(what, sizeof what, "(largest matrix entry %.3g, largest fixed-factor entry %.3g)", x_max,
                  o_max);
    throw NumericError(std::string("the solved factor does not fit in a double ") + what);
  }
  return F;
}

}  // namespace

Matrix solve_w(const SparseMatrix& V, const Matrix& H, const Execution& exec) {
  if (H.cols() != V.cols())
    throw InputError("the topics have " + std::to_string(H.cols()) + " terms but the matrix has " +
                     std::to_string(V.cols()) + " columns");
  const int nt = resolve_threads(exec.threads);
  RowMatrix Ht = H.transpose();
  if (V.isCompressed()) return solve_rows_scaled(V, std::move(Ht), nt);
  return solve_rows_scaled(compressed_copy(V), std::move(Ht), nt);
}

Matrix solve_h(const SparseMatrix& V, const Matrix& W, const Execution& exec) {
  if (W.rows() != V.rows())
    throw InputError("the document weights have " + std::to_string(W.rows()) + " rows but the matrix has " +
                     std::to_string(V.rows()) + " rows");
  const int nt = resolve_threads(exec.threads);
  return solve_rows_scaled(compressed_transpose(V), RowMatrix(W), nt).transpose();
}

}  // namespace unbake::nmf
