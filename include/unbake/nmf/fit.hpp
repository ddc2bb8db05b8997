#pragma once
// The one driver loop: init -> (solver update of W, of H; objective; stop
// rule) -> normalise. Every solver plugs in through nmf/solver.hpp.
#include <unbake/core/progress.hpp>
#include <unbake/nmf/config.hpp>
#include <unbake/nmf/result.hpp>
#include <unbake/nmf/types.hpp>

namespace unbake::nmf {

// Validates `config` against V's shape (UsageError) and V's values
// (InputError for negative / non-finite entries), then factors V.
// `progress`, when given, is advanced once per iteration (its total should be
// config.max_iter); callers that run many fits at once pass none.
NmfResult fit(const SparseMatrix& V, const NmfConfig& config, Progress* progress = nullptr);

}  // namespace unbake::nmf
