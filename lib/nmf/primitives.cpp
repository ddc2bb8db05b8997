#include "nmf/primitives.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace unbake::nmf {

namespace {

// Rows taken together by the Gram update: each load and store of a Gram
// column then carries this many products instead of one.
constexpr Eigen::Index kGroup = 4;
// Up to this many topics the non-zero positions are gathered on the stack;
// above it every position takes part (adding 0·f[b] changes no sum).
constexpr Eigen::Index kGatherMax = 256;
// The Gram's columns start on a multiple of this many entries (one AVX2
// register of doubles) at or below the diagonal.
constexpr Eigen::Index kAlign = 4;

}  // namespace

UNBAKE_KERNEL void FactorStats::add_rows(const double* f, Eigen::Index rows, const double* r) {
  const Eigen::Index k = colsum.size();
  // The Gram never overlaps the rows: telling the compiler so lets the inner
  // loop vectorise (without it every store may alias f and stays scalar).
  double* __restrict g = gram.data();
  std::array<int, kGatherMax> at;
  for (Eigen::Index first = 0; first < rows; first += kGroup) {
    const Eigen::Index n = std::min(kGroup, rows - first);
    // A short last group (n < kGroup) is added row by row below.
    std::array<const double*, kGroup> row;
    for (Eigen::Index q = 0; q < kGroup; ++q) row[q] = q < n ? f + (first + q) * k : nullptr;
    Eigen::Index count = 0;
    for (Eigen::Index q = 0; q < n; ++q) {
      const double* __restrict fr = row[q];
      double dot = 0;
      for (Eigen::Index t = 0; t < k; ++t) {
        colsum[t] += fr[t];
        if (r) dot += fr[t] * r[(first + q) * k + t];
      }
      cross += dot;
    }
    // Factor rows are often sparse after clipping, and skipping a position
    // that is zero in all rows of the group is exact. The positions are
    // gathered without a branch: a test in the update loop mispredicts on
    // about every other entry of a text factor.
    if (k <= kGatherMax) {
      for (Eigen::Index t = 0; t < k; ++t) {
        bool any = false;
        for (Eigen::Index q = 0; q < n; ++q) any |= row[q][t] != 0;
        at[static_cast<size_t>(count)] = static_cast<int>(t);
        count += any;
      }
    } else {
      count = k;
    }
    // Column a only from b = a down to a multiple of kAlign, so about half the
    // Gram: reduce() mirrors the upper triangle into the lower one. Starting
    // on an aligned b keeps the loops in whole vectors; the few entries below
    // the diagonal that this also adds are overwritten by the mirror.
    for (Eigen::Index c = 0; c < count; ++c) {
      const Eigen::Index a = k <= kGatherMax ? at[static_cast<size_t>(c)] : c;
      double* __restrict col = g + a * k;
      const Eigen::Index from = a - a % kAlign;
      if (n == kGroup) {
        const double* __restrict f0 = row[0];
        const double* __restrict f1 = row[1];
        const double* __restrict f2 = row[2];
        const double* __restrict f3 = row[3];
        const double x0 = f0[a], x1 = f1[a], x2 = f2[a], x3 = f3[a];
        for (Eigen::Index b = from; b < k; ++b) col[b] += x0 * f0[b] + x1 * f1[b] + x2 * f2[b] + x3 * f3[b];
      } else {
        for (Eigen::Index q = 0; q < n; ++q) {
          const double* __restrict fq = row[q];
          const double x = fq[a];
          for (Eigen::Index b = from; b < k; ++b) col[b] += x * fq[b];
        }
      }
    }
  }
}

void FactorStats::merge(const FactorStats& other) {
  gram += other.gram;
  colsum += other.colsum;
  cross += other.cross;
}

FactorStats BlockStats::reduce() const {
  FactorStats total(k_);
  for (const FactorStats& part : parts_) total.merge(part);
  // add_rows fills only the lower triangle g(b, a), b >= a (column a from
  // row a on). g(a, b) would add the same products in the same order, so the
  // mirror is exactly the full sum.
  Matrix& g = total.gram;
  for (Eigen::Index a = 0; a < k_; ++a)
    for (Eigen::Index b = a + 1; b < k_; ++b) g(a, b) = g(b, a);
  return total;
}

SparseMatrix compressed_transpose(const SparseMatrix& X, int threads) {
  if (!X.isCompressed()) {
    SparseMatrix t = X.transpose();
    t.makeCompressed();
    return t;
  }
  // A counting sort by column in parallel: the rows are cut into one range
  // per thread (by non-zeros), each range counts its columns, and from the
  // counts each range knows where its entries of every column go. Each
  // column's entries come out in row order whatever the cut, so the result
  // is the unique CSR of Xᵀ. The scatter, bound by its scattered writes,
  // dominates: on 20 Newsgroups 9.5 ms on one thread (Eigen's serial
  // transpose took 11-12 ms in all), 4.3 ms on two.
  const Eigen::Index m = X.rows(), n = X.cols();
  const int* outer = X.outerIndexPtr();
  const int* inner = X.innerIndexPtr();
  const double* val = X.valuePtr();
  const auto nnz = static_cast<Eigen::Index>(outer[m]);
  constexpr Eigen::Index kMinPerPart = 1 << 16;
  const auto parts = static_cast<int>(std::clamp<Eigen::Index>(nnz / kMinPerPart, 1, std::max(threads, 1)));
  std::vector<Eigen::Index> first(static_cast<size_t>(parts) + 1, m);
  for (int p = 0; p < parts; ++p)
    first[static_cast<size_t>(p)] =
        std::lower_bound(outer, outer + m, static_cast<int>(nnz * p / parts)) - outer;
  std::vector<std::vector<int>> next(static_cast<size_t>(parts));
#pragma omp parallel for schedule(static, 1) num_threads(parts)
  for (int p = 0; p < parts; ++p) {
    std::vector<int>& counts = next[static_cast<size_t>(p)];
    counts.assign(static_cast<size_t>(n), 0);
    int* __restrict count = counts.data();
    const int end = outer[first[static_cast<size_t>(p) + 1]];
    for (int e = outer[first[static_cast<size_t>(p)]]; e < end; ++e) ++count[inner[e]];
  }
  SparseMatrix t(n, m);
  t.resizeNonZeros(nnz);
  int* starts = t.outerIndexPtr();
  int running = 0;
  for (Eigen::Index c = 0; c < n; ++c) {
    starts[c] = running;
    for (std::vector<int>& count : next) {
      const int here = count[static_cast<size_t>(c)];
      count[static_cast<size_t>(c)] = running;
      running += here;
    }
  }
  starts[n] = running;
  int* __restrict rows = t.innerIndexPtr();
  double* __restrict values = t.valuePtr();
#pragma omp parallel for schedule(static, 1) num_threads(parts)
  for (int p = 0; p < parts; ++p) {
    int* __restrict at = next[static_cast<size_t>(p)].data();
    const auto last = static_cast<int>(first[static_cast<size_t>(p) + 1]);
    for (auto r = static_cast<int>(first[static_cast<size_t>(p)]); r < last; ++r) {
      const int end = outer[r + 1];
      for (int e = outer[r]; e < end; ++e) {
        const int slot = at[inner[e]]++;
        rows[slot] = r;
        values[slot] = val[e];
      }
    }
  }
  return t;
}

namespace {
// Rows per tile: a tile of a factor with up to a few dozen columns stays in
// the L1 cache while each of its columns is copied.
constexpr Eigen::Index kTileRows = 64;

template <class Dst, class Src>
void copy_by_tiles(const Src& from, Dst& to, int threads) {
  const Eigen::Index tiles = (from.rows() + kTileRows - 1) / kTileRows;
#pragma omp parallel for schedule(static) num_threads(threads)
  for (Eigen::Index tile = 0; tile < tiles; ++tile) {
    const Eigen::Index first = tile * kTileRows;
    const Eigen::Index last = std::min(from.rows(), first + kTileRows);
    for (Eigen::Index t = 0; t < from.cols(); ++t)
      for (Eigen::Index i = first; i < last; ++i) to(i, t) = from(i, t);
  }
}
}  // namespace

Matrix to_col_major(const RowMatrix& F, int threads) {
  Matrix out(F.rows(), F.cols());
  copy_by_tiles(F, out, threads);
  return out;
}

RowMatrix to_row_major(const Matrix& F, int threads) {
  RowMatrix out(F.rows(), F.cols());
  copy_by_tiles(F, out, threads);
  return out;
}

void multiply(const SparseMatrix& X, const RowMatrix& O, RowMatrix& out, int threads) {
  out.resize(X.rows(), O.cols());
  for_blocks(X.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index i = begin; i < end; ++i) row_product(X, i, O, out.data() + i * O.cols());
  });
}

FactorStats factor_stats(const RowMatrix& F, int threads) {
  const Eigen::Index k = F.cols();
  BlockStats parts(F.rows(), k);
  for_blocks(F.rows(), threads, [&](Eigen::Index b, Eigen::Index begin, Eigen::Index end) {
    parts[b].add_rows(F.data() + begin * k, end - begin, nullptr);
  });
  return parts.reduce();
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
