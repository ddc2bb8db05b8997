#pragma once
// Records of a CSV or TSV file of texts, as RFC 4180 writes them: cells
// split by the delimiter, records by a line break (LF or CRLF), a cell in
// double quotes may hold delimiters, line breaks and "" for a quote. Unlike
// the matrix reader (io/csv.hpp) nothing is trimmed or guessed: a text cell
// is kept as written.
#include <string>
#include <string_view>
#include <vector>

namespace unbake::text {

struct DelimitedRecord {
  long line = 0;  // where the record starts, 1-based
  std::vector<std::string> cells;
};

class DelimitedRecords {
 public:
  // `name` is for messages. A UTF-8 byte order mark at the start is skipped.
  DelimitedRecords(std::string_view bytes, std::string name, char delimiter);

  // The next record that is not a blank line; false at the end. Throws
  // InputError "name:line: ..." for a quoted cell that never closes or text
  // right after a closing quote.
  bool next(DelimitedRecord& record);

 private:
  void read_quoted(std::string& cell, long record_line, std::size_t column);

  std::string_view bytes_;
  std::size_t at_ = 0;
  long line_ = 1;
  std::string name_;
  char delimiter_;
};

}  // namespace unbake::text
