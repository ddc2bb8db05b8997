#include "nmf/solver.hpp"

#include <utility>

namespace unbake::nmf {

void update_w(const UpdateScheme& scheme, const Problem& p, Factors& f) {
  const HalfStep step{p.V, f.Ht, f.h, p.on_w, p.threads};
  f.w = scheme.update(step, f.W).stats;
  f.cross = f.w.cross;
  f.row_term.reset();
}

void update_h(const UpdateScheme& scheme, const Problem& p, Factors& f, const RowTerm* term) {
  const HalfStep step{p.V.transposed(), f.W, f.w, p.on_h, p.threads, term};
  HalfResult r = scheme.update(step, f.Ht);
  f.h = std::move(r.stats);
  f.cross = f.h.cross;
  f.row_term = r.row_term;
}

void refresh_stats(const Problem& p, Factors& f) {
  f.w = factor_stats(f.W, p.threads);
  f.h = factor_stats(f.Ht, p.V.transposed(), f.W, p.threads);
  f.cross = f.h.cross;
  f.row_term.reset();
}

SolverParts make_solver(Solver solver) {
  switch (solver) {
    case Solver::als:
      return {std::make_unique<FrobeniusLoss>(), make_als_clip()};
    case Solver::mu:
      return {std::make_unique<FrobeniusLoss>(), make_mu()};
    case Solver::kl:
      return {std::make_unique<KlLoss>(), make_kl_mu()};
    case Solver::hals:
      break;
  }
  return {std::make_unique<FrobeniusLoss>(), make_hals()};
}

}  // namespace unbake::nmf
