#include "nmf/solver.hpp"

namespace unbake::nmf {

void UpdateRule::update_w(const Problem& p, Factors& f) const {
  HalfStep step{p.V, f.Ht, f.h, p.on_w, p.threads, false};
  f.w = update(step, f.W, f);
  f.cross = f.w.cross;
}

void UpdateRule::update_h(const Problem& p, Factors& f) const {
  HalfStep step{p.Vt, f.W, f.w, p.on_h, p.threads, true};
  f.h = update(step, f.Ht, f);
  f.cross = f.h.cross;
}

void FrobeniusRule::prepare(const Problem& p, Factors& f) const {
  f.w = factor_stats(f.W, p.threads);
  f.h = factor_stats(f.Ht, p.Vt, f.W, p.threads);
  f.cross = f.h.cross;
}

double FrobeniusRule::objective(const Problem& p, const Factors& f) const {
  return 0.5 * frobenius_sq(p.norm_sq, f.cross, f.w.gram, f.h.gram) + p.on_w.value(f.w) + p.on_h.value(f.h);
}

std::unique_ptr<UpdateRule> make_rule(Solver solver) {
  switch (solver) {
    case Solver::als:
      return make_als_clip();
    case Solver::mu:
      return make_mu();
    case Solver::hals:
      return make_hals();
    case Solver::kl:
      return make_kl();
  }
  return make_hals();
}

}  // namespace unbake::nmf
