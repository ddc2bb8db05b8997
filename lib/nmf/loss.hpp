#pragma once
// The loss a fit minimises, apart from how it is minimised (solver.hpp) and
// when it stops (stopping.hpp). A loss knows its objective and how its
// penalties rescale when V is solved as V / 2^e (value_scale.hpp); it reads
// the data only through the problem's operator.
#include <memory>
#include <optional>

#include "nmf/operator.hpp"
#include "nmf/primitives.hpp"

namespace unbake::nmf {

// Penalty on one factor F: l1·ΣF + ½·l2·||F||².
struct Penalty {
  double l1 = 0, l2 = 0;
  double value(const FactorStats& s) const { return l1 * s.colsum.sum() + 0.5 * l2 * s.gram.trace(); }
};

// What stays fixed for a whole fit.
struct Problem {
  const MatrixOperator& V;  // m x n; V.transposed() is n x m
  Penalty on_w, on_h;
  int threads;
};

// The evolving state: W (m x k) and Ht = Hᵀ (n x k) with their stats. After
// a half-step of a scheme that keeps_cross(), `cross` is tr(Wᵀ V Hᵀ) for the
// current pair.
struct Factors {
  RowMatrix W, Ht;
  FactorStats w, h;
  double cross = 0;
  // The loss's row term (Loss::row_term) summed over Hᵀ's rows, when the
  // last H half-step summed it in passing; empty otherwise.
  std::optional<double> row_term;
};

// Which factor changed last: the objective is summed along its side.
enum class Half { w, h };

// A sum over the rows of one side that a loss's objective needs, such as
// KL's Σ x·log(x/(WH)) − x. A scheme that visits the rows of F one at a time
// may evaluate it on each row right after rewriting it, while that row's
// data is still in cache, instead of the loss making a pass of its own (on
// 20 Newsgroups, k = 20, the separate pass cost 8% of a KL fit).
class RowTerm {
 public:
  virtual ~RowTerm() = default;
  // The term over rows [begin, end) of X, with F the model rows and O the other factor.
  virtual double rows(const MatrixOperator& X, Eigen::Index begin, Eigen::Index end, const RowMatrix& F,
                      const RowMatrix& O) const = 0;
};

class Loss {
 public:
  virtual ~Loss() = default;
  // The row term the objective needs after an H half-step, if any.
  virtual const RowTerm* row_term() const { return nullptr; }
  // The penalties that, on V / 2^e, have the same minimiser as (l1, l2) on V.
  virtual Penalty scaled_penalty(double l1, double l2, int e) const = 0;
  // The objective of the current pair, penalties included.
  virtual double objective(const Problem& p, const Factors& f, Half last) const = 0;
};

// ½||V − WH||² + penalties, from ||V||², cross and the Grams: W·H is never formed.
class FrobeniusLoss final : public Loss {
 public:
  Penalty scaled_penalty(double l1, double l2, int e) const override;
  double objective(const Problem& p, const Factors& f, Half last) const override;
};

// The generalised Kullback–Leibler divergence
// D(V‖WH) = Σ v·log(v/(WH)) − v + (WH), penalties added: the log term needs
// the model at V's non-zeros only, and Σ(WH) is colsum(W)·colsum(H).
class KlLoss final : public Loss {
 public:
  const RowTerm* row_term() const override { return &divergence_; }
  Penalty scaled_penalty(double l1, double l2, int e) const override;
  double objective(const Problem& p, const Factors& f, Half last) const override;

 private:
  struct Divergence final : RowTerm {
    double rows(const MatrixOperator& X, Eigen::Index begin, Eigen::Index end, const RowMatrix& F,
                const RowMatrix& O) const override {
      return X.divergence_rows(begin, end, F, O);
    }
  };
  Divergence divergence_;
};

}  // namespace unbake::nmf
