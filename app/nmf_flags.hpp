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

}  // namespace unbake::app
