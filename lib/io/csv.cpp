#include <unbake/io/csv.hpp>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <unbake/core/errors.hpp>
#include "io/file_contents.hpp"
#include "io/number_text.hpp"

namespace unbake::io {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<long>(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

bool is_blank(char c) { return c == ' ' || c == '\r'; }

// Counts candidate delimiters outside quotes on the first line.
char sniff_delimiter(std::string_view text) {
  long tabs = 0, commas = 0, semicolons = 0, tokens = 0;
  bool in_quotes = false;
  char prev = ' ';
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') break;
    tabs += c == '\t';
    commas += c == ',';
    semicolons += c == ';';
    tokens += c != ' ' && prev == ' ';
    prev = c;
  }
  if (tabs >= commas && tabs >= semicolons && tabs > 0) return '\t';
  if (semicolons > commas) return ';';
  // Plain text as numpy.savetxt writes it: cells separated by runs of spaces.
  if (commas == 0 && semicolons == 0 && tokens > 1) return ' ';
  return ',';
}

struct Record {
  long line = 0;  // where the record starts (1-based)
  std::vector<std::string> cells;
};

class Reader {
 public:
  Reader(const std::string& path, std::string_view text, char delimiter)
      : path_(path), p_(text.data()), end_(p_ + text.size()), delim_(delimiter) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") p_ += 3;  // UTF-8 byte order mark
  }

  // Reads the next non-blank record; false at the end of the file.
  bool next(Record& rec) {
    while (p_ != end_) {
      rec.line = line_;
      rec.cells.clear();
      bool quoted_any = false;
      skip_space_runs();
      for (;;) {
        std::string cell;
        bool quoted = read_cell(cell, rec.line);
        quoted_any |= quoted;
        rec.cells.push_back(std::move(cell));
        if (p_ == end_) break;
        char c = *p_++;
        if (c == '\n') {
          ++line_;
          break;
        }
        // c is the delimiter: another cell follows (possibly empty), except
        // that a run of spaces is one delimiter and may end the line.
        if (skip_space_runs()) {
          if (p_ == end_) break;
          if (*p_ == '\n') {
            ++p_;
            ++line_;
            break;
          }
        }
      }
      if (rec.cells.size() == 1 && rec.cells[0].empty() && !quoted_any) continue;  // blank line
      return true;
    }
    return false;
  }

  [[noreturn]] void fail(long line, const std::string& what) const {
    throw InputError(path_ + ":" + std::to_string(line) + ": " + what);
  }

 private:
  // With space as the delimiter, skips spaces (and a '\r' before a line end);
  // returns whether the delimiter is space.
  bool skip_space_runs() {
    if (delim_ != ' ') return false;
    while (p_ != end_ && is_blank(*p_)) ++p_;
    return true;
  }

  // Reads one cell, leaving p_ on the delimiter, the newline or the end.
  bool read_cell(std::string& cell, long record_line) {
    while (p_ != end_ && is_blank(*p_) && *p_ != delim_) ++p_;
    if (p_ != end_ && *p_ == '"') {
      ++p_;
      for (;;) {
        if (p_ == end_) fail(record_line, "quoted field is never closed");
        char c = *p_++;
        if (c == '"') {
          if (p_ != end_ && *p_ == '"') {
            cell += '"';
            ++p_;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        cell += c;
      }
      while (p_ != end_ && is_blank(*p_) && *p_ != delim_) ++p_;
      if (p_ != end_ && *p_ != delim_ && *p_ != '\n')
        fail(line_, std::string("unexpected '") + *p_ + "' after a closing quote");
      return true;
    }
    const char* b = p_;
    while (p_ != end_ && *p_ != delim_ && *p_ != '\n') ++p_;
    const char* e = p_;
    while (e > b && is_blank(e[-1])) --e;
    cell.assign(b, e);
    return false;
  }

  const std::string& path_;
  const char* p_;
  const char* end_;
  char delim_;
  long line_ = 1;
};

bool is_number(const std::string& s) {
  double v;
  return parse_number(s, v);
}

// The matrix as row-major non-zeros, plus its shape and labels.
struct Parsed {
  long rows = 0, cols = 0;
  std::vector<int> row_start{0}, col;
  std::vector<double> val;
  CsvLabels labels;
};

Parsed parse(const std::string& path) {
  FileContents file(path);
  char delim = ends_with(path, ".tsv") ? '\t' : ends_with(path, ".csv") ? ',' : sniff_delimiter(file.text());
  Reader reader(path, file.text(), delim);
  Parsed out;

  Record first;
  if (!reader.next(first)) throw InputError(path + ": empty file");
  bool header = first.cells.size() == 1 ? !is_number(first.cells[0])
                                        : !std::all_of(first.cells.begin() + 1, first.cells.end(), is_number);
  Record rec;
  const long header_line = first.line;
  bool have = header ? reader.next(rec) : (rec = std::move(first), true);
  if (!have)
    throw InputError(path + ": no data rows after the header on line " + std::to_string(header_line));

  const std::size_t width = header ? first.cells.size() : rec.cells.size();
  const long width_line = header ? header_line : rec.line;
  const bool row_labels = (header && width > 1 && first.cells[0].empty()) || !is_number(rec.cells[0]);
  const std::size_t skip = row_labels ? 1 : 0;
  if (width <= skip) reader.fail(rec.line, "no numeric columns besides the row labels");
  if (header) out.labels.columns.assign(first.cells.begin() + static_cast<long>(skip), first.cells.end());
  out.cols = static_cast<long>(width - skip);

  do {
    if (rec.cells.size() != width)
      reader.fail(rec.line, "row has " + std::to_string(rec.cells.size()) + " fields, expected " +
                                std::to_string(width) + " (as on line " + std::to_string(width_line) + ")");
    if (row_labels) out.labels.rows.push_back(std::move(rec.cells[0]));
    for (std::size_t c = skip; c < width; ++c) {
      const std::string& cell = rec.cells[c];
      double v = 0;
      if (cell.empty()) reader.fail(rec.line, "column " + std::to_string(c + 1) + " is empty");
      if (!parse_number(cell, v))
        reader.fail(rec.line,
                    "column " + std::to_string(c + 1) + ": '" + cell.substr(0, 40) + "' is not a number");
      if (v == 0) continue;
      out.col.push_back(static_cast<int>(c - skip));
      out.val.push_back(v);
    }
    out.row_start.push_back(static_cast<int>(out.val.size()));
    ++out.rows;
  } while (reader.next(rec));
  return out;
}

bool needs_quotes(const std::string& s, char delim) {
  if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) return true;
  return s.find_first_of(std::string{delim, '"', '\n', '\r'}) != std::string::npos;
}

void append_label(std::string& line, const std::string& label, char delim) {
  if (!needs_quotes(label, delim)) {
    line += label;
    return;
  }
  line += '"';
  for (char c : label) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

}  // namespace

char delimiter_for(const std::string& path) { return ends_with(path, ".tsv") ? '\t' : ','; }

std::string csv_field(const std::string& text, char delimiter) {
  std::string out;
  append_label(out, text, delimiter);
  return out;
}

DenseCsv read_csv_dense(const std::string& path) {
  Parsed p = parse(path);
  DenseCsv out{Eigen::MatrixXd::Zero(p.rows, p.cols), std::move(p.labels)};
  for (long r = 0; r < p.rows; ++r)
    for (int e = p.row_start[static_cast<std::size_t>(r)]; e < p.row_start[static_cast<std::size_t>(r) + 1];
         ++e)
      out.values(r, p.col[static_cast<std::size_t>(e)]) = p.val[static_cast<std::size_t>(e)];
  return out;
}

SparseCsv read_csv_sparse(const std::string& path) {
  Parsed p = parse(path);
  SparseCsv out;
  out.values.resize(p.rows, p.cols);
  out.values.resizeNonZeros(static_cast<Eigen::Index>(p.val.size()));
  std::copy(p.row_start.begin(), p.row_start.end(), out.values.outerIndexPtr());
  std::copy(p.col.begin(), p.col.end(), out.values.innerIndexPtr());
  std::copy(p.val.begin(), p.val.end(), out.values.valuePtr());
  out.labels = std::move(p.labels);
  return out;
}

void write_csv(std::ostream& out, const Eigen::MatrixXd& values, const std::vector<std::string>& row_labels,
               const std::vector<std::string>& column_labels, char delimiter, const std::string& corner) {
  if (!row_labels.empty() && static_cast<long>(row_labels.size()) != values.rows())
    throw std::logic_error("write_csv: row label count does not match the matrix");
  if (!column_labels.empty() && static_cast<long>(column_labels.size()) != values.cols())
    throw std::logic_error("write_csv: column label count does not match the matrix");
  std::string line;
  if (!column_labels.empty()) {
    // The first cell above the row labels (empty by default) marks them as labels on reading.
    if (!row_labels.empty()) append_label(line, corner, delimiter);
    for (std::size_t c = 0; c < column_labels.size(); ++c) {
      if (c > 0 || !row_labels.empty()) line += delimiter;
      append_label(line, column_labels[c], delimiter);
    }
    line += '\n';
  }
  for (Eigen::Index r = 0; r < values.rows(); ++r) {
    if (!row_labels.empty()) {
      append_label(line, row_labels[static_cast<std::size_t>(r)], delimiter);
      line += delimiter;
    }
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
      if (c > 0) line += delimiter;
      append_number(line, values(r, c));
    }
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    line.clear();
  }
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace unbake::io
