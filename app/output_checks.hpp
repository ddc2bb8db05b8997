#pragma once
// The inputs that a command's outputs must never overwrite, in the terms of
// io::OutputGuard: the folder of documents (with what its reader would take
// as a document) and the stopword lists read from files.
#include <string>

#include <unbake/io/output_guard.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::app {

void guard_documents(io::OutputGuard& guard, const std::string& root, const text::VectorizerOptions& options);

}  // namespace unbake::app
