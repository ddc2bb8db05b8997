#pragma once
// The hot kernels every solver reduces to: the sparse x dense products V·Hᵀ
// and Vᵀ·W (V is never densified), k x k Gram matrices, and the Frobenius
// objective from those pieces without forming W·H.
//
// Determinism: rows are split into fixed blocks of kBlockRows whatever the
// thread count. Row-wise results do not depend on which thread computes them,
// and every reduction sums one partial per block, in block order, so results
// are bit-identical for any thread count.
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <unbake/nmf/types.hpp>
#include "core/cpu_dispatch.hpp"

namespace unbake::nmf {

inline constexpr Eigen::Index kBlockRows = 256;
// How many non-zeros ahead row_product asks for the row of O it will need.
inline constexpr int kPrefetchAhead = 8;

inline Eigen::Index block_count(Eigen::Index rows) { return (rows + kBlockRows - 1) / kBlockRows; }

// Calls fn(block, begin, end) once per fixed block of rows, blocks spread over
// `threads` threads. fn must only write state owned by its rows or its block.
template <class Fn>
void for_blocks(Eigen::Index rows, int threads, Fn&& fn) {
  const Eigen::Index blocks = block_count(rows);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index begin = b * kBlockRows;
    fn(b, begin, std::min(rows, begin + kBlockRows));
  }
}

namespace detail {
// Columns [t0, t0 + L·chunks) of out = f·G (see row_times_gram).
// Not cloned itself: its caller (the MU row kernel) is, and inlines it.
template <int L>
Eigen::Index row_times_gram_chunks(const double* __restrict f, const double* __restrict G, Eigen::Index k,
                                   double* __restrict out, Eigen::Index t0) {
  for (; t0 + L <= k; t0 += L) {
    double acc[L] = {};
    for (Eigen::Index a = 0; a < k; ++a) {
      const double fa = f[a];
      if (fa == 0) continue;
      const double* __restrict g = G + a * k + t0;
      for (int j = 0; j < L; ++j) acc[j] += fa * g[j];
    }
    for (int j = 0; j < L; ++j) out[t0 + j] = acc[j];
  }
  return t0;
}
}  // namespace detail

// out = f·G for a row f of k entries and a symmetric k x k G (so row a of G
// is its column a), skipping f's zeros. Each out[t] is accumulated over a in
// increasing order, as a plain loop would; the sums are kept in registers a
// chunk of t at a time: accumulated through memory instead, every step waits
// on the store of the one before. Accelerated MU's inner sweeps spend most
// of their time here (rows of W are dense): about 10% off its fit on 20
// Newsgroups, k = 20. HALS keeps its plain loop for r − f·G: its rows are
// mostly zeros, and the second pass over them for the last k mod 16 columns
// cost more than it saved.
inline void row_times_gram(const double* f, const Matrix& G, double* out) {
  const Eigen::Index k = G.cols();
  Eigen::Index t0 = detail::row_times_gram_chunks<16>(f, G.data(), k, out, 0);
  t0 = detail::row_times_gram_chunks<4>(f, G.data(), k, out, t0);
  detail::row_times_gram_chunks<1>(f, G.data(), k, out, t0);
}

namespace detail {
// out[0..K) = the row's non-zeros [p0, p1) times O (K columns, so also its
// row stride). With K known the K sums stay in registers for the whole row;
// accumulated through `out`, each non-zero's update waits on the store of the
// one before: 1.5x (k = 20) to 2x (k = 30, the SVD start's width) slower on
// 20 Newsgroups (bench_products). Each sum adds the non-zeros in the same
// order as the plain loop in row_product, so results are the same bit for bit.
//
// Both loops ask for the row of O that the non-zero kPrefetchAhead places
// ahead will need (into the next row of X too: the index array is
// contiguous). The rows X picks are scattered: each fetch misses the cache
// and the hardware prefetcher cannot guess the next one; asking early
// overlaps those misses (1.5-1.7x). Prefetches never fault.
template <int K>
UNBAKE_KERNEL void row_product_fixed(const int* __restrict inner, const double* __restrict val, int p0,
                                     int p1, int nnz, const double* __restrict o, double* __restrict out) {
  double acc[K] = {};
  for (int p = p0; p < p1; ++p) {
    if (p + kPrefetchAhead < nnz) {
      const char* ahead =
          reinterpret_cast<const char*>(o + static_cast<Eigen::Index>(inner[p + kPrefetchAhead]) * K);
      for (int byte = 0; byte < K * 8; byte += 64) __builtin_prefetch(ahead + byte);
    }
    const double v = val[p];
    const double* __restrict orow = o + static_cast<Eigen::Index>(inner[p]) * K;
    for (int t = 0; t < K; ++t) acc[t] += v * orow[t];
  }
  for (int t = 0; t < K; ++t) out[t] = acc[t];
}

// Up to this many columns the sums fit in registers (8 AVX2 registers at
// 32). Wider ones would need several passes over a row, each fetching the
// rows of O again: tried, within noise at k = 50 and slower at k = 100, so
// the plain loop runs there. Below kMinRegisterColumns too: GCC 12 vectorises
// the fixed widths 1, 2 and 4 into separate multiplies and adds where the
// plain loop fuses them, which would change the products' last bits.
inline constexpr int kRegisterColumns = 32;
inline constexpr int kMinRegisterColumns = 5;

using RowProductFn = void (*)(const int*, const double*, int, int, int, const double*, double*);
template <int... K>
constexpr std::array<RowProductFn, sizeof...(K)> fixed_table(std::integer_sequence<int, K...>) {
  return {&row_product_fixed<K + kMinRegisterColumns>...};
}
// row_product_fixed<K> at index K - kMinRegisterColumns, for the widths in use.
inline constexpr auto kFixedWidth =
    fixed_table(std::make_integer_sequence<int, kRegisterColumns - kMinRegisterColumns + 1>{});

// The plain loop of row_product, for any number of columns k.
UNBAKE_KERNEL inline void row_product_wide(const int* __restrict inner, const double* __restrict val, int p0,
                                           int p1, int nnz, const double* __restrict o, Eigen::Index k,
                                           double* __restrict out) {
  std::fill(out, out + k, 0.0);
  const Eigen::Index row_bytes = k * static_cast<Eigen::Index>(sizeof(double));
  for (int p = p0; p < p1; ++p) {
    if (p + kPrefetchAhead < nnz) {
      const char* ahead =
          reinterpret_cast<const char*>(o + static_cast<Eigen::Index>(inner[p + kPrefetchAhead]) * k);
      for (Eigen::Index byte = 0; byte < row_bytes; byte += 64) __builtin_prefetch(ahead + byte);
    }
    const double v = val[p];
    const double* __restrict orow = o + static_cast<Eigen::Index>(inner[p]) * k;
    for (Eigen::Index t = 0; t < k; ++t) out[t] += v * orow[t];
  }
}
}  // namespace detail

// out[0..k) = X.row(i) · O, with O (X.cols() x k) row-major. X must be compressed.
// (__restrict: out never overlaps O, which lets the k-loop vectorise without
// a runtime overlap check.) Up to kRegisterColumns columns the fixed-width
// kernel of that width runs.
inline void row_product(const SparseMatrix& X, Eigen::Index i, const RowMatrix& O, double* __restrict out) {
  const Eigen::Index k = O.cols();
  const int* inner = X.innerIndexPtr();
  const double* val = X.valuePtr();
  const double* __restrict o = O.data();
  const int p0 = X.outerIndexPtr()[i], p1 = X.outerIndexPtr()[i + 1];
  const auto nnz = static_cast<int>(X.nonZeros());
  if (k >= detail::kMinRegisterColumns && k <= detail::kRegisterColumns) {
    detail::kFixedWidth[static_cast<std::size_t>(k - detail::kMinRegisterColumns)](inner, val, p0, p1, nnz, o,
                                                                                   out);
    return;
  }
  detail::row_product_wide(inner, val, p0, p1, nnz, o, k, out);
}

// Sums of a factor that the objective and the next half-step need: its Gram
// FᵀF (k x k), its column sums, and cross = Σ F ∘ (X·O) for the rhs it was
// updated against (= tr(Wᵀ V Hᵀ) whichever side F is).
struct FactorStats {
  Matrix gram;
  Vector colsum;
  double cross = 0;

  explicit FactorStats(Eigen::Index k = 0) : gram(Matrix::Zero(k, k)), colsum(Vector::Zero(k)) {}
  // Accumulates `rows` consecutive rows of k entries starting at f (and
  // their rhs rows r, laid out alike; may be null). Only the Gram's lower
  // triangle is summed here; BlockStats::reduce completes it.
  void add_rows(const double* f, Eigen::Index rows, const double* r);
  // Adds another partial; call in block order.
  void merge(const FactorStats& other);
};

// Per-block partials merged in block order: the deterministic reduction.
class BlockStats {
 public:
  BlockStats(Eigen::Index rows, Eigen::Index k) : parts_(block_count(rows), FactorStats(k)), k_(k) {}
  FactorStats& operator[](Eigen::Index block) { return parts_[block]; }
  FactorStats reduce() const;

 private:
  std::vector<FactorStats> parts_;
  Eigen::Index k_;
};

// Xᵀ in compressed CSR (each row's columns ascending), on `threads` threads;
// the same matrix for any thread count.
SparseMatrix compressed_transpose(const SparseMatrix& X, int threads = 1);

// The same matrix in the other storage order, copied in tiles of rows: a
// plain assignment between the orders reads or writes with a stride of a
// whole row or column and, on a tall factor that does not fit the cache,
// misses on nearly every entry (converting 20 Newsgroups' 56,123 x 20 took
// about 6 ms that way).
Matrix to_col_major(const RowMatrix& F, int threads = 1);
RowMatrix to_row_major(const Matrix& F, int threads = 1);

// out = X · O (X rows x n, O n x k), row-parallel.
void multiply(const SparseMatrix& X, const RowMatrix& O, RowMatrix& out, int threads);

// Stats of F (gram, colsum; cross stays 0). With the rhs: operator.hpp.
FactorStats factor_stats(const RowMatrix& F, int threads);

// ||V - W Hᵀ||² from ||V||², cross = tr(Wᵀ V H) and the two Grams, clamped at 0.
double frobenius_sq(double norm_sq, double cross, const Matrix& gram_w, const Matrix& gram_h);

// Σ v² over the stored entries.
double squared_norm(const SparseMatrix& X);

}  // namespace unbake::nmf
