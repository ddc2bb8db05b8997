#include <unbake/io/matrix_market.hpp>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <numeric>
#include <thread>
#include <unordered_map>
#include <vector>

#include <unbake/core/errors.hpp>
#include "io/file_contents.hpp"
#include "io/number_text.hpp"

namespace unbake::io {
namespace {

// Walks the text line by line; every error names the file and current line.
class Lines {
 public:
  // `first_number` is the number of the line before `text` (0 at the file's start).
  Lines(const std::string& path, std::string_view text, long first_number = 0)
      : path_(path), p_(text.data()), end_(p_ + text.size()), number_(first_number) {}

  // The next line (without its end of line), or false at the end of the file.
  bool next(std::string_view& line) {
    if (p_ == end_) return false;
    const char* nl = static_cast<const char*>(std::memchr(p_, '\n', static_cast<std::size_t>(end_ - p_)));
    const char* stop = nl ? nl : end_;
    line = std::string_view(p_, static_cast<std::size_t>(stop - p_));
    p_ = nl ? nl + 1 : end_;
    ++number_;
    return true;
  }
  // The next line that is neither a comment nor blank.
  bool next_content(std::string_view& line) {
    while (next(line)) {
      std::size_t first = line.find_first_not_of(" \t\r");
      if (first != std::string_view::npos && line[first] != '%') return true;
    }
    return false;
  }
  long number() const { return number_; }
  // The text not read yet.
  std::string_view rest() const { return {p_, static_cast<std::size_t>(end_ - p_)}; }

  [[noreturn]] void fail(const std::string& what) const {
    if (number_ == 0) throw InputError(path_ + ": " + what);
    throw InputError(path_ + ":" + std::to_string(number_) + ": " + what);
  }

 private:
  const std::string& path_;
  const char* p_;
  const char* end_;
  long number_;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Cuts the next whitespace-separated token off the front of `line`.
bool next_token(std::string_view& line, std::string_view& token) {
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i == line.size()) return false;
  std::size_t j = i;
  while (j < line.size() && !is_space(line[j])) ++j;
  token = line.substr(i, j - i);
  line.remove_prefix(j);
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string quoted(std::string_view s) {
  constexpr std::size_t kMax = 40;
  std::string out;
  out.reserve(kMax + 5);
  out += '\'';
  out.append(s.substr(0, kMax));
  if (s.size() > kMax) out.append("...");
  out += '\'';
  return out;
}

struct Header {
  bool coordinate = true;
  bool pattern = false;
};

Header parse_header(Lines& lines) {
  std::string_view line;
  if (!lines.next(line)) lines.fail("empty file, expected a '%%MatrixMarket matrix ...' header");
  std::string_view tok;
  std::vector<std::string> words;
  while (next_token(line, tok)) words.push_back(lower(tok));
  if (words.empty() || words[0] != "%%matrixmarket")
    lines.fail("not a MatrixMarket file: the first line must start with '%%MatrixMarket'");
  if (words.size() != 5)
    lines.fail("bad header: expected '%%MatrixMarket matrix coordinate|array real|integer|pattern general'");
  if (words[1] != "matrix") lines.fail("unsupported object '" + words[1] + "' (only 'matrix')");
  Header h;
  if (words[2] == "array")
    h.coordinate = false;
  else if (words[2] != "coordinate")
    lines.fail("unsupported format '" + words[2] + "' (expected 'coordinate' or 'array')");
  if (words[3] == "pattern")
    h.pattern = true;
  else if (words[3] == "complex")
    lines.fail("complex matrices are not supported (expected real, integer or pattern values)");
  else if (words[3] != "real" && words[3] != "integer" && words[3] != "double")
    lines.fail("unsupported field '" + words[3] + "' (expected real, integer or pattern)");
  if (h.pattern && !h.coordinate) lines.fail("'array pattern' is not a valid MatrixMarket combination");
  if (words[4] == "symmetric" || words[4] == "skew-symmetric" || words[4] == "hermitian")
    lines.fail(words[4] + " matrices are not supported (only 'general': store every entry explicitly)");
  if (words[4] != "general") lines.fail("unsupported symmetry '" + words[4] + "' (only 'general')");
  return h;
}

long parse_count(Lines& lines, std::string_view& line, const char* name, const char* expected) {
  std::string_view tok;
  if (!next_token(line, tok))
    lines.fail(std::string("bad size line: missing ") + name + ", expected " + expected);
  long v = 0;
  auto [end, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
  if (ec != std::errc() || end != tok.data() + tok.size() || v < 0)
    lines.fail(std::string("bad size line: ") + name + " " + quoted(tok) + " is not a non-negative integer");
  return v;
}

struct Triplets {
  std::vector<int> rows, cols;
  std::vector<double> values;
  // Where zero entries were: they are not stored, but a zero and a non-zero
  // for the same (row, column) are still two entries for one place.
  std::vector<std::pair<int, int>> zeros;
  // Whether the entries came in row-major order, each (row, column) after the
  // one before: then they are the CSR arrays already (most writers, ours and
  // SciPy's among them, write that order).
  bool in_order = true;

  void clear() {
    rows.clear();
    cols.clear();
    values.clear();
    zeros.clear();
    in_order = true;
  }

  void add(int r, int c, double v) {
    if (!rows.empty() && (r < rows.back() || (r == rows.back() && c <= cols.back()))) in_order = false;
    rows.push_back(r);
    cols.push_back(c);
    values.push_back(v);
  }
};

// Whether the parts, taken in order, hold the entries in row-major order
// with no (row, column) twice.
bool in_order(const std::vector<Triplets>& parts) {
  const Triplets* before = nullptr;
  for (const Triplets& t : parts) {
    if (!t.in_order) return false;
    if (t.rows.empty()) continue;
    if (before && (t.rows.front() < before->rows.back() ||
                   (t.rows.front() == before->rows.back() && t.cols.front() <= before->cols.back())))
      return false;
    before = &t;
  }
  return true;
}

// The CSR of entries already in row-major order: the row starts are counted,
// the columns and values copied as they are.
RowSparse ordered_to_csr(long m, long n, const std::vector<Triplets>& parts) {
  RowSparse out(m, n);
  std::size_t count = 0;
  for (const Triplets& t : parts) count += t.values.size();
  out.resizeNonZeros(static_cast<Eigen::Index>(count));
  int* outer = out.outerIndexPtr();
  std::fill(outer, outer + m + 1, 0);
  // Each part copied on its own thread: the copy's cost is mostly first
  // touches of fresh pages, which the cores take in parallel.
  std::vector<std::future<void>> copies;
  std::size_t at = 0;
  for (const Triplets& t : parts) {
    copies.push_back(std::async(std::launch::async, [&t, &out, at] {
      std::copy(t.cols.begin(), t.cols.end(), out.innerIndexPtr() + at);
      std::copy(t.values.begin(), t.values.end(), out.valuePtr() + at);
    }));
    at += t.values.size();
  }
  for (const Triplets& t : parts)
    for (int r : t.rows) ++outer[r + 1];
  std::partial_sum(outer, outer + m + 1, outer);
  for (auto& c : copies) c.get();
  return out;
}

// Thrown when two entries name the same (row, column); the caller finds
// their lines by reading the text again, so the common path stays as fast.
struct DuplicateEntry {};

// Whether a zero entry shares its place with a stored entry or another zero.
bool zeros_collide(const RowSparse& m, const std::vector<Triplets>& parts) {
  std::vector<std::pair<int, int>> zeros;
  for (const Triplets& t : parts) zeros.insert(zeros.end(), t.zeros.begin(), t.zeros.end());
  if (zeros.empty()) return false;
  std::sort(zeros.begin(), zeros.end());
  if (std::adjacent_find(zeros.begin(), zeros.end()) != zeros.end()) return true;
  for (const auto& [r, c] : zeros) {
    const int* first = m.innerIndexPtr() + m.outerIndexPtr()[r];
    const int* last = m.innerIndexPtr() + m.outerIndexPtr()[r + 1];
    if (std::binary_search(first, last, c)) return true;
  }
  return false;
}

// Row-major compressed storage built straight from the entries: counting sort
// by row, then each row sorted by column. Throws DuplicateEntry when a
// (row, column) comes twice: summing them would hide what each says (a
// negative value under a positive one). Zeros are not stored (they carry no
// information for a non-negative factorization).
// The parts are taken in order, as if they were one list of entries.
RowSparse to_csr(long m, long n, const std::vector<Triplets>& parts) {
  if (in_order(parts)) {
    RowSparse out = ordered_to_csr(m, n, parts);
    if (zeros_collide(out, parts)) throw DuplicateEntry();
    return out;
  }
  std::vector<int> start(static_cast<std::size_t>(m) + 1, 0);
  std::size_t count = 0;
  for (const Triplets& t : parts) {
    for (int r : t.rows) ++start[static_cast<std::size_t>(r) + 1];
    count += t.values.size();
  }
  std::partial_sum(start.begin(), start.end(), start.begin());

  std::vector<int> col(count);
  std::vector<double> val(count);
  {
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const Triplets& t : parts)
      for (std::size_t e = 0; e < t.values.size(); ++e) {
        auto at = static_cast<std::size_t>(fill[static_cast<std::size_t>(t.rows[e])]++);
        col[at] = t.cols[e];
        val[at] = t.values[e];
      }
  }

  RowSparse out(m, n);
  out.resizeNonZeros(static_cast<Eigen::Index>(count));
  int* outer = out.outerIndexPtr();
  int* inner = out.innerIndexPtr();
  double* values = out.valuePtr();
  std::vector<std::pair<int, double>> scratch;
  for (long r = 0; r < m; ++r) {
    outer[r] = start[static_cast<std::size_t>(r)];
    auto b = static_cast<std::size_t>(start[static_cast<std::size_t>(r)]);
    auto e = static_cast<std::size_t>(start[static_cast<std::size_t>(r) + 1]);
    bool sorted = true;
    for (std::size_t i = b + 1; i < e && sorted; ++i) sorted = col[i - 1] < col[i];
    if (!sorted) {
      scratch.clear();
      for (std::size_t i = b; i < e; ++i) scratch.emplace_back(col[i], val[i]);
      std::stable_sort(scratch.begin(), scratch.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = b; i < e; ++i) {
        col[i] = scratch[i - b].first;
        val[i] = scratch[i - b].second;
      }
    }
    for (std::size_t i = b + 1; i < e; ++i)
      if (col[i] == col[i - 1]) throw DuplicateEntry();
    std::copy(col.begin() + static_cast<long>(b), col.begin() + static_cast<long>(e), inner + b);
    std::copy(val.begin() + static_cast<long>(b), val.begin() + static_cast<long>(e), values + b);
  }
  outer[m] = static_cast<int>(count);
  if (zeros_collide(out, parts)) throw DuplicateEntry();
  return out;
}

}  // namespace

namespace {

struct Shape {
  Header header;
  long m = 0, n = 0;
  long declared = 0;  // entries the size line announces (m·n for array layout)
};

// Parses the entry lines left in `lines` into `t` and returns how many were
// read (zeros included). Array layout places entry number `seen` column-major,
// so only a coordinate file can be parsed in independent pieces.
long parse_entries(Lines& lines, const Shape& shape, Triplets& t) {
  std::string_view line, tok;
  auto parse_index = [&](const char* name, long limit) -> int {
    if (!next_token(line, tok)) lines.fail(std::string("entry is missing its ") + name + " index");
    long v = 0;
    auto [end, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
    if (ec != std::errc() || end != tok.data() + tok.size())
      lines.fail(std::string(name) + " index " + quoted(tok) + " is not an integer");
    if (v < 1 || v > limit)
      lines.fail(std::string(name) + " index " + std::to_string(v) + " is out of range 1.." +
                 std::to_string(limit));
    return static_cast<int>(v - 1);
  };

  long seen = 0;
  while (lines.next_content(line)) {
    if (seen == shape.declared)
      lines.fail("more entries than the " + std::to_string(shape.declared) + " declared on the size line");
    int r = 0, c = 0;
    if (shape.header.coordinate) {
      r = parse_index("row", shape.m);
      c = parse_index("column", shape.n);
    } else {
      r = static_cast<int>(seen % shape.m);  // array layout is column-major
      c = static_cast<int>(seen / shape.m);
    }
    double v = 1;
    if (!shape.header.pattern) {
      if (!next_token(line, tok)) lines.fail("entry is missing its value");
      if (!parse_number(tok, v)) lines.fail("value " + quoted(tok) + " is not a number");
    }
    if (next_token(line, tok)) lines.fail("unexpected " + quoted(tok) + " after the entry");
    ++seen;
    if (v != 0)
      t.add(r, c, v);
    else if (shape.header.coordinate)  // array entries each have their own place
      t.zeros.emplace_back(r, c);
  }
  return seen;
}

// The common form of coordinate entries, read fast: each line exactly
// "row column value" with single spaces, decimal indices in range and a value
// std::from_chars reads whole, "\n" or "\r\n" ends. Returns the entries
// read (zeros included, as parse_entries counts them), or -1 at the first
// line of any other form, for parse_entries to read (or reject) with its
// exact messages. About twice as fast as the general path on 20 Newsgroups.
long parse_plain_entries(std::string_view text, const Shape& shape, Triplets& t) {
  const char* p = text.data();
  const char* const end = p + text.size();
  // At most 10 digits: the limits (kMaxSide) have 8, so no overflow.
  auto index = [&](long limit, int& out) {
    const char* first = p;
    long v = 0;
    while (p < end && p - first < 10 && static_cast<unsigned>(*p - '0') < 10) v = v * 10 + (*p++ - '0');
    if (p == first || p == end || *p != ' ' || v < 1 || v > limit) return false;
    ++p;  // the space
    out = static_cast<int>(v - 1);
    return true;
  };
  long seen = 0;
  while (p < end) {
    int r = 0, c = 0;
    if (!index(shape.m, r) || !index(shape.n, c)) return -1;
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* stop = nl ? nl : end;
    if (stop > p && stop[-1] == '\r') --stop;
    double v = 0;
    const auto [after, ec] = std::from_chars(p, stop, v);
    if (ec != std::errc() || after != stop || after == p || seen == shape.declared) return -1;
    p = nl ? nl + 1 : end;
    ++seen;
    if (v != 0)
      t.add(r, c, v);
    else
      t.zeros.emplace_back(r, c);
  }
  return seen;
}

// Reserves for about `bytes` of entry text, bounded by the file size so a
// lying header cannot make us allocate more than the text could hold.
void reserve_for(Triplets& t, const Shape& shape, std::size_t bytes, std::size_t total_bytes) {
  const double share = total_bytes ? static_cast<double>(bytes) / static_cast<double>(total_bytes) : 1.0;
  const auto expected = static_cast<std::size_t>(static_cast<double>(shape.declared) * share * 1.05) + 16;
  const std::size_t n = std::min(expected, bytes / 4 + 1);
  t.rows.reserve(n);
  t.cols.reserve(n);
  t.values.reserve(n);
}

// Below this much entry text one thread parses it all.
constexpr std::size_t kParallelBytes = std::size_t{4} << 20;

// Coordinate entries parsed in pieces on all cores, each piece a run of whole
// lines; the pieces' entries, taken in order, are those of a serial parse, so
// the matrix is the same bit for bit. Returns false when a piece finds a
// problem or the count differs from the size line: the caller then parses
// serially, which names the first bad line exactly.
bool parse_in_pieces(const std::string& path, std::string_view body, const Shape& shape,
                     std::vector<Triplets>& parts) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t pieces = std::min(cores, body.size() / (kParallelBytes / 2));
  if (!shape.header.coordinate || pieces < 2) return false;
  std::vector<std::string_view> texts;
  std::size_t from = 0;
  for (std::size_t j = 1; j <= pieces && from < body.size(); ++j) {
    std::size_t to = j == pieces ? body.size() : std::max(from, body.size() * j / pieces);
    if (to < body.size()) {
      const std::size_t nl = body.find('\n', to);
      to = nl == std::string_view::npos ? body.size() : nl + 1;
    }
    texts.push_back(body.substr(from, to - from));
    from = to;
  }
  parts.assign(texts.size(), Triplets());
  std::vector<std::future<long>> counts;
  for (std::size_t j = 0; j < texts.size(); ++j)
    counts.push_back(std::async(std::launch::async, [&, j]() -> long {
      reserve_for(parts[j], shape, texts[j].size(), body.size());
      if (!shape.header.pattern) {
        const long plain = parse_plain_entries(texts[j], shape, parts[j]);
        if (plain >= 0) return plain;
        parts[j].clear();
      }
      Lines lines(path, texts[j]);
      try {
        return parse_entries(lines, shape, parts[j]);
      } catch (const InputError&) {
        return -1;
      }
    }));
  long seen = 0;
  bool ok = true;
  for (auto& c : counts) {
    const long piece = c.get();
    ok = ok && piece >= 0;
    seen += std::max(piece, 0L);
  }
  return ok && seen == shape.declared;
}

// Reads the entry lines again to name the first one that repeats the place
// of an earlier one; only called once to_csr has found a duplicate. The
// lines were all read before, so every index is known to be valid.
[[noreturn]] void report_duplicate(const std::string& path, std::string_view body, long body_line,
                                   const Shape& shape) {
  Lines lines(path, body, body_line);
  std::unordered_map<long, long> first_line;  // row * columns + column -> line
  std::string_view line, tok;
  auto index = [&] {
    long v = 0;
    next_token(line, tok);
    std::from_chars(tok.data(), tok.data() + tok.size(), v);
    return v;
  };
  while (lines.next_content(line)) {
    const long r = index(), c = index();
    const auto [at, added] = first_line.emplace((r - 1) * shape.n + (c - 1), lines.number());
    if (!added)
      lines.fail("duplicate entry for row " + std::to_string(r) + ", column " + std::to_string(c) +
                 " (first on line " + std::to_string(at->second) + ")");
  }
  lines.fail("duplicate entries for one row and column");
}

}  // namespace

RowSparse read_matrix_market(const std::string& path) {
  FileContents file(path);
  Lines lines(path, file.text());
  const Header header = parse_header(lines);

  std::string_view line;
  if (!lines.next_content(line))
    lines.fail(std::string("file ends before the size line ('rows columns") +
               (header.coordinate ? " entries')" : "')"));
  const char* expected = header.coordinate ? "'rows columns entries'" : "'rows columns'";
  const long m = parse_count(lines, line, "rows", expected);
  const long n = parse_count(lines, line, "columns", expected);
  const long entries = header.coordinate ? parse_count(lines, line, "entries", expected) : 0;
  std::string_view tok;
  if (next_token(line, tok))
    lines.fail("bad size line: unexpected " + quoted(tok) + ", expected " + expected);
  // Rows and columns cost memory before any entry is read (row starts, then
  // W and H), so a damaged size line must not reserve gigabytes for nothing.
  constexpr long kMaxSide = 50'000'000;
  if (m > kMaxSide || n > kMaxSide)
    lines.fail("matrix too large: " + std::to_string(m) + " x " + std::to_string(n) + " (at most " +
               std::to_string(kMaxSide) + " rows and columns)");
  // Only now is m * n known to fit in a long.
  const long declared = header.coordinate ? entries : m * n;
  if (header.coordinate && declared > m * n)
    lines.fail("bad size line: " + std::to_string(declared) + " entries cannot fit in a " +
               std::to_string(m) + " x " + std::to_string(n) + " matrix");
  const Shape shape{header, m, n, declared};
  const std::string_view body = lines.rest();
  const long body_line = lines.number();

  std::vector<Triplets> parts;
  try {
    if (parse_in_pieces(path, body, shape, parts)) return to_csr(m, n, parts);

    parts.assign(1, Triplets());
    reserve_for(parts[0], shape, body.size(), body.size());
    const long seen = parse_entries(lines, shape, parts[0]);
    if (seen < declared)
      lines.fail("file ends after " + std::to_string(seen) + " of the " + std::to_string(declared) +
                 " entries declared on the size line (truncated?)");
    return to_csr(m, n, parts);
  } catch (const DuplicateEntry&) {
    parts.clear();  // the memory, before the second reading
    report_duplicate(path, body, body_line, shape);
  }
}

namespace {

// A block of formatted lines. Its storage is recycled from block to block
// (pages already mapped) and never zero-filled: only the written part is read.
struct TextBlock {
  std::unique_ptr<char[]> bytes;
  std::size_t capacity = 0;
  std::size_t size = 0;
};

// Formats rows [first, last) as coordinate lines into `block`. Lines are
// written through a raw pointer into space reserved up front: per-append
// capacity checks cost as much as the index formatting itself.
TextBlock format_rows(const RowSparse& m, Eigen::Index first, Eigen::Index last, TextBlock block) {
  // At most 10 + 1 + 10 + 1 + 24 (a shortest double) + 1 bytes a line.
  constexpr std::size_t kMaxLine = 48;
  const auto* outer = m.outerIndexPtr();
  const auto needed = static_cast<std::size_t>(outer[last] - outer[first]) * kMaxLine;
  if (block.capacity < needed) {
    block.bytes.reset(new char[needed]);
    block.capacity = needed;
  }
  char* p = block.bytes.get();
  for (Eigen::Index r = first; r < last; ++r) {
    char row_text[16];
    const char* row_end = std::to_chars(row_text, row_text + sizeof row_text, r + 1).ptr;
    const auto row_length = static_cast<std::size_t>(row_end - row_text);
    for (RowSparse::InnerIterator it(m, r); it; ++it) {
      std::memcpy(p, row_text, row_length);
      p += row_length;
      *p++ = ' ';
      p = std::to_chars(p, p + 11, it.col() + 1).ptr;
      *p++ = ' ';
      p = std::to_chars(p, p + 24, it.value()).ptr;
      *p++ = '\n';
    }
  }
  block.size = static_cast<std::size_t>(p - block.bytes.get());
  return block;
}

}  // namespace

void write_matrix_market(std::ostream& out, const RowSparse& m) {
  std::string head = "%%MatrixMarket matrix coordinate real general\n";
  head +=
      std::to_string(m.rows()) + " " + std::to_string(m.cols()) + " " + std::to_string(m.nonZeros()) + "\n";
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  // Number formatting dominates, so blocks of rows are formatted on all cores
  // while earlier blocks are written, always in row order: the bytes do not
  // depend on the number of cores, and memory stays at a few blocks of text.
  const auto in_flight = static_cast<std::size_t>(2 * std::max(1u, std::thread::hardware_concurrency()));
  constexpr Eigen::Index kRowsPerBlock = 1024;
  std::deque<std::future<TextBlock>> blocks;
  TextBlock spare;  // the last written block's storage, handed to the next launch
  Eigen::Index next = 0;
  auto launch = [&] {
    const Eigen::Index last = std::min(m.outerSize(), next + kRowsPerBlock);
    blocks.push_back(std::async(std::launch::async, format_rows, std::cref(m), next, last, std::move(spare)));
    spare = TextBlock();
    next = last;
  };
  while (next < m.outerSize() && blocks.size() < in_flight) launch();
  while (!blocks.empty()) {
    TextBlock text = blocks.front().get();
    blocks.pop_front();
    out.write(text.bytes.get(), static_cast<std::streamsize>(text.size));
    spare = std::move(text);
    if (next < m.outerSize()) launch();
  }
}

}  // namespace unbake::io
