#pragma once
// The reading, tokenizing and weighting flags, declared once so that every
// command that turns a folder into a matrix (vectorize, fit, transform,
// sweep) accepts exactly the same spelling and defaults.
#include <CLI/CLI.hpp>

#include <vector>

#include <unbake/text/reader.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::app {

// The flags that say how a single input is read (--format, --text-column,
// ...), bound to `reader`, which must outlive `app`. Part of
// add_vectorizer_flags; transform adds them alone (the rest is the model's).
void add_table_flags(CLI::App& app, text::ReaderOptions& reader);

// Binds the flags to `options`, which must outlive `app`.
void add_vectorizer_flags(CLI::App& app, text::VectorizerOptions& options);

// A warning for each of the first skipped files (the rest only with -v, and a
// count), so a messy folder never loses files silently on any command.
void log_skipped(const std::vector<text::SkippedFile>& skipped);

}  // namespace unbake::app
