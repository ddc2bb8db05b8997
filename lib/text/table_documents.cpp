#include <unbake/text/table_documents.hpp>

#include <sys/stat.h>

#include <cmath>
#include <memory>
#include <unordered_map>
#include <utility>

#include <unbake/core/errors.hpp>
#include "core/log.hpp"
#include "io/file_contents.hpp"
#include "io/gzip.hpp"
#include "text/decode.hpp"
#include "text/delimited_records.hpp"
#include "text/file_names.hpp"
#include "text/formats.hpp"
#include "text/json_lines.hpp"

namespace unbake::text {
namespace {

bool is_stdin(const std::string& input) { return input == "-"; }

std::string display_name(const std::string& input) { return is_stdin(input) ? "standard input" : input; }

// The whole input, decompressed when it is gzip. Standard input is taken
// as gzip by its content; a file by its name.
std::string input_bytes(const std::string& input, const ReaderOptions& options) {
  const io::FileContents contents(input);
  const std::string name = display_name(input);
  const bool gzipped = is_stdin(input) ? io::looks_gzipped(contents.text()) : is_gz_name(input);
  if (!gzipped) return std::string(contents.text());
  (void)options;
  // The decompressed table is held whole, as a plain one is: the limit is
  // the one a stream has (a gzip bomb must not take every byte of memory).
  return io::gunzip(contents.text(), name, io::kMaxStreamBytes);
}

// Rows parsed from a table, before decoding.
struct Rows {
  std::vector<std::string> ids;
  std::vector<std::string> texts;   // raw bytes of each row's text
  std::vector<std::string> labels;  // per row when options.labels names a column
  std::vector<MetaColumn> meta;     // options.meta_columns(), per row
};

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "(none)" : out;
}

// An id as UTF-8 (a legacy byte in an id cell is shown as windows-1252).
std::string utf8_id(std::string id) {
  if (find_invalid_utf8(id) == std::string_view::npos) return id;
  Decoded d = decode_document(id, "auto");
  return d.text ? *d.text : id;
}

class UniqueIds {
 public:
  explicit UniqueIds(std::string name) : name_(std::move(name)) {}
  void add(const std::string& id, long line, Rows& rows) {
    const auto [it, fresh] = first_line_.emplace(id, line);
    if (!fresh)
      throw InputError(name_ + ":" + std::to_string(line) + ": the id '" + id +
                       "' was already used on line " + std::to_string(it->second) +
                       " (ids must be unique; without an id column rows are numbered)");
    rows.ids.push_back(id);
  }

 private:
  std::string name_;
  std::unordered_map<std::string, long> first_line_;
};

std::size_t column_index(const std::vector<std::string>& header, const std::string& wanted, const char* field,
                         const std::string& name) {
  for (std::size_t c = 0; c < header.size(); ++c)
    if (header[c] == wanted) return c;
  throw UsageError(field,
                   "'" + wanted + "' is not a column of " + name + " (its columns: " + joined(header) + ")");
}

Rows read_delimited(const std::string& bytes, const std::string& name, char delimiter,
                    const ReaderOptions& options) {
  // A UTF-16 table (with its byte order mark) is decoded whole first: its
  // delimiters and quotes are not single bytes.
  std::string utf8;
  std::string_view view = bytes;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    Decoded d = decode_document(bytes, options.encoding);
    if (!d.text) throw InputError(name + ": " + d.reason);
    utf8 = std::move(*d.text);
    view = utf8;
  }
  DelimitedRecords records(view, name, delimiter);
  DelimitedRecord header;
  if (!records.next(header)) throw InputError(name + ": empty table (no header row)");
  for (auto& cell : header.cells) cell = utf8_id(std::move(cell));
  if (options.text_column.empty())
    throw UsageError("text_column", "is needed to read " + name +
                                        " as a table of texts (its columns: " + joined(header.cells) + ")");
  const std::size_t text_at = column_index(header.cells, options.text_column, "text_column", name);
  const bool numbered = options.id_column.empty();
  const std::size_t id_at = numbered ? 0 : column_index(header.cells, options.id_column, "id_column", name);
  const bool labelled = !options.labels.empty();
  const std::size_t label_at = labelled ? column_index(header.cells, options.labels, "labels", name) : 0;
  Rows rows;
  std::vector<std::size_t> meta_at;
  for (const auto& column : options.meta_columns()) {
    meta_at.push_back(column_index(header.cells, column, options.meta_field(column), name));
    rows.meta.push_back({column, {}});
  }
  UniqueIds ids(name);
  DelimitedRecord record;
  long number = 0;
  while (records.next(record)) {
    ++number;
    if (record.cells.size() != header.cells.size())
      throw InputError(name + ":" + std::to_string(record.line) + ": " + std::to_string(record.cells.size()) +
                       " cells where the header has " + std::to_string(header.cells.size()) +
                       " (an unquoted delimiter or line break in a cell?)");
    ids.add(numbered ? std::to_string(number) : utf8_id(record.cells[id_at]), record.line, rows);
    if (labelled) rows.labels.push_back(utf8_id(record.cells[label_at]));
    for (std::size_t c = 0; c < meta_at.size(); ++c)
      rows.meta[c].values.push_back(utf8_id(record.cells[meta_at[c]]));
    rows.texts.push_back(std::move(record.cells[text_at]));
  }
  return rows;
}

Rows read_jsonl(const std::string& bytes, const std::string& name, const ReaderOptions& options) {
  JsonLines lines(bytes, name, options.encoding);
  JsonRecord record;
  if (options.text_field.empty()) {
    const std::string fields = lines.next(record) ? joined(record.keys()) : "(none: no object)";
    throw UsageError("text_field", "is needed to read " + name +
                                       " as JSON lines (fields of its first object: " + fields + ")");
  }
  Rows rows;
  const auto columns = options.meta_columns();
  for (const auto& column : columns) rows.meta.push_back({column, {}});
  UniqueIds ids(name);
  long number = 0;
  while (lines.next(record)) {
    ++number;
    rows.texts.push_back(record.text(options.text_field, "text_field"));
    if (!options.labels.empty()) rows.labels.push_back(record.text(options.labels, "labels"));
    for (std::size_t c = 0; c < columns.size(); ++c)
      rows.meta[c].values.push_back(record.text(columns[c], options.meta_field(columns[c])));
    ids.add(options.id_field.empty() ? std::to_string(number) : record.text(options.id_field, "id_field"),
            record.line, rows);
  }
  return rows;
}

}  // namespace

InputShape input_shape(const std::string& input, const ReaderOptions& options) {
  const std::string& f = options.format;
  if (f == "csv") return InputShape::csv;
  if (f == "tsv") return InputShape::tsv;
  if (f == "jsonl") return InputShape::jsonl;
  // A document format read whole: one document (or, for a folder, its files).
  const bool whole = f == "text" || f == "mail" || f == "html" || f == "pdf";
  if (is_stdin(input)) return whole ? InputShape::single_file : InputShape::jsonl;
  struct stat st;
  if (::stat(input.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return InputShape::folder;
  if (whole) return InputShape::single_file;
  const std::string ext = format_extension(input);
  if (ext == ".csv") return InputShape::csv;
  if (ext == ".tsv" || ext == ".tab") return InputShape::tsv;
  if (ext == ".jsonl" || ext == ".ndjson") return InputShape::jsonl;
  return InputShape::single_file;
}

std::string to_string(InputShape shape) {
  switch (shape) {
    case InputShape::folder:
      return "folder";
    case InputShape::single_file:
      return "single file";
    case InputShape::csv:
      return "csv";
    case InputShape::tsv:
      return "tsv";
    case InputShape::jsonl:
      return "jsonl";
  }
  return "?";
}

DocumentSource table_documents(const std::string& input, const ReaderOptions& options) {
  const InputShape shape = input_shape(input, options);
  const std::string name = display_name(input);
  if (shape == InputShape::folder)
    throw UsageError("format",
                     options.format + " reads one file or standard input, and " + name + " is a folder");
  if (options.labels == "folder")
    throw UsageError("labels", "folder takes a document's folder as its label, and " + name +
                                   " is one file: name the column (or field) that holds the labels");
  const std::string bytes = input_bytes(input, options);
  Rows rows = shape == InputShape::jsonl
                  ? read_jsonl(bytes, name, options)
                  : read_delimited(bytes, name, shape == InputShape::tsv ? '\t' : ',', options);
  auto texts = std::make_shared<std::vector<std::string>>(std::move(rows.texts));
  DocumentSource source;
  source.root = name;
  source.ids = std::move(rows.ids);
  source.labels = std::move(rows.labels);
  source.meta = std::move(rows.meta);
  const ReaderOptions reader = options;
  const auto limit = static_cast<std::size_t>(std::floor(options.max_file_mb * 1024.0 * 1024.0));
  source.read = [texts, reader, limit](std::size_t i) {
    ReadOutcome r;
    const std::string& cell = (*texts)[i];
    if (cell.size() > limit) {
      r.skip_reason = "a text larger than " + std::to_string(reader.max_file_mb) + " MB";
      return r;
    }
    Decoded d = decode_document(cell, reader.encoding);
    if (!d.text) {
      r.skip_reason = std::move(d.reason);
      return r;
    }
    r.text = std::move(d.text);
    r.transcoded = d.transcoded;
    return r;
  };
  return source;
}

DocumentSource open_documents(const std::string& input, const ReaderOptions& options) {
  const InputShape shape = input_shape(input, options);
  if (shape == InputShape::folder) return folder_documents(input, options);
  if (shape != InputShape::single_file) return table_documents(input, options);
  if (is_stdin(input)) {
    const io::FileContents contents(input);
    std::string bytes(contents.text());
    if (io::looks_gzipped(bytes)) bytes = io::gunzip(bytes, "standard input", io::kMaxStreamBytes);
    auto text = std::make_shared<std::string>(std::move(bytes));
    DocumentSource source;
    source.root = "standard input";
    source.ids = {"-"};
    const std::string encoding = options.encoding;
    const FileFormat format = file_format("-", *text, options.format);
    source.read = [text, encoding, format](std::size_t) {
      ReadOutcome r;
      Decoded d = document_text(*text, format, encoding);
      if (!d.text) r.skip_reason = std::move(d.reason);
      r.text = std::move(d.text);
      r.transcoded = d.transcoded;
      return r;
    };
    log().info("reading standard input as one document (--format jsonl, csv or tsv reads one per row)");
    return source;
  }
  struct stat st;
  if (::stat(input.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    log().info("reading {} as one document (a table of texts is read by its name: .csv, .tsv, .jsonl)",
               input);
  return folder_documents(input, options);
}

}  // namespace unbake::text
