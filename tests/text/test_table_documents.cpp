// Tables of texts (CSV, TSV) and JSON lines as document sources: RFC 4180
// quoting, ids, per-cell decoding, gzip, and a one-line error for every kind
// of malformed input.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/text/table_documents.hpp>
#include "io/gzip.hpp"
#include "text/delimited_records.hpp"
#include "text/text_test_files.hpp"

namespace fs = std::filesystem;
using namespace unbake;
using namespace unbake::text;

namespace {

std::vector<std::vector<std::string>> records(const std::string& bytes, char delimiter = ',') {
  DelimitedRecords r(bytes, "t.csv", delimiter);
  std::vector<std::vector<std::string>> out;
  DelimitedRecord rec;
  while (r.next(rec)) out.push_back(rec.cells);
  return out;
}

std::string error_of(const std::string& bytes) {
  try {
    records(bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

struct Table {
  fs::path dir;
  fs::path file(const std::string& name, const std::string& bytes) const {
    test::write_file(dir / name, bytes);
    return dir / name;
  }
};

Table scratch(const std::string& name) { return {test::fresh_dir("unbake-test-table", name)}; }

std::vector<std::string> texts(const DocumentSource& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.ids.size(); ++i) {
    ReadOutcome r = s.read(i);
    out.push_back(r.text ? *r.text : "skipped: " + r.skip_reason);
  }
  return out;
}

ReaderOptions csv_options(std::string text, std::string id = "") {
  ReaderOptions o;
  o.text_column = std::move(text);
  o.id_column = std::move(id);
  return o;
}

template <class E>
std::string message(const std::function<void()>& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("RFC 4180 records: quotes, doubled quotes, line breaks and CRLF inside and between cells") {
  const auto r = records(
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\n\nlast,\"\",z");
  REQUIRE(r.size() == 4);
  CHECK(r[0] == std::vector<std::string>{"a", "b", "c"});  // the BOM is not part of "a"
  CHECK(r[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"});
  CHECK(r[2] ==
        std::vector<std::string>{"", "", ""});  // empty cells are kept; the blank line is not a record
  CHECK(r[3] == std::vector<std::string>{"last", "", "z"});
}

TEST_CASE("an unquoted cell keeps its spaces and any quote inside it as written") {
  const auto r = records(" a b ,it's 5\" tall\n", ',');
  REQUIRE(r.size() == 1);
  CHECK(r[0] == std::vector<std::string>{" a b ", "it's 5\" tall"});
  CHECK(records("x\ty\n", '\t')[0] == std::vector<std::string>{"x", "y"});
}

TEST_CASE("a quoted cell that never closes, or text after its closing quote, names the file and line") {
  CHECK(error_of("a,b\n1,\"open\nstill open") == "t.csv:2: the quoted cell in column 2 is never closed");
  const std::string after = error_of("a,b\n\"x\"y,2\n");
  CHECK(after.starts_with("t.csv:2: text after the closing quote of column 1"));
}

TEST_CASE("a CSV table gives one document per row, ids from a column or the row number") {
  const Table t = scratch("csv");
  const auto path = t.file("t.csv", "id,label,text\nn1,a,first text\nn2,b,\"second, with\na line break\"\n");
  DocumentSource s = table_documents(path.string(), csv_options("text", "id"));
  CHECK(s.ids == std::vector<std::string>{"n1", "n2"});
  CHECK(texts(s) == std::vector<std::string>{"first text", "second, with\na line break"});
  s = table_documents(path.string(), csv_options("label"));
  CHECK(s.ids == std::vector<std::string>{"1", "2"});
  CHECK(texts(s) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a TSV table and a windows-1252 cell beside UTF-8 ones") {
  const Table t = scratch("tsv");
  const auto path = t.file("t.tsv", "text\tn\ncaf\xc3\xa9\t1\nna\xefve\t2\n");
  DocumentSource s = table_documents(path.string(), csv_options("text"));
  CHECK(texts(s) == std::vector<std::string>{"caf\xc3\xa9", "na\xc3\xafve"});
}

TEST_CASE("table errors: no text column chosen, an unknown column, a ragged row, a repeated id, no header") {
  const Table t = scratch("errors");
  const auto path = t.file("t.csv", "id,text\n1,a\n2,b\n");
  const std::string none = message<UsageError>([&] { table_documents(path.string(), csv_options("")); });
  CHECK(none.find("(its columns: id, text)") != std::string::npos);
  const std::string unknown =
      message<UsageError>([&] { table_documents(path.string(), csv_options("body")); });
  CHECK(unknown.find("'body' is not a column of") != std::string::npos);
  const auto ragged = t.file("r.csv", "id,text\n1,a\n2,b,c\n");
  CHECK(message<InputError>([&] { table_documents(ragged.string(), csv_options("text")); })
            .ends_with(
                "r.csv:3: 3 cells where the header has 2 (an unquoted delimiter or line break in a cell?)"));
  const auto repeated = t.file("d.csv", "id,text\n7,a\n7,b\n");
  CHECK(message<InputError>([&] {
          table_documents(repeated.string(), csv_options("text", "id"));
        }).find("d.csv:3: the id '7' was already used on line 2") != std::string::npos);
  const auto empty = t.file("e.csv", "");
  CHECK(message<InputError>([&] {
          table_documents(empty.string(), csv_options("text"));
        }).ends_with("e.csv: empty table (no header row)"));
}

TEST_CASE("JSON lines: a key or a dotted path, null, numbers and arrays of strings as text") {
  const Table t = scratch("jsonl");
  const auto path = t.file("t.jsonl",
                           "{\"id\": 10, \"user\": {\"bio\": \"likes cats\"}, \"a.b\": \"dotted key\"}\n"
                           "\n"
                           "{\"id\": \"x\", \"user\": {\"bio\": null}, \"a.b\": [\"one\", \"two\"]}\r\n"
                           "{\"id\": 3, \"user\": {\"bio\": 42}, \"a.b\": true}\n");
  ReaderOptions o;
  o.text_field = "user.bio";
  o.id_field = "id";
  DocumentSource s = table_documents(path.string(), o);
  CHECK(s.ids == std::vector<std::string>{"10", "x", "3"});
  CHECK(texts(s) == std::vector<std::string>{"likes cats", "", "42"});
  o.text_field = "a.b";  // the literal key wins over the path a → b
  o.id_field = "";
  s = table_documents(path.string(), o);
  CHECK(s.ids == std::vector<std::string>{"1", "2", "3"});
  CHECK(texts(s) == std::vector<std::string>{"dotted key", "one\ntwo", "true"});
}

TEST_CASE("JSON lines errors name the file and line: not JSON, not an object, a missing field, an object") {
  const Table t = scratch("jsonl-errors");
  ReaderOptions o;
  o.text_field = "text";
  auto error = [&](const std::string& bytes) {
    const auto p = t.file("e.jsonl", bytes);
    return message<InputError>([&] { table_documents(p.string(), o); });
  };
  CHECK(error("{\"text\": \"a\"}\n{\"text\": \n").ends_with("e.jsonl:2: not JSON (at byte 10 of the line)"));
  CHECK(error("{\"text\": \"a\"}\n[1, 2]\n")
            .ends_with("e.jsonl:2: a JSON line must be an object, this one is an array"));
  CHECK(error("{\"body\": \"a\", \"x\": 1}\n")
            .ends_with("e.jsonl:1: no field 'text' (the object's fields: body, x)"));
  CHECK(error("{\"text\": 1e999}\n")
            .ends_with("e.jsonl:1: a number too large for a double (JSON numbers are read as doubles)"));
  CHECK(error("{\"text\": {\"p\": \"a\"}}\n").find("e.jsonl:1: 'text' is an object, not text") !=
        std::string::npos);
  o.text_field = "";
  const auto p = t.file("f.jsonl", "{\"title\": \"a\", \"body\": \"b\"}\n");
  CHECK(message<UsageError>([&] {
          table_documents(p.string(), o);
        }).find("(fields of its first object: body, title)") != std::string::npos);
}

TEST_CASE("the shape of an input: folders, tables by name (also .gz), any other file as one document") {
  const Table t = scratch("shape");
  ReaderOptions o;
  CHECK(input_shape(t.dir.string(), o) == InputShape::folder);
  CHECK(input_shape("x.CSV", o) == InputShape::csv);
  CHECK(input_shape("x.tsv.gz", o) == InputShape::tsv);
  CHECK(input_shape("x.ndjson", o) == InputShape::jsonl);
  CHECK(input_shape("notes.txt", o) == InputShape::single_file);
  CHECK(input_shape("-", o) == InputShape::jsonl);
  o.format = "csv";
  CHECK(input_shape("-", o) == InputShape::csv);
  CHECK(input_shape("notes.txt", o) == InputShape::csv);
  o.format = "text";
  CHECK(input_shape("x.csv", o) == InputShape::single_file);
  o.format = "xml";
  CHECK_THROWS_AS(o.validate(), UsageError);
}

TEST_CASE("a gzip table reads as the plain one, a truncated or corrupt one is an input error") {
  if (!io::gzip_supported()) {
    MESSAGE("skipped: built without zlib");
    return;
  }
  const Table t = scratch("gzip");
  const auto plain = t.file("t.csv", "text\nalpha beta\ngamma\n");
  REQUIRE(std::system(("gzip -k -n " + plain.string()).c_str()) == 0);
  const auto gz = plain.string() + ".gz";
  CHECK(texts(table_documents(gz, csv_options("text"))) ==
        texts(table_documents(plain.string(), csv_options("text"))));
  std::string bytes;
  {
    std::ifstream in(gz, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto cut = t.file("cut.csv.gz", bytes.substr(0, bytes.size() - 12));
  CHECK(message<InputError>([&] {
          table_documents(cut.string(), csv_options("text"));
        }).ends_with("cut.csv.gz: truncated gzip data (it ends before its last block)"));
  std::string flipped = bytes;
  flipped[12] = static_cast<char>(flipped[12] ^ 0x55);
  const auto bad = t.file("bad.csv.gz", flipped);
  CHECK(message<InputError>([&] {
          table_documents(bad.string(), csv_options("text"));
        }).find("bad.csv.gz: corrupt gzip data (") != std::string::npos);
  const auto fake = t.file("fake.csv.gz", "text\nnot compressed\n");
  CHECK(message<InputError>([&] {
          table_documents(fake.string(), csv_options("text"));
        }).ends_with("fake.csv.gz: not gzip data (its name ends in .gz)"));
}
