#include "nmf/init.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <unbake/core/errors.hpp>
#include "nmf/primitives.hpp"

namespace unbake::nmf {
namespace {

// Up to this many rows on the smaller side the Gram matrix is formed densely
// and decomposed exactly (cheap at that size).
constexpr Eigen::Index kDenseGramMax = 256;
// NNDSVD entries below this are treated as zero (they are SVD round-off).
constexpr double kNndsvdZero = 1e-6;
// Randomized SVD: extra vectors beyond k, power steps, and the start block's seed.
constexpr Eigen::Index kOversample = 10;
// Seven power steps, as scikit-learn's randomized_svd takes for k < 0.1·min(m, n):
// with four, NNDSVD started HALS in a worse basin on 20 Newsgroups (k = 20 and
// 50, seeds 0-4) and the runs ended above scikit-learn's error however long
// they ran (README, "Defaults"). Each step costs two sparse products.
constexpr int kPowerSteps = 7;
constexpr std::uint64_t kSvdSeed = 0x5eed5eed;

// Eigen parallelises large dense products through OpenMP with a split that
// depends on the thread count; inside the SVD that would make the result
// depend on it. Pin Eigen to one thread for the scope; our own sparse
// kernels pass their thread count explicitly.
class SerialEigen {
 public:
  SerialEigen() : saved_(omp_get_max_threads()) { omp_set_num_threads(1); }
  ~SerialEigen() { omp_set_num_threads(saved_); }
  SerialEigen(const SerialEigen&) = delete;
  SerialEigen& operator=(const SerialEigen&) = delete;

 private:
  int saved_;
};

double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Y·T for a tall row-major Y and a small T, row-parallel: each row of the
// result sums Y(i, a)·T.row(a) over a in order, so it does not depend on the
// thread count. (Eigen's product runs on one thread here: see SerialEigen.)
UNBAKE_KERNEL void times_small_rows(const double* __restrict y, const double* __restrict t, Eigen::Index rows,
                                    Eigen::Index l, Eigen::Index c, double* __restrict out) {
  for (Eigen::Index i = 0; i < rows; ++i) {
    double* __restrict o = out + i * c;
    std::fill(o, o + c, 0.0);
    for (Eigen::Index a = 0; a < l; ++a)
      for (Eigen::Index b = 0; b < c; ++b) o[b] += y[i * l + a] * t[a * c + b];
  }
}

RowMatrix times_small(const RowMatrix& Y, const Matrix& T, int threads) {
  const RowMatrix Tr = T;  // rows of T contiguous
  RowMatrix out(Y.rows(), T.cols());
  const Eigen::Index l = Y.cols(), c = T.cols();
  for_blocks(Y.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    times_small_rows(Y.data() + begin * l, Tr.data(), end - begin, l, c, out.data() + begin * c);
  });
  return out;
}

// Orthonormalises Y's columns in place through its l x l Gram:
// Y ← Y·T with T = U·Λ^(-1/2) from YᵀY = U·Λ·Uᵀ. One pass keeps the span and
// a well-conditioned basis (enough between power steps); a second pass, as in
// CholeskyQR2, corrects the first one's round-off where orthonormality counts. Directions with
// no weight (Y rank-deficient, e.g. V of rank < l) become zero columns.
// Much cheaper than Householder QR on a tall matrix and deterministic.
void orthonormalise(RowMatrix& Y, int threads, int passes) {
  for (int pass = 0; pass < passes; ++pass) {
    Eigen::SelfAdjointEigenSolver<Matrix> es(factor_stats(Y, threads).gram);
    const Vector& lambda = es.eigenvalues();
    const double floor = 1e-12 * std::max(lambda.maxCoeff(), 0.0);
    Matrix T = es.eigenvectors();
    for (Eigen::Index c = 0; c < T.cols(); ++c)
      T.col(c) *= lambda[c] > floor ? 1 / std::sqrt(lambda[c]) : 0.0;
    Y = times_small(Y, T, threads);
  }
}

// The k leading eigenpairs of X·Xᵀ, eigenvalues descending.
//
// Small problems: the dense Gram. Large ones: randomized subspace iteration
// (Halko, Martinsson & Tropp 2011, alg. 4.4) on l = k + kOversample vectors.
// Each step is one sparse x dense product that reads V once for all l
// vectors, where a Lanczos solver (Spectra) reads it twice per vector; NNDSVD
// only needs the leading subspace roughly, which kPowerSteps steps give.
// The start block comes from the fit's seed: the result is deterministic, and
// another seed gives a slightly different start (NMF's local optimum can
// differ with it, as with any seeded start).
void leading_eigenpairs(const SparseMatrix& X, const SparseMatrix& Xt, int k, int threads, std::uint64_t seed,
                        Vector& values, Matrix& vectors) {
  const Eigen::Index s = X.rows();
  const Eigen::Index l = std::min<Eigen::Index>(s, k + kOversample);
  if (s <= kDenseGramMax || l <= k) {
    const Matrix gram = Matrix(SparseMatrix(X * Xt));
    Eigen::SelfAdjointEigenSolver<Matrix> es(gram);
    if (es.info() != Eigen::Success) throw NumericError("NNDSVD: the eigen-decomposition of V·Vᵀ failed");
    values = es.eigenvalues().tail(k).reverse();
    vectors = es.eigenvectors().rightCols(k).rowwise().reverse();
    return;
  }
  std::seed_seq mix{kSvdSeed, seed};
  std::mt19937_64 rng(mix);
  RowMatrix omega(Xt.rows(), l);
  for (Eigen::Index i = 0; i < omega.size(); ++i) omega.data()[i] = uniform01(rng) - 0.5;
  RowMatrix Q, Z;
  multiply(X, omega, Q, threads);
  orthonormalise(Q, threads, 1);
  for (int step = 0; step < kPowerSteps; ++step) {
    // Z = XᵀQ is not orthonormalised: it is the wide side (as many rows as
    // the longer dimension of V), and one application of X·Xᵀ between two
    // orthonormalisations of Q only squares the spread of the singular
    // values, which the Gram-based pass below resolves in double precision.
    multiply(Xt, Q, Z, threads);
    multiply(X, Z, Q, threads);
    orthonormalise(Q, threads, step + 1 == kPowerSteps ? 2 : 1);
  }
  multiply(Xt, Q, Z, threads);  // Z = Xᵀ Q, so Qᵀ X Xᵀ Q = Zᵀ Z
  Eigen::SelfAdjointEigenSolver<Matrix> es(factor_stats(Z, threads).gram);
  if (es.info() != Eigen::Success || !Z.allFinite())
    throw NumericError("NNDSVD: the truncated SVD of V failed (try the random init)");
  values = es.eigenvalues().tail(k).reverse();
  vectors =
      to_col_major(times_small(Q, es.eigenvectors().rightCols(k).rowwise().reverse(), threads), threads);
}

// Other side of each singular pair: other = Xᵀ·u / σ (zero when σ is zero).
Matrix other_side(const SparseMatrix& Xt, const Matrix& U, const Vector& sigma, int threads) {
  const RowMatrix u = to_row_major(U, threads);
  RowMatrix out;
  multiply(Xt, u, out, threads);
  // Row by row: a column of the row-major product is strided.
  for_blocks(out.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index i = begin; i < end; ++i)
      for (Eigen::Index t = 0; t < sigma.size(); ++t) out(i, t) = sigma[t] > 0 ? out(i, t) / sigma[t] : 0.0;
  });
  return to_col_major(out, threads);
}

double mean_value(const SparseMatrix& V) {
  double sum = 0;
  for (Eigen::Index p = 0; p < V.nonZeros(); ++p) sum += V.valuePtr()[p];
  return sum / (double(V.rows()) * double(V.cols()));
}

StartingFactors random_factors(const SparseMatrix& V, int k, std::uint64_t seed) {
  const double scale = std::sqrt(mean_value(V) / k);
  std::mt19937_64 rng(seed);
  StartingFactors f{RowMatrix(V.rows(), k), RowMatrix(V.cols(), k)};
  for (Eigen::Index i = 0; i < f.W.size(); ++i) f.W.data()[i] = scale * uniform01(rng);
  for (Eigen::Index i = 0; i < f.Ht.size(); ++i) f.Ht.data()[i] = scale * uniform01(rng);
  return f;
}

StartingFactors nndsvd(const SparseMatrix& V, const SparseMatrix& Vt, int k, Init init, std::uint64_t seed,
                       int threads) {
  const TruncatedSvd svd = truncated_svd(V, Vt, k, threads, seed);
  // Built column by column, so in column-major storage (a column of the
  // row-major factors is strided: writing Hᵀ's 20 columns that way cost 5 ms
  // on 20 Newsgroups), then stored row-major once.
  // Columns are independent: one per thread at a time. Each column's zero
  // threshold (and nndsvda's fill with the mean) is applied as it is built.
  const double avg = mean_value(V);
  const double fill = init == Init::nndsvda ? avg : 0.0;
  Matrix W = Matrix::Zero(V.rows(), k), Ht = Matrix::Zero(V.cols(), k);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (int j = 0; j < k; ++j) {
    const Vector x = svd.U.col(j), y = svd.R.col(j);
    if (j == 0) {
      // The leading pair of a non-negative matrix is non-negative up to sign.
      const double root = std::sqrt(svd.s[0]);
      W.col(0) = root * x.cwiseAbs();
      Ht.col(0) = root * y.cwiseAbs();
    } else {
      const Vector xp = x.cwiseMax(0.0), xn = (-x).cwiseMax(0.0);
      const Vector yp = y.cwiseMax(0.0), yn = (-y).cwiseMax(0.0);
      const double xpn = xp.norm(), xnn = xn.norm(), ypn = yp.norm(), ynn = yn.norm();
      const double mp = xpn * ypn, mn = xnn * ynn;
      const bool positive = mp >= mn;
      const double m = positive ? mp : mn;
      if (m > 0) {
        const double lambda = std::sqrt(svd.s[j] * m);
        W.col(j) = lambda / (positive ? xpn : xnn) * (positive ? xp : xn);
        Ht.col(j) = lambda / (positive ? ypn : ynn) * (positive ? yp : yn);
      }
    }
    for (Matrix* F : {&W, &Ht}) {
      auto column = F->col(j).array();
      column = (column < kNndsvdZero).select(fill, column);
    }
  }
  StartingFactors f{to_row_major(W, threads), to_row_major(Ht, threads)};
  if (init != Init::nndsvdar) return f;

  // nndsvdar: small positive noise, drawn in a fixed order (W then Hᵀ, row-major).
  std::mt19937_64 rng(seed);
  const double scale = avg / 100;
  for (RowMatrix* M : {&f.W, &f.Ht})
    for (Eigen::Index i = 0; i < M->size(); ++i)
      if (M->data()[i] == 0) M->data()[i] = scale * (1.0 - uniform01(rng));  // in (0, scale]
  return f;
}

}  // namespace

TruncatedSvd truncated_svd(const SparseMatrix& V, const SparseMatrix& Vt, int k, int threads,
                           std::uint64_t seed) {
  SerialEigen serial;
  const bool rows_smaller = V.rows() <= V.cols();
  const SparseMatrix& X = rows_smaller ? V : Vt;
  const SparseMatrix& Xt = rows_smaller ? Vt : V;
  Vector values;
  Matrix vectors;
  leading_eigenpairs(X, Xt, k, threads, seed, values, vectors);
  TruncatedSvd svd;
  svd.s = values.cwiseMax(0.0).cwiseSqrt();
  Matrix other = other_side(Xt, vectors, svd.s, threads);
  svd.U = rows_smaller ? std::move(vectors) : std::move(other);
  svd.R = rows_smaller ? std::move(other) : std::move(vectors);
  for (int j = 0; j < k; ++j) {
    Eigen::Index at = 0;
    svd.U.col(j).cwiseAbs().maxCoeff(&at);  // first index of the maximum
    if (svd.U(at, j) < 0) {
      svd.U.col(j) *= -1;
      svd.R.col(j) *= -1;
    }
  }
  return svd;
}

StartingFactors initialise(const SparseMatrix& V, const SparseMatrix& Vt, int k, Init init,
                           std::uint64_t seed, int threads) {
  if (init == Init::random) return random_factors(V, k, seed);
  return nndsvd(V, Vt, k, init, seed, threads);
}

}  // namespace unbake::nmf
