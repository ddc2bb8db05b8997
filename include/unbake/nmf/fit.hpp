#pragma once
// The one driver loop: init -> (solver update of W, of H; objective; stop
// rule) -> normalise. Every solver plugs in through nmf/solver.hpp.
#include <unbake/core/execution.hpp>
#include <unbake/nmf/config.hpp>
#include <unbake/nmf/result.hpp>
#include <unbake/nmf/types.hpp>

namespace unbake::nmf {

// Validates `config` against V's shape (UsageError) and V's values
// (InputError for negative / non-finite entries), then factors V.
// Reports the task "factorizing, iteration" (total config.max_iter) to
// exec.progress and checks exec.cancel once per iteration (throws Cancelled).
NmfResult fit(const SparseMatrix& V, const NmfConfig& config, const Execution& exec = {});

}  // namespace unbake::nmf
