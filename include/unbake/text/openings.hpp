#pragma once
// The opening words of some documents, for reports that show them: each
// document is read again, as the vectorizer read it (mail without its
// headers and quotations, HTML without its tags), its white space collapsed
// to single spaces and cut at a character boundary.
#include <cstddef>
#include <string>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/text/reader.hpp>

namespace unbake::text {

struct DocumentSource;

// Per id, its first `chars` characters ("" for an id not found or not
// readable). The input is listed again, so standard input ("-") gives ""
// for every id.
std::vector<std::string> document_openings(const std::string& input, const ReaderOptions& options,
                                           const std::vector<std::string>& ids, std::size_t chars,
                                           const Execution& exec = {});

// The same from a source already open (its ids are the documents').
std::vector<std::string> document_openings(const DocumentSource& source, const std::vector<std::string>& ids,
                                           std::size_t chars, const Execution& exec = {});

// The first `chars` characters of `text`, white space collapsed, and "…"
// when there was more.
std::string opening(const std::string& text, std::size_t chars);

}  // namespace unbake::text
