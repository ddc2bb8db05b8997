#pragma once
// The one interface every solver implements. A solver only knows how to
// rewrite one factor given the other; the driver (fit.cpp) owns init, the
// stopping rule and normalisation.
//
// Both half-iterations are the same operation seen from either side: updating
// W against V and Hᵀ is updating Hᵀ against Vᵀ and W. So a solver implements
// update() once; update_w/update_h pick the side.
#include <memory>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/types.hpp>
#include "nmf/primitives.hpp"

namespace unbake::nmf {

// Penalty on one factor F: l1·ΣF + ½·l2·||F||².
struct Penalty {
  double l1 = 0, l2 = 0;
  double value(const FactorStats& s) const { return l1 * s.colsum.sum() + 0.5 * l2 * s.gram.trace(); }
};

// What stays fixed for a whole fit.
struct Problem {
  const SparseMatrix& V;   // m x n, compressed
  const SparseMatrix& Vt;  // n x m, compressed
  double norm_sq;          // ||V||²
  Penalty on_w, on_h;
  int threads;
};

// The evolving state: W (m x k) and Ht = Hᵀ (n x k) with their stats. After
// any update, w/h hold the current Grams and column sums and `cross` holds
// tr(Wᵀ V H ᵀ) for the current pair (Frobenius solvers keep it current).
struct Factors {
  RowMatrix W, Ht;
  FactorStats w, h;
  double cross = 0;
  double divergence_nz = 0;  // KL only: Σ over V's non-zeros of v·log(v/(WH)) − v
};

// One half-step: F (rows x k) is updated so that X ≈ F·Oᵀ improves.
struct HalfStep {
  const SparseMatrix& X;
  const RowMatrix& O;
  const FactorStats& o_stats;
  Penalty penalty;  // on F
  int threads;
  bool last_half;  // the H half: the objective is read right after it
};

class UpdateRule {
 public:
  virtual ~UpdateRule() = default;
  // Brings the stats (and any cached objective terms) in line with freshly
  // initialised factors.
  virtual void prepare(const Problem& p, Factors& f) const = 0;
  // Rewrites F in place; returns F's stats (with cross against the rhs X·O).
  // Stores solver-specific objective terms in f.
  virtual FactorStats update(const HalfStep& step, RowMatrix& F, Factors& f) const = 0;
  // The solver's own objective for the current factors (penalties included).
  virtual double objective(const Problem& p, const Factors& f) const = 0;

  void update_w(const Problem& p, Factors& f) const;
  void update_h(const Problem& p, Factors& f) const;
};

// Frobenius-loss solvers share prepare/objective: ½||V − WH||² + penalties.
class FrobeniusRule : public UpdateRule {
 public:
  void prepare(const Problem& p, Factors& f) const override;
  double objective(const Problem& p, const Factors& f) const override;
};

std::unique_ptr<UpdateRule> make_als_clip();
std::unique_ptr<UpdateRule> make_mu();
std::unique_ptr<UpdateRule> make_hals();
std::unique_ptr<UpdateRule> make_kl();
std::unique_ptr<UpdateRule> make_rule(Solver solver);

}  // namespace unbake::nmf
