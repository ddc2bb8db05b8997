#pragma once
// Documents that arrive as rows of one file rather than as files of a folder:
// a CSV or TSV table with a column of texts, or JSON lines with a field of
// text, possibly gzip-compressed, possibly on standard input ("-").
//
// open_documents is what every command reads its input with: a folder is
// walked (folder_documents), a table or JSON lines file gives one document
// per row, and any other single file is one document.
#include <string>
#include <vector>

#include <unbake/text/reader.hpp>
#include <unbake/text/vectorizer.hpp>

namespace unbake::text {

// How open_documents will read `input` under `options` (format and name),
// without reading it.
enum class InputShape { folder, single_file, csv, tsv, jsonl };
InputShape input_shape(const std::string& input, const ReaderOptions& options);

// "csv", "tsv", "jsonl", "folder" or "single file".
std::string to_string(InputShape shape);

// The table or JSON lines file as one document per row. Every row is parsed
// before this returns (the file is read once, whole; .gz through zlib), so
// a malformed row fails here, naming the file and line, before any work:
// - CSV/TSV (RFC 4180): a header row names the columns; cells may be quoted,
//   with "" for a quote and line breaks inside; a UTF-8 BOM is ignored.
//   Blank lines are skipped; a row with another number of cells than the
//   header, or a quoted cell that never closes, is an InputError.
// - JSON lines: one object per non-blank line; options.text_field is a key
//   or a dotted path (user.bio) to a string (null is an empty text, a
//   number its digits, an array of strings its items on separate lines).
// Without options.text_column (text_field) it throws a UsageError that
// lists the table's columns (the first object's fields). Ids are the
// id column's values (unique, or an InputError), else the row numbers 1, 2, ...
// Each cell is decoded on its own by options.encoding; one that cannot be
// is skipped with the reason, as an undecodable file is.
DocumentSource table_documents(const std::string& input, const ReaderOptions& options);

// The documents of `input`, whatever its shape (see input_shape).
DocumentSource open_documents(const std::string& input, const ReaderOptions& options);

}  // namespace unbake::text
