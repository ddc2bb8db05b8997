#pragma once
// How a fit moves: an update scheme rewrites one factor given the other, and
// knows nothing of init, objective or stopping (the driver, fit.cpp, owns
// those; loss.hpp and stopping.hpp hold the pieces it combines).
//
// Both half-iterations are the same operation seen from either side: updating
// W against V and Hᵀ is updating Hᵀ against Vᵀ and W. So a scheme implements
// update() once; update_w/update_h pick the side.
#include <memory>
#include <optional>
#include <utility>

#include <unbake/nmf/config.hpp>
#include "nmf/loss.hpp"

namespace unbake::nmf {

// One half-step: F (X.rows() x k) is updated so that X ≈ F·Oᵀ improves.
struct HalfStep {
  const MatrixOperator& X;
  const RowMatrix& O;
  const FactorStats& o_stats;
  Penalty penalty;  // on F
  int threads;
  const RowTerm* row_term = nullptr;  // to sum over the rewritten rows, if the scheme can
};

// What a half-step leaves: F's stats, and the row term's sum when asked for
// and the scheme computed it (a scheme may leave it to the loss).
struct HalfResult {
  // Implicit from the stats alone: most schemes leave the term to the loss.
  HalfResult(FactorStats s, std::optional<double> term = {}) : stats(std::move(s)), row_term(term) {}
  FactorStats stats;
  std::optional<double> row_term;
};

class UpdateScheme {
 public:
  virtual ~UpdateScheme() = default;
  // Rewrites F in place; returns F's stats. A scheme that keeps_cross()
  // forms R = X·O and returns cross = Σ F ∘ R with them.
  virtual HalfResult update(const HalfStep& step, RowMatrix& F) const = 0;
  virtual bool keeps_cross() const { return true; }
};

// A loss with the scheme that minimises it.
struct SolverParts {
  std::unique_ptr<Loss> loss;
  std::unique_ptr<UpdateScheme> scheme;
};

std::unique_ptr<UpdateScheme> make_als_clip();
std::unique_ptr<UpdateScheme> make_mu();
std::unique_ptr<UpdateScheme> make_hals();
std::unique_ptr<UpdateScheme> make_kl_mu();
SolverParts make_solver(Solver solver);

// The two half-steps (the H one asks for `term`, which may be null), and
// the stats of freshly set factors (with cross).
void update_w(const UpdateScheme& scheme, const Problem& p, Factors& f);
void update_h(const UpdateScheme& scheme, const Problem& p, Factors& f, const RowTerm* term = nullptr);
void refresh_stats(const Problem& p, Factors& f);

}  // namespace unbake::nmf
