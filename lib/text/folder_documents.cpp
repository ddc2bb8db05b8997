// A folder as a document source: each listed file is a document, but for a
// table (CSV, TSV, JSON lines) inside it, whose rows are (file.csv#id).
#include <memory>

#include <unbake/core/errors.hpp>
#include <unbake/text/table_documents.hpp>
#include <unbake/text/vectorizer.hpp>
#include "text/formats.hpp"

namespace unbake::text {

namespace {

bool is_table_file(const DocumentRef& d, const ReaderOptions& o) {
  if (d.part) return false;
  if (o.format == "csv" || o.format == "tsv" || o.format == "jsonl") return true;
  return is_table_name(d.id, o);
}

// The first path component; a document at the root has none.
std::string folder_of(const std::string& id) {
  const auto slash = id.find('/');
  return slash == std::string::npos ? "" : id.substr(0, slash);
}

}  // namespace

DocumentSource folder_documents(const std::string& root, const ReaderOptions& options) {
  auto listing = std::make_shared<Listing>(list_documents(root, options));
  DocumentSource source;
  source.root = root;
  source.skipped = listing->skipped;
  source.not_read = listing->not_read;

  // Where each document comes from: a listed file, or a row of a table.
  struct Origin {
    long table;         // index into tables, or -1 for a file
    std::size_t index;  // the file in the listing, or the row in the table
  };
  auto tables = std::make_shared<std::vector<DocumentSource>>();
  auto origins = std::make_shared<std::vector<Origin>>();
  ReaderOptions table_options = options;
  if (options.labels == "folder") table_options.labels.clear();  // a row's folder is its file's
  const auto columns = options.meta_columns();
  for (const auto& c : columns) source.meta.push_back({c, {}});
  const bool labelled = !options.labels.empty();

  for (std::size_t f = 0; f < listing->documents.size(); ++f) {
    const DocumentRef& d = listing->documents[f];
    if (!is_table_file(d, options)) {
      source.ids.push_back(d.id);
      origins->push_back({-1, f});
      if (labelled) source.labels.push_back(options.labels == "folder" ? folder_of(d.id) : "");
      for (auto& m : source.meta) m.values.emplace_back();
      continue;
    }
    DocumentSource rows = table_documents(d.path.string(), table_options);
    const long t = static_cast<long>(tables->size());
    for (std::size_t r = 0; r < rows.ids.size(); ++r) {
      source.ids.push_back(d.id + "#" + rows.ids[r]);
      origins->push_back({t, r});
      if (labelled) source.labels.push_back(options.labels == "folder" ? folder_of(d.id) : rows.labels[r]);
      for (std::size_t c = 0; c < columns.size(); ++c)
        source.meta[c].values.push_back(rows.meta[c].values[r]);
    }
    for (auto& s : rows.skipped) source.skipped.push_back({d.id + "#" + s.path, std::move(s.reason)});
    tables->push_back(std::move(rows));
  }
  // A column named for a folder needs a table in it to come from.
  if (tables->empty()) {
    if (labelled && options.labels != "folder")
      throw UsageError("labels", "'" + options.labels + "' names a column of a table, and " + root +
                                     " holds no table (folder takes a document's folder as its label)");
    if (!columns.empty())
      throw UsageError(options.meta_field(columns.front()),
                       "'" + columns.front() + "' names a column of a table, and " + root +
                           " holds no table (metadata comes from table columns or JSON fields)");
  }
  source.read = [listing, tables, origins, options](std::size_t i) {
    const Origin& o = (*origins)[i];
    if (o.table < 0) return read_document(listing->documents[o.index], options);
    return (*tables)[static_cast<std::size_t>(o.table)].read(o.index);
  };
  return source;
}

}  // namespace unbake::text
