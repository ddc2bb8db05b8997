#include <unbake/nmf/fit.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <optional>
#include <string>
#include <utility>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/nmf/memory_estimate.hpp>
#include "core/progress_task.hpp"
#include "nmf/extrapolation.hpp"
#include "nmf/init.hpp"
#include "nmf/operator.hpp"
#include "nmf/primitives.hpp"
#include "nmf/solver.hpp"
#include "nmf/stopping.hpp"
#include "nmf/value_scale.hpp"

namespace unbake::nmf {
namespace {

// With --extrapolate one iteration can stall (a momentum step that nearly
// cancels the update) and the next move again: on 20 Newsgroups (k = 20,
// seeds 0-4) single small decreases at the default tol stopped runs up to
// 0.0005 above the error they reach, with a median 0.0003 worse. A stop there
// needs this many small decreases in a row (which, at tol 1e-4, ends the same
// runs at a median error within 1e-5 of their limit).
constexpr int kExtrapolatedPatience = 3;

// Rejects what no solver can factor, naming the first offending entry
// (1-based, as a user counts rows and columns). Returns the largest entry.
double check_values(const SparseMatrix& V) {
  double largest = 0;
  for (Eigen::Index i = 0; i < V.outerSize(); ++i) {
    for (SparseMatrix::InnerIterator it(V, i); it; ++it) {
      const double v = it.value();
      if (std::isfinite(v) && v >= 0) {
        largest = std::max(largest, v);
        continue;
      }
      const std::string where =
          "row " + std::to_string(it.row() + 1) + ", column " + std::to_string(it.col() + 1);
      if (!std::isfinite(v)) throw InputError("the matrix has a non-finite entry at " + where);
      throw InputError("the matrix has a negative entry (" + std::to_string(v) + ") at " + where +
                       "; NMF needs non-negative values");
    }
  }
  return largest;
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// The penalty that V / 2^e needs for the same minimiser (Loss::scaled_penalty).
Penalty scaled_penalty(const Loss& loss, double l1, double l2, int e, const char* l1_field,
                       const char* l2_field, double largest) {
  if (e == 0) return {l1, l2};
  const Penalty p = loss.scaled_penalty(l1, l2, e);
  // Only a tiny matrix can make a penalty overflow: it then outweighs every
  // entry by more than a double can say, and every factor would be zero.
  for (const auto& [value, field] : {std::pair{p.l1, l1_field}, std::pair{p.l2, l2_field}})
    if (!std::isfinite(value))
      throw UsageError(field, "is too large for a matrix whose largest entry is " + number_text(largest) +
                                  ": it would force every factor to zero");
  return p;
}

// No NaN or infinity ever reaches a result: a fit that produced one (for
// example d overflowing when V's entries are near the largest double) fails.
void check_finite(const NmfResult& r, double largest) {
  const char* what = nullptr;
  if (!all_finite(r.W) || !all_finite(r.H))
    what = "factors are";
  else if (!all_finite(r.d))
    what = "factor scales are";
  else if (!std::isfinite(r.relative_error))
    what = "relative error is";
  else
    for (double v : r.objective_trace)
      if (!std::isfinite(v)) what = "objective is";
  if (what)
    throw NumericError("the fit's " + std::string(what) + " not finite (the matrix's largest entry is " +
                       number_text(largest) + ")");
}

// Scales every column of W and row of H to sum 1 (an all-zero one stays
// zero), moves the scale into d and orders topics by d, largest first; ties
// keep index order.
void normalise(const RowMatrix& W, const RowMatrix& Ht, int threads, NmfResult& out) {
  const Eigen::Index k = W.cols();
  const Vector sw = W.colwise().sum().transpose(), sh = Ht.colwise().sum().transpose();
  const Vector d = sw.cwiseProduct(sh);
  std::vector<Eigen::Index> order(static_cast<size_t>(k));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return d[a] > d[b]; });
  out.W.resize(W.rows(), k);
  out.H.resize(k, Ht.rows());
  out.d.resize(k);
  for (Eigen::Index t = 0; t < k; ++t) out.d[t] = d[order[static_cast<size_t>(t)]];
  // Row by row of the row-major factors: a column of them is strided (20
  // passes over Hᵀ's 9 MB on 20 Newsgroups took 5 ms). Column j of H is row
  // j of Hᵀ, so both sides of that copy are contiguous.
  auto scaled = [&](const RowMatrix& F, const Vector& sums, Eigen::Index i, Eigen::Index t) {
    const Eigen::Index src = order[static_cast<size_t>(t)];
    return sums[src] > 0 ? F(i, src) / sums[src] : F(i, src);
  };
  for_blocks(W.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index i = begin; i < end; ++i)
      for (Eigen::Index t = 0; t < k; ++t) out.W(i, t) = scaled(W, sw, i, t);
  });
  for_blocks(Ht.rows(), threads, [&](Eigen::Index, Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index j = begin; j < end; ++j)
      for (Eigen::Index t = 0; t < k; ++t) out.H(t, j) = scaled(Ht, sh, j, t);
  });
}

// The rows and columns of V that hold a non-zero, in order.
struct Occupied {
  std::vector<Eigen::Index> rows, cols;
};

Occupied occupied(const SparseMatrix& V) {
  std::vector<char> col_used(static_cast<size_t>(V.cols()), 0);
  Occupied o;
  for (Eigen::Index i = 0; i < V.outerSize(); ++i) {
    bool any = false;
    for (SparseMatrix::InnerIterator it(V, i); it; ++it)
      if (it.value() != 0) any = true, col_used[static_cast<size_t>(it.col())] = 1;
    if (any) o.rows.push_back(i);
  }
  for (Eigen::Index j = 0; j < V.cols(); ++j)
    if (col_used[static_cast<size_t>(j)]) o.cols.push_back(j);
  return o;
}

// V restricted to its occupied rows and columns (entries keep their order).
SparseMatrix compacted(const SparseMatrix& V, const Occupied& o) {
  std::vector<Eigen::Index> col_index(static_cast<size_t>(V.cols()), -1);
  for (size_t c = 0; c < o.cols.size(); ++c)
    col_index[static_cast<size_t>(o.cols[c])] = static_cast<Eigen::Index>(c);
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<size_t>(V.nonZeros()));
  for (size_t r = 0; r < o.rows.size(); ++r)
    for (SparseMatrix::InnerIterator it(V, o.rows[r]); it; ++it)
      if (it.value() != 0)
        entries.emplace_back(static_cast<Eigen::Index>(r), col_index[static_cast<size_t>(it.col())],
                             it.value());
  SparseMatrix C(static_cast<Eigen::Index>(o.rows.size()), static_cast<Eigen::Index>(o.cols.size()));
  C.setFromTriplets(entries.begin(), entries.end());
  C.makeCompressed();
  return C;
}

// Puts the empty rows of W and columns of H back, as zeros.
void expand(NmfResult& r, const Occupied& o, Eigen::Index rows, Eigen::Index cols) {
  Matrix W = Matrix::Zero(rows, r.W.cols()), H = Matrix::Zero(r.H.rows(), cols);
  for (size_t i = 0; i < o.rows.size(); ++i) W.row(o.rows[i]) = r.W.row(static_cast<Eigen::Index>(i));
  for (size_t j = 0; j < o.cols.size(); ++j) H.col(o.cols[j]) = r.H.col(static_cast<Eigen::Index>(j));
  r.W = std::move(W);
  r.H = std::move(H);
}

NmfResult solve(const SparseMatrix& input, const NmfConfig& config, const Execution& exec, double largest);

}  // namespace

NmfResult fit(const SparseMatrix& input, const NmfConfig& config, const Execution& exec) {
  const auto started = std::chrono::steady_clock::now();
  if (input.rows() == 0 || input.cols() == 0)
    throw InputError("the matrix is empty (" + std::to_string(input.rows()) + " x " +
                     std::to_string(input.cols()) + ")");
  config.validate(input.rows(), input.cols());
  const double largest = check_values(input);

  // Rows and columns with no entry need no dense work: their rows of W and
  // columns of H are zero at the optimum. Solving without them keeps a
  // matrix that declares a huge shape around a few entries small. It is done
  // only when most of the declared rows and columns are empty, so that a
  // corpus with a few empty documents keeps the full solve's results bit for
  // bit (its starting point and sums run over the whole shape), and only when
  // k fits what is left.
  const Occupied occ = occupied(input);
  const auto used_rows = static_cast<Eigen::Index>(occ.rows.size());
  const auto used_cols = static_cast<Eigen::Index>(occ.cols.size());
  const Eigen::Index empty = (input.rows() - used_rows) + (input.cols() - used_cols);
  const bool compact = 2 * empty >= input.rows() + input.cols() && config.k <= std::min(used_rows, used_cols);
  check_memory(input.rows(), input.cols(), compact ? used_rows : input.rows(),
               compact ? used_cols : input.cols(), input.nonZeros(), config);

  NmfResult result =
      compact ? solve(compacted(input, occ), config, exec, largest) : solve(input, config, exec, largest);
  if (compact) expand(result, occ, input.rows(), input.cols());
  check_finite(result, largest);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

namespace {

NmfResult solve(const SparseMatrix& input, const NmfConfig& config, const Execution& exec, double largest) {
  // Far from 1, V is solved as V / 2^e (value_scale.hpp); d takes 2^e back.
  const int e = scale_exponent(largest, true);
  SparseMatrix owned;
  const SparseMatrix* vp = &input;
  if (e != 0) {
    owned = scaled_copy(input, e);
    vp = &owned;
  } else if (!input.isCompressed()) {
    owned = input;
    owned.makeCompressed();
    vp = &owned;
  }
  const SparseMatrix& V = *vp;
  const double norm_sq = squared_norm(V);
  if (!(norm_sq > 0)) throw InputError("the matrix has no non-zero entries");

  const int threads = resolve_threads(exec.threads);
  const SparseMatrix Vt = compressed_transpose(V, threads);
  const SparsePair data(V, Vt, norm_sq);
  const SolverParts solver = make_solver(config.solver);
  const Loss& loss = *solver.loss;
  const UpdateScheme& scheme = *solver.scheme;
  const Problem problem{data.forward(),
                        scaled_penalty(loss, config.l1_w, config.l2_w, e, "l1_w", "l2_w", largest),
                        scaled_penalty(loss, config.l1_h, config.l2_h, e, "l1_h", "l2_h", largest), threads};

  // The start can take longer than the iterations (an SVD of k vectors at
  // large k): a task of its own, so a terminal shows what is running.
  ProgressTask starting(exec, config.init == Init::random ? "starting (random)" : "starting (SVD of V)", 1);
  StartingFactors start = initialise(V, Vt, config.k, config.init, config.seed, threads);
  starting.finish();
  Factors f;
  f.W = std::move(start.W);
  f.Ht = std::move(start.Ht);
  refresh_stats(problem, f);

  NmfResult result;
  result.config = config.resolved();
  // The trace grows as iterations run: reserving max_iter + 1 up front
  // asked for 16 GB at --max-iter 2147483647 on a fit that stops after 15.
  double previous = loss.objective(problem, f, Half::w);
  result.objective_trace.push_back(previous);
  std::optional<Extrapolation> extrapolation;
  if (config.extrapolates()) extrapolation.emplace(f);
  RelativeChange stopping(config.stop_tol(), extrapolation ? kExtrapolatedPatience : 1);
  ProgressTask progress(exec, "factorizing, iteration", static_cast<std::uint64_t>(config.max_iter));
  for (int it = 1; it <= config.max_iter; ++it) {
    // H's extrapolation waits until here, so that when the loop ends the
    // factors are exactly the pair whose objective was reported last.
    // The trace's last two values: the objective before and after the last step.
    const auto& trace = result.objective_trace;
    if (extrapolation && it > 1)
      extrapolation->after_objective(f, trace[trace.size() - 2], trace.back(), threads);
    update_w(scheme, problem, f);
    if (extrapolation) extrapolation->after_w(f, threads);
    update_h(scheme, problem, f, loss.row_term());
    const double current = loss.objective(problem, f, Half::h);
    result.objective_trace.push_back(current);
    result.iterations = it;
    progress.advance();
    exec.throw_if_cancelled();
    // An extrapolation restart is a rise by design.
    if (stopping.converged(previous, current, extrapolation.has_value())) {
      result.converged = true;
      break;
    }
    previous = current;
  }

  // The relative error is reported in the Frobenius norm for every loss; a
  // scheme that never forms X·O leaves cross and the Grams to be taken here.
  if (!scheme.keeps_cross()) refresh_stats(problem, f);
  result.relative_error = std::sqrt(frobenius_sq(norm_sq, f.cross, f.w.gram, f.h.gram) / norm_sq);
  normalise(f.W, f.Ht, threads, result);
  for (Eigen::Index t = 0; t < result.d.size(); ++t) result.d[t] = std::ldexp(result.d[t], e);
  result.value_scale = std::ldexp(1.0, e);
  return result;
}

}  // namespace

}  // namespace unbake::nmf
