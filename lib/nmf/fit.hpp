#pragma once
// The one driver loop: init -> (solver update of W, of H; objective; stop
// rule) -> normalise. Every solver plugs in through nmf/solver.hpp.
#include "nmf/config.hpp"
#include "nmf/result.hpp"
#include "nmf/types.hpp"

namespace unbake::nmf {

// Validates `config` against V's shape (UsageError) and V's values
// (InputError for negative / non-finite entries), then factors V.
NmfResult fit(const SparseMatrix& V, const NmfConfig& config);

}  // namespace unbake::nmf
