#pragma once
// What kind of document a file is, and its text: plain text, a mail message,
// an HTML page or a PDF. Chosen per file by ReaderOptions::format, and under
// "auto" by the file's name and first bytes.
#include <string>
#include <string_view>

#include <unbake/text/reader.hpp>

#include "text/decode.hpp"

namespace unbake::text {

enum class FileFormat { text, mail, html, pdf };

// `format` is ReaderOptions::format: "mail", "html", "pdf" and "text" force
// that reading; anything else is auto: .eml and .mbox are mail, .html, .htm
// and .xhtml HTML, .pdf PDF; another file is a PDF when it starts with
// "%PDF-", HTML when it starts with a doctype or <html>, mail when it starts
// with a mail header block (text/mail.hpp), and text otherwise.
FileFormat file_format(std::string_view name, std::string_view bytes, const std::string& format);

// Whether a file of this name is an mbox to be split into its messages at
// listing (.mbox, .mbx) under `format`.
bool is_mbox_name(std::string_view name, const std::string& format);

// Whether a file in a folder is a table whose rows are documents: a .csv,
// .tsv or .tab file when options.text_column names the column of texts, a
// .jsonl or .ndjson file when options.text_field names the field (each also
// with .gz). Without them such files are text, like any other.
bool is_table_name(std::string_view name, const ReaderOptions& options);

// The document's text (UTF-8) or the reason it has none:
// - text: decode_document;
// - mail: the Subject (without "Re:") and the body without quotes, reply
//   lead-ins and signature; MIME parts decoded through GMime, the plain
//   parts taken before the HTML ones;
// - html: the visible text (text/html_text.hpp);
// - pdf: the text layer (text/pdf_text.hpp).
Decoded document_text(std::string bytes, FileFormat format, const std::string& encoding);

}  // namespace unbake::text
