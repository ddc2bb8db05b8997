// Alternating least squares with clipping, the "ALS" of Berry, Browne,
// Langville, Pauca & Plemmons 2007 ("Algorithms and applications for
// approximate non-negative matrix factorization"). With R = X·O, G = OᵀO:
//   F ← max(0, (R − l1) · (G + l2·I)⁻¹)
// i.e. the unconstrained least-squares solution, then negatives set to zero.
// Cheap and often fast early on, but the clipping step is not a projection in
// the right metric, so the objective is NOT monotone: the trace shows bumps and
// the driver's stopping rule only stops on a small change, not on an increase.
//
// G is factored once per half-step with LDLT. A ridge is added only when G is
// numerically singular (e.g. an all-zero column of O, which clipping can
// produce); such a column then stays zero, which keeps the fit valid.
#include <cmath>

#include <unbake/core/errors.hpp>
#include "nmf/solver.hpp"
#include "nmf/sweep.hpp"

namespace unbake::nmf {
namespace {

Matrix regularised_inverse(const Matrix& G, double l2) {
  const Eigen::Index k = G.rows();
  Matrix A = G;
  A.diagonal().array() += l2;
  Eigen::LDLT<Matrix> ldlt(A);
  const double scale = std::max(A.diagonal().maxCoeff(), 1e-300);
  const auto D = ldlt.vectorD().cwiseAbs();
  if (ldlt.info() != Eigen::Success || D.minCoeff() <= 1e-12 * scale) {
    A.diagonal().array() += 1e-10 * scale;
    ldlt.compute(A);
    if (ldlt.info() != Eigen::Success) throw NumericError("ALS: the k x k Gram matrix cannot be factored");
  }
  return ldlt.solve(Matrix::Identity(k, k));
}

class AlsClip final : public UpdateScheme {
 public:
  HalfResult update(const HalfStep& s, RowMatrix& F) const override {
    const Eigen::Index k = F.cols();
    const Matrix inv = regularised_inverse(s.o_stats.gram, s.penalty.l2);
    const double l1 = s.penalty.l1;
    return sweep_rows(s.X, s.O, F, s.threads, [&](const double* r, double* f, double*) {
      for (Eigen::Index t = 0; t < k; ++t) {
        const double* col = inv.data() + t * k;  // symmetric: column t = row t
        double x = 0;
        for (Eigen::Index a = 0; a < k; ++a) x += (r[a] - l1) * col[a];
        f[t] = std::max(0.0, x);
      }
    });
  }
};

}  // namespace

std::unique_ptr<UpdateScheme> make_als_clip() { return std::make_unique<AlsClip>(); }

}  // namespace unbake::nmf
