#pragma once
// The factorization options every NMF subcommand takes (factor, fit, sweep),
// declared once so they read the same everywhere.
#include <CLI/CLI.hpp>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/result.hpp>

namespace unbake::app {

// Declares -k (required, unless with_k is false: a command that picks k itself),
// --solver, --init, --seed, --tol, --max-iter, --threads and the --l1-*/--l2-*
// penalties on `app`, writing into `config`. Unknown solver or init names are
// rejected while parsing (exit 2); ranges are checked by NmfConfig::validate.
void add_nmf_flags(CLI::App& app, nmf::NmfConfig& config, bool with_k = true);

// Warns when a fit ended worse than W = H = 0 (relative error above 1), which
// only the non-monotone clipped ALS can do: the numbers are reported as they
// are, and the warning says what to use instead.
void warn_if_worse_than_zero(const nmf::NmfResult& result);

}  // namespace unbake::app
