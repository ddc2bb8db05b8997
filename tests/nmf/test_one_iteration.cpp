// One half-step of every update scheme against a plain dense reference
// written here from the paper's update rule, and the losses against a dense
// evaluation of their objective. The references form V·O and OᵀO densely and
// loop over entries in the most obvious way; they share no code with lib/.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "nmf/solver.hpp"
#include "planted.hpp"

using namespace unbake::nmf;
using namespace unbake::nmf::testing;

namespace {

// A 300 x 40 problem (more rows than one block) with positive starting
// factors of k columns and their stats, ready for a half-step. Built in
// place: the operator pair and the problem refer to the matrices.
struct Case {
  Case(Eigen::Index k, Penalty pw, Penalty ph)
      : V(noisy(300, 40, 3, 0.25)),
        Vt(compressed_transpose(V)),
        D(V),
        pair(V, Vt, squared_norm(V)),
        problem{pair.forward(), pw, ph, 2} {
    f.W = positive_factor(300, k, 11);
    f.Ht = positive_factor(40, k, 12);
    refresh_stats(problem, f);
  }
  const SparseMatrix V, Vt;
  const Matrix D;
  const SparsePair pair;
  const Problem problem;
  Factors f;
};

// The inner-sweep budget of Gillis & Glineur 2012: 1 + ⌊α·ρ⌋ sweeps, with
// ρ = (nnz(X)·k + rows(O)·k²) / (rows(F)·k²).
int budget(const SparseMatrix& X, Eigen::Index o_rows, Eigen::Index f_rows, Eigen::Index k, double alpha) {
  const double kk = static_cast<double>(k);
  const double rho = (double(X.nonZeros()) * kk + double(o_rows) * kk * kk) / (double(f_rows) * kk * kk);
  return 1 + static_cast<int>(alpha * rho);
}

// HALS (Cichocki & Phan 2009), coordinate by coordinate on each row, each
// row's sweeps stopping once one moves it by at most δ² of the first.
Matrix hals_reference(const Matrix& X, const Matrix& F0, const Matrix& O, Penalty p, int sweeps) {
  const Matrix R = X * O, G = O.transpose() * O;
  Matrix F = F0;
  for (Eigen::Index i = 0; i < F.rows(); ++i) {
    double first = 0;
    for (int s = 0; s < sweeps; ++s) {
      double moved = 0;
      for (Eigen::Index t = 0; t < F.cols(); ++t) {
        double fg = 0;
        for (Eigen::Index a = 0; a < F.cols(); ++a) fg += F(i, a) * G(a, t);
        const double next =
            std::max(0.0, F(i, t) + (R(i, t) - p.l1 - fg - p.l2 * F(i, t)) / (G(t, t) + p.l2));
        moved += (next - F(i, t)) * (next - F(i, t));
        F(i, t) = next;
      }
      if (s == 0) first = moved;
      if (moved <= 0.01 * first) break;
    }
  }
  return F;
}

// Multiplicative updates (Lee & Seung 2001) with the penalties in the
// denominator, repeated per row as accelerated MU does.
Matrix mu_reference(const Matrix& X, const Matrix& F0, const Matrix& O, Penalty p, int sweeps) {
  const Matrix R = X * O, G = O.transpose() * O;
  Matrix F = F0;
  for (Eigen::Index i = 0; i < F.rows(); ++i) {
    double first = 0;
    for (int s = 0; s < sweeps; ++s) {
      const Eigen::RowVectorXd fg = F.row(i) * G;
      double moved = 0;
      for (Eigen::Index t = 0; t < F.cols(); ++t) {
        const double next = F(i, t) * R(i, t) / (fg[t] + p.l1 + p.l2 * F(i, t) + 1e-10);
        moved += (next - F(i, t)) * (next - F(i, t));
        F(i, t) = next;
      }
      if (s == 0) first = moved;
      if (moved <= 0.01 * first) break;
    }
  }
  return F;
}

// Clipped ALS (Berry et al. 2007): the ridge least-squares solution, negatives set to zero.
Matrix als_reference(const Matrix& X, const Matrix& O, Penalty p) {
  const Eigen::Index k = O.cols();
  const Matrix A = O.transpose() * O + p.l2 * Matrix::Identity(k, k);
  const Matrix rhs = (X * O).array() - p.l1;
  return (A.llt().solve(rhs.transpose())).transpose().cwiseMax(0.0);
}

// KL multiplicative update (Lee & Seung 2001) on the dense model.
Matrix kl_reference(const Matrix& X, const Matrix& F0, const Matrix& O, Penalty p) {
  const Matrix model = F0 * O.transpose();
  const Matrix numerator = (X.array() / model.array()).matrix() * O;
  const Eigen::RowVectorXd osum = O.colwise().sum();
  Matrix F = F0;
  for (Eigen::Index i = 0; i < F.rows(); ++i)
    for (Eigen::Index t = 0; t < F.cols(); ++t)
      F(i, t) = F0(i, t) * numerator(i, t) / (osum[t] + p.l1 + p.l2 * F0(i, t));
  return F;
}

double relative_gap(const Matrix& a, const Matrix& b) { return (a - b).norm() / std::max(1e-300, b.norm()); }

// Runs the scheme's W half-step, then its H half-step, checking each against
// the reference and the returned stats against dense ones.
// reference(X, F, O, penalty, X as sparse) gives the new F; both sides carry
// penalties (the H side l2 only).
template <class Reference>
void check_scheme(Solver solver, Eigen::Index k, Reference reference, double tol) {
  Case c(k, {0.01, 0.1}, {0.0, 0.05});
  const SolverParts parts = make_solver(solver);
  const Problem& problem = c.problem;
  Factors& f = c.f;

  const Matrix w_expected = reference(c.D, Matrix(f.W), Matrix(f.Ht), problem.on_w, c.V);
  update_w(*parts.scheme, problem, f);
  CHECK(relative_gap(Matrix(f.W), w_expected) <= tol);
  CHECK(f.W.minCoeff() >= 0);
  CHECK(relative_gap(f.w.gram, Matrix(f.W).transpose() * Matrix(f.W)) <= 1e-13);
  CHECK(relative_gap(f.w.colsum, Matrix(f.W).colwise().sum().transpose()) <= 1e-13);
  if (parts.scheme->keeps_cross())
    CHECK(f.cross == doctest::Approx((Matrix(f.W).cwiseProduct(c.D * Matrix(f.Ht))).sum()).epsilon(1e-12));

  const Matrix h_expected = reference(c.D.transpose(), Matrix(f.Ht), Matrix(f.W), problem.on_h, c.Vt);
  update_h(*parts.scheme, problem, f);
  CHECK(relative_gap(Matrix(f.Ht), h_expected) <= tol);
  CHECK(f.Ht.minCoeff() >= 0);
  CHECK(relative_gap(f.h.gram, Matrix(f.Ht).transpose() * Matrix(f.Ht)) <= 1e-13);
  CHECK(relative_gap(f.h.colsum, Matrix(f.Ht).colwise().sum().transpose()) <= 1e-13);
  if (parts.scheme->keeps_cross())
    CHECK(f.cross ==
          doctest::Approx((Matrix(f.Ht).cwiseProduct(c.D.transpose() * Matrix(f.W))).sum()).epsilon(1e-12));
}

}  // namespace

TEST_CASE("one HALS half-step on each side matches the dense reference") {
  for (Eigen::Index k : {3, 6, 40}) {  // generic, fixed-width and branching kernels
    INFO("k = " << k);
    check_scheme(
        Solver::hals, k,
        [&](const Matrix& X, const Matrix& F, const Matrix& O, Penalty p, const SparseMatrix& Xs) {
          return hals_reference(X, F, O, p, budget(Xs, O.rows(), F.rows(), k, 0.5));
        },
        1e-11);
  }
}

TEST_CASE("one MU half-step on each side matches the dense reference") {
  for (Eigen::Index k : {3, 20}) {
    INFO("k = " << k);
    check_scheme(
        Solver::mu, k,
        [&](const Matrix& X, const Matrix& F, const Matrix& O, Penalty p, const SparseMatrix& Xs) {
          return mu_reference(X, F, O, p, budget(Xs, O.rows(), F.rows(), k, 2.0));
        },
        1e-11);
  }
}

TEST_CASE("one clipped-ALS half-step on each side matches the dense reference") {
  check_scheme(
      Solver::als, 5,
      [](const Matrix& X, const Matrix&, const Matrix& O, Penalty p, const SparseMatrix&) {
        return als_reference(X, O, p);
      },
      1e-9);
}

TEST_CASE("one KL multiplicative half-step on each side matches the dense reference") {
  check_scheme(
      Solver::kl, 5,
      [](const Matrix& X, const Matrix& F, const Matrix& O, Penalty p, const SparseMatrix&) {
        return kl_reference(X, F, O, p);
      },
      1e-12);
}

TEST_CASE("the losses' objectives match a dense evaluation, from either side") {
  const Case c(4, {0.02, 0.3}, {0.01, 0.2});
  const Problem& problem = c.problem;
  const Factors& f = c.f;
  const Penalty pw = problem.on_w, ph = problem.on_h;
  const Matrix W = f.W, Ht = f.Ht, model = W * Ht.transpose();
  const double penalties =
      pw.l1 * W.sum() + 0.5 * pw.l2 * W.squaredNorm() + ph.l1 * Ht.sum() + 0.5 * ph.l2 * Ht.squaredNorm();
  const double frobenius = 0.5 * (c.D - model).squaredNorm() + penalties;
  double kl = 0;
  for (Eigen::Index i = 0; i < c.D.rows(); ++i)
    for (Eigen::Index j = 0; j < c.D.cols(); ++j)
      kl += (c.D(i, j) > 0 ? c.D(i, j) * std::log(c.D(i, j) / model(i, j)) - c.D(i, j) : 0.0) + model(i, j);
  kl += penalties;
  const FrobeniusLoss fro;
  const KlLoss kll;
  CHECK(fro.objective(problem, f, Half::w) == doctest::Approx(frobenius).epsilon(1e-12));
  CHECK(kll.objective(problem, f, Half::w) == doctest::Approx(kl).epsilon(1e-12));
  CHECK(kll.objective(problem, f, Half::h) == doctest::Approx(kl).epsilon(1e-12));
}

TEST_CASE("the KL divergence summed during the H half-step is the loss's own pass, bit for bit") {
  Case c(5, {0.01, 0.0}, {0.0, 0.02});
  const SolverParts parts = make_solver(Solver::kl);
  const Problem& problem = c.problem;
  Factors& f = c.f;
  update_w(*parts.scheme, problem, f);
  update_h(*parts.scheme, problem, f, parts.loss->row_term());
  REQUIRE(f.row_term.has_value());
  const double fused = parts.loss->objective(problem, f, Half::h);
  Factors separate = f;
  separate.row_term.reset();
  CHECK(parts.loss->objective(problem, separate, Half::h) == fused);
  update_w(*parts.scheme, problem, f);
  CHECK_FALSE(f.row_term.has_value());  // it described the H before this step
}

TEST_CASE("penalties rescale so that V / 2^e has the same minimiser") {
  // Frobenius: W = 2^(e/2)·W' gives l1·2^(-3e/2), l2·2^(-e); KL: l1·2^(-e/2), l2 unchanged.
  const Penalty f = FrobeniusLoss().scaled_penalty(1.0, 1.0, 4);
  CHECK(f.l1 == std::ldexp(1.0, -6));
  CHECK(f.l2 == std::ldexp(1.0, -4));
  const Penalty k = KlLoss().scaled_penalty(1.0, 1.0, 4);
  CHECK(k.l1 == std::ldexp(1.0, -2));
  CHECK(k.l2 == 1.0);
}
