#pragma once
// Reading a folder (or one file) of documents. Listing is cheap and happens
// first; texts are read one at a time by the vectorizer's workers and dropped
// after tokenizing, so memory follows the matrix, not the corpus bytes.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unbake::text {

struct ReaderOptions {
  // File name endings to read, with the dot; "" selects files without an
  // extension (20 Newsgroups has none). Compared case-insensitively.
  std::vector<std::string> extensions{".txt", ".md", ".text", "", ".eml", ".mbox", ".html", ".htm", ".pdf"};
  double max_file_mb = 64;        // MB of 2^20 bytes; larger files are skipped with a reason
  std::string encoding = "auto";  // "auto": UTF-8, else windows-1252; or any ICU converter name
  // How the input is read. A single input (text/table_documents.hpp):
  // "auto" (by its name: .csv, .tsv, .jsonl, .ndjson, each also .gz;
  // standard input is JSON lines), "csv", "tsv" or "jsonl" (a table), or one
  // document. Each file of a folder, and a single file that is no table:
  // "auto" (by name and first bytes: mail, HTML, PDF or text; an .mbox is
  // one document per message), or "text", "mail", "html", "pdf" for all.
  std::string format = "auto";
  std::string text_column;  // CSV/TSV: the header of the column of texts
  std::string id_column;    // CSV/TSV: the header of the ids ("" = row numbers)
  std::string text_field;   // JSON lines: the key or dotted path of the text
  std::string id_field;     // JSON lines: the key or dotted path of the id ("" = row numbers)
  // Folder walks: files or folders whose name (a pattern without '/') or
  // path below the root (a pattern with '/') matches one of these shell
  // patterns are not read, and counted as excluded.
  std::vector<std::string> exclude;
  // A README, LICENSE, COPYING, CHANGELOG, NOTICE, AUTHORS, CONTRIBUTING or
  // CITATION file (any extension) at the root describes the corpus and is
  // not a document of it, unless this is set.
  bool include_readme = false;
  // Exact duplicates (same text once decoded) are always counted and listed;
  // with dedupe only the first of each is a row.
  bool dedupe = false;
  // Known labels to judge the topics against: "" none, "folder" (a
  // document's first path component), or a table column / JSON field.
  std::string labels;
  // Tables and JSON lines: other columns (fields) kept with each document
  // (meta), and the ones whose values are dates (ISO 8601 dates or years) and
  // groups: the report gives each topic's prevalence per period and group.
  std::vector<std::string> meta;
  std::string time_column;
  std::string group_column;
  // Every column named by meta, time_column and group_column, once, in that order.
  std::vector<std::string> meta_columns() const;
  // The field that named one of those columns ("meta", "time_column" or
  // "group_column"), for messages.
  const char* meta_field(const std::string& column) const;
  void validate() const;  // throws UsageError
};

// The optional readers this build has, of "gzip", "mime", "html", "pdf"
// (build options UNBAKE_WITH_ZLIB, _GMIME, _GUMBO, _POPPLER).
std::vector<std::string> optional_readers();

struct SkippedFile {
  std::string path;    // relative to the root, '/' separators
  std::string reason;  // e.g. "binary (NUL byte in the first 8 KiB)"
};

struct DocumentRef {
  // Path relative to the root with '/' separators (file name for a single
  // file); always UTF-8 (a legacy file name is shown as windows-1252) and unique.
  std::string id;
  std::filesystem::path path;  // where to open it
  // One message of an mbox: bytes [offset, offset + length) of the file
  // (id "box.mbox#3"); the whole file when not `part`.
  bool part = false;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// Files of a folder that were not taken as documents, by rule rather than
// by fault (those are SkippedFile): so that a summary accounts for every file.
struct NotRead {
  std::map<std::string, long> ignored;    // files by extension ("" = none) that is not selected
  std::vector<std::string> readme_files;  // at the root, left out by default (include_readme)
  long excluded = 0;                      // files and folders matching an exclude pattern
};

// One line on what was not read and why ("README.md left out as the
// corpus's own description; 12 files ignored by extension: .gz 8, .R 4"),
// with the exact duplicates found; "" when every file was a document.
std::string describe_not_read(const NotRead& n, std::size_t duplicates, bool deduplicated);

struct Listing {
  std::filesystem::path root;
  std::vector<DocumentRef> documents;  // sorted bytewise by id
  std::vector<SkippedFile> skipped;    // skipped while listing (too large, unreadable folder, ...)
  NotRead not_read;
};

// Recursive walk in bytewise order of ids. Hidden files and folders (name
// starting with '.') are skipped; symlinked folders are followed once (loops
// never hang); only regular files are listed (FIFOs, devices are skipped).
// Files without a selected extension are not documents and not reported;
// a single file given as root is read whatever its extension. Nothing is
// opened but folders. Throws InputError when `root` does not exist or is a
// folder that cannot be read; an empty folder gives an empty listing.
Listing list_documents(const std::string& root, const ReaderOptions& options);

// Whether list_documents(root) would list a regular file at `relative`, a
// path below a folder root: no hidden component and a selected extension
// (size and contents aside). Lets a command refuse an output that its own
// reading of the folder would take as a document.
bool would_list(const std::filesystem::path& relative, const ReaderOptions& options);

struct ReadOutcome {
  std::optional<std::string> text;  // UTF-8, BOM removed; empty optional = skipped
  std::string skip_reason;          // set when skipped
  bool transcoded = false;          // true when decoded from a legacy encoding
};

// Reads and decodes one document (see text/decode.hpp for the encoding rules).
// Binary (NUL in the first 8 KiB), unreadable, oversized or undecodable files
// come back skipped with a reason; never throws for a bad file. Running out
// of descriptors or memory (EMFILE, ENFILE, ENOMEM, ENOBUFS) throws
// InputError naming the file: it would skip good files. Thread-safe.
ReadOutcome read_document(const DocumentRef& doc, const ReaderOptions& options);

}  // namespace unbake::text
