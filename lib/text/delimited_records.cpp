#include "text/delimited_records.hpp"

#include <utility>

#include <unbake/core/errors.hpp>

namespace unbake::text {

DelimitedRecords::DelimitedRecords(std::string_view bytes, std::string name, char delimiter)
    : bytes_(bytes), name_(std::move(name)), delimiter_(delimiter) {
  if (bytes_.starts_with("\xEF\xBB\xBF")) at_ = 3;
}

void DelimitedRecords::read_quoted(std::string& cell, long record_line, std::size_t column) {
  ++at_;  // the opening quote
  const long opened = line_;
  for (;;) {
    const std::size_t quote = bytes_.find('"', at_);
    if (quote == std::string_view::npos)
      throw InputError(name_ + ":" + std::to_string(opened) + ": the quoted cell in column " +
                       std::to_string(column) + " is never closed");
    for (std::size_t i = at_; i < quote; ++i) line_ += bytes_[i] == '\n';
    cell.append(bytes_.substr(at_, quote - at_));
    at_ = quote + 1;
    if (at_ < bytes_.size() && bytes_[at_] == '"') {  // "" inside quotes
      cell += '"';
      ++at_;
      continue;
    }
    break;
  }
  // After the closing quote only the end of the cell may follow.
  if (at_ == bytes_.size()) return;
  const char c = bytes_[at_];
  if (c == delimiter_ || c == '\n' || (c == '\r' && at_ + 1 < bytes_.size() && bytes_[at_ + 1] == '\n') ||
      (c == '\r' && at_ + 1 == bytes_.size()))
    return;
  throw InputError(name_ + ":" + std::to_string(line_) + ": text after the closing quote of column " +
                   std::to_string(column) + " (record from line " + std::to_string(record_line) +
                   "); a quote inside a quoted cell is written twice (\"\")");
}

bool DelimitedRecords::next(DelimitedRecord& record) {
  while (at_ < bytes_.size()) {
    record.line = line_;
    record.cells.clear();
    bool quoted_any = false;
    for (;;) {
      std::string cell;
      if (at_ < bytes_.size() && bytes_[at_] == '"') {
        read_quoted(cell, record.line, record.cells.size() + 1);
        quoted_any = true;
      } else {
        // An unquoted cell runs to the delimiter or the line end; a quote
        // inside it is an ordinary character, as spreadsheets read it.
        std::size_t end = at_;
        while (end < bytes_.size() && bytes_[end] != delimiter_ && bytes_[end] != '\n') ++end;
        std::size_t stop = end;
        if (stop > at_ && bytes_[stop - 1] == '\r' && (stop == bytes_.size() || bytes_[stop] == '\n')) --stop;
        cell.assign(bytes_.substr(at_, stop - at_));
        at_ = end;
      }
      record.cells.push_back(std::move(cell));
      if (at_ < bytes_.size() && bytes_[at_] == '\r') ++at_;  // CRLF after a quoted cell
      if (at_ >= bytes_.size()) break;
      const char c = bytes_[at_++];
      if (c == '\n') {
        ++line_;
        break;
      }
      // c is the delimiter: another cell follows, possibly empty.
    }
    if (record.cells.size() == 1 && record.cells[0].empty() && !quoted_any) continue;  // blank line
    return true;
  }
  return false;
}

}  // namespace unbake::text
