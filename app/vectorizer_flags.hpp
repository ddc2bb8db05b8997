#pragma once
// The reading, tokenizing and weighting flags, declared once so that every
// command that turns a folder into a matrix (vectorize, fit, transform,
// sweep) accepts exactly the same spelling and defaults.
#include <CLI/CLI.hpp>

#include "text/vectorizer_options.hpp"

namespace unbake::app {

// Binds the flags to `options`, which must outlive `app`.
void add_vectorizer_flags(CLI::App& app, text::VectorizerOptions& options);

}  // namespace unbake::app
