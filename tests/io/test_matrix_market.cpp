#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <vector>

#include <unbake/io/matrix_market.hpp>
#include "io_test_files.hpp"

using unbake::io::read_matrix_market;
using unbake::io::RowSparse;
using unbake::test::check_error_cases;
using unbake::test::input_error;
using unbake::test::scratch_file;

namespace {

RowSparse read_text(const std::string& name, const std::string& text) {
  return read_matrix_market(scratch_file(name, text).string());
}

}  // namespace

TEST_CASE("MatrixMarket coordinate file is read with comments and 1-based indices") {
  auto m = read_text("coord.mtx",
                     "%%MatrixMarket matrix coordinate real general\n"
                     "% a comment\n"
                     "%\n"
                     "3 4 3\n"
                     "1 1 1.5\n"
                     "3 4 -2e3\n"
                     "2 2 7\n");
  REQUIRE(m.rows() == 3);
  REQUIRE(m.cols() == 4);
  CHECK(m.nonZeros() == 3);
  CHECK(m.coeff(0, 0) == 1.5);
  CHECK(m.coeff(1, 1) == 7);
  CHECK(m.coeff(2, 3) == -2000);
  CHECK(m.isCompressed());
}

TEST_CASE("MatrixMarket header words are case-insensitive and CRLF line ends are accepted") {
  auto m = read_text("crlf.mtx", "%%MatrixMarket Matrix Coordinate Integer General\r\n2 2 1\r\n2 1 4\r\n");
  CHECK(m.coeff(1, 0) == 4);
}

TEST_CASE("MatrixMarket unsorted entries are sorted") {
  auto m = read_text("unsorted.mtx",
                     "%%MatrixMarket matrix coordinate real general\n"
                     "2 3 4\n"
                     "1 3 1\n2 2 1\n1 1 2\n2 1 0\n");
  CHECK(m.coeff(0, 0) == 2);
  CHECK(m.coeff(0, 2) == 1);
  CHECK(m.coeff(1, 1) == 1);
  CHECK(m.nonZeros() == 3);  // zeros are not stored
}

TEST_CASE("MatrixMarket duplicate coordinates are refused with both lines, in order or not") {
  const std::string head = "%%MatrixMarket matrix coordinate real general\n% a comment\n2 3 4\n";
  // Summing would let a negative value hide under a positive one.
  check_error_cases(
      {
          {"dup-unsorted.mtx", head + "1 1 -1\n2 2 1\n1 1 3\n2 3 1\n",
           "dup-unsorted.mtx:6: duplicate entry for row 1, column 1 (first on line 4)"},
          {"dup-adjacent.mtx", head + "1 1 1\n1 2 -1\n1 2 3\n2 3 1\n",
           "dup-adjacent.mtx:6: duplicate entry for row 1, column 2 (first on line 5)"},
          // Not the fast line form (tabs), so the general parser reads it.
          {"dup-general.mtx", head + "1\t1\t1\n2\t2\t1\n2\t3\t1\n2\t2\t-1\n",
           "dup-general.mtx:7: duplicate entry for row 2, column 2 (first on line 5)"},
          // A zero is an entry too, although it is not stored.
          {"dup-zero.mtx", head + "1 1 0\n1 2 1\n1 1 3\n2 3 1\n",
           "dup-zero.mtx:6: duplicate entry for row 1, column 1 (first on line 4)"},
          {"dup-zeros.mtx", head + "1 1 1\n2 2 0\n2 2 0\n2 3 1\n",
           "dup-zeros.mtx:6: duplicate entry for row 2, column 2 (first on line 5)"},
          {"dup-pattern.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 3\n1 1\n2 2\n1 1\n",
           "dup-pattern.mtx:5: duplicate entry for row 1, column 1 (first on line 3)"},
      },
      [](const std::string& path) { read_matrix_market(path); });
}

TEST_CASE("MatrixMarket pattern entries read as ones") {
  auto m = read_text("pattern.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n");
  CHECK(m.coeff(0, 1) == 1);
  CHECK(m.coeff(1, 0) == 1);
  CHECK(m.coeff(0, 0) == 0);
}

TEST_CASE("MatrixMarket array layout is column-major") {
  auto m = read_text("array.mtx", "%%MatrixMarket matrix array real general\n2 3\n1\n2\n0\n4\n5\n6\n");
  CHECK(m.coeff(0, 0) == 1);
  CHECK(m.coeff(1, 0) == 2);
  CHECK(m.coeff(0, 1) == 0);
  CHECK(m.coeff(1, 1) == 4);
  CHECK(m.coeff(0, 2) == 5);
  CHECK(m.coeff(1, 2) == 6);
}

TEST_CASE("MatrixMarket write then read gives back exactly the same matrix") {
  RowSparse m(4, 5);
  m.insert(0, 0) = 0.1;
  m.insert(0, 4) = 1.0 / 3.0;
  m.insert(2, 1) = 6.02214076e23;
  m.insert(3, 3) = 5e-324;  // smallest subnormal: needs every digit to survive
  m.makeCompressed();
  std::ostringstream out;
  unbake::io::write_matrix_market(out, m);
  CHECK(out.str().rfind("%%MatrixMarket matrix coordinate real general\n4 5 4\n1 1 0.1\n", 0) == 0);
  auto back = read_text("roundtrip.mtx", out.str());
  REQUIRE(back.rows() == 4);
  REQUIRE(back.cols() == 5);
  CHECK(back.nonZeros() == 4);
  CHECK((RowSparse(back - m)).norm() == 0);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 5; ++c) CHECK(back.coeff(r, c) == m.coeff(r, c));
}

TEST_CASE("MatrixMarket errors name the file and the line") {
  const std::string hdr = "%%MatrixMarket matrix coordinate real general\n";
  unbake::test::check_error_cases(
      {
          {"empty.mtx", "", "empty.mtx: empty file"},
          {"noheader.mtx", "3 3 1\n1 1 1\n", "noheader.mtx:1: not a MatrixMarket file"},
          {"short_header.mtx", "%%MatrixMarket matrix coordinate real\n1 1 1\n1 1 1\n",
           "short_header.mtx:1: bad header"},
          {"symmetric.mtx", "%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 1\n",
           "symmetric.mtx:1: symmetric matrices are not supported"},
          {"skew.mtx", "%%MatrixMarket matrix coordinate real skew-symmetric\n1 1 0\n",
           "skew.mtx:1: skew-symmetric matrices are not supported"},
          {"hermitian.mtx", "%%MatrixMarket matrix coordinate complex hermitian\n1 1 0\n",
           "hermitian.mtx:1: complex matrices are not supported"},
          {"complex.mtx", "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n",
           "complex.mtx:1: complex"},
          {"vector.mtx", "%%MatrixMarket vector coordinate real general\n1 1 0\n",
           "vector.mtx:1: unsupported object"},
          {"nosize.mtx", hdr + "% only comments\n", "nosize.mtx:2: file ends before the size line"},
          {"badsize.mtx", hdr + "3 x 1\n1 1 1\n", "badsize.mtx:2: bad size line: columns 'x'"},
          {"shortsize.mtx", hdr + "3 3\n1 1 1\n", "shortsize.mtx:2: bad size line: missing entries"},
          {"negsize.mtx", hdr + "-3 3 1\n1 1 1\n", "negsize.mtx:2: bad size line: rows '-3'"},
          {"toomany_declared.mtx", hdr + "2 2 5\n",
           "toomany_declared.mtx:2: bad size line: 5 entries cannot fit"},
          {"truncated.mtx", hdr + "% c\n3 3 3\n1 1 1\n2 2 2\n",
           "truncated.mtx:5: file ends after 2 of the 3 entries"},
          {"extra.mtx", hdr + "3 3 1\n1 1 1\n2 2 2\n", "extra.mtx:4: more entries than the 1 declared"},
          {"rowrange.mtx", hdr + "3 3 2\n1 1 1\n4 1 1\n", "rowrange.mtx:4: row index 4 is out of range 1..3"},
          {"colrange.mtx", hdr + "3 3 1\n1 0 1\n", "colrange.mtx:3: column index 0 is out of range 1..3"},
          {"badindex.mtx", hdr + "3 3 1\n1.5 1 1\n", "badindex.mtx:3: row index '1.5' is not an integer"},
          {"badvalue.mtx", hdr + "3 3 2\n1 1 1\n2 2 abc\n", "badvalue.mtx:4: value 'abc' is not a number"},
          {"novalue.mtx", hdr + "3 3 1\n1 1\n", "novalue.mtx:3: entry is missing its value"},
          {"trailing.mtx", hdr + "3 3 1\n1 1 1 9\n", "trailing.mtx:3: unexpected '9' after the entry"},
          {"arrayshort.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n",
           "arrayshort.mtx:5: file ends after 3 of the 4 entries"},
      },
      [](const std::string& p) { read_matrix_market(p); });
}

TEST_CASE("MatrixMarket missing file is an input error naming it") {
  auto msg = input_error([] { read_matrix_market("/nonexistent/unbake/matrix.mtx"); });
  CHECK(msg.find("/nonexistent/unbake/matrix.mtx") != std::string::npos);
}

TEST_CASE("A MatrixMarket file large enough to be parsed in pieces reads as a serial parse would") {
  // Over 4 MB of entries: read on all cores in pieces of whole lines. Entries
  // are unsorted, each place once, and comments sit among them.
  const int m = 700, n = 900, count = 450000;
  std::string body;
  std::vector<Eigen::Triplet<double>> entries;
  std::vector<bool> taken(static_cast<std::size_t>(m) * n);
  unsigned state = 12345;
  auto next = [&state] { return state = state * 1103515245u + 12345u, (state >> 8) & 0xffffff; };
  for (int e = 0; e < count; ++e) {
    int r = 0, c = 0;
    do {
      r = static_cast<int>(next() % m);
      c = static_cast<int>(next() % n);
    } while (taken[static_cast<std::size_t>(r) * n + c]);
    taken[static_cast<std::size_t>(r) * n + c] = true;
    const int v = static_cast<int>(next() % 1000) + 1;
    body += std::to_string(r + 1) + ' ' + std::to_string(c + 1) + ' ' + std::to_string(v) + '\n';
    if (e % 100000 == 7) body += "% a comment among the entries\n";
    entries.emplace_back(r, c, v);
  }
  const std::string head = "%%MatrixMarket matrix coordinate integer general\n" + std::to_string(m) + " " +
                           std::to_string(n) + " " + std::to_string(count) + "\n";
  REQUIRE(head.size() + body.size() > (std::size_t{4} << 20));
  RowSparse expected(m, n);
  expected.setFromTriplets(entries.begin(), entries.end());
  const RowSparse got = read_text("big.mtx", head + body);
  CHECK(got.isCompressed());
  CHECK(got.nonZeros() == expected.nonZeros());
  CHECK((got - expected).norm() == 0);

  // Errors in a later piece still name the right line: the file's last line,
  // an entry too many, and an entry too few.
  const long lines = 2 + count + (count + 99999 - 7) / 100000;
  std::string bad = head + body;
  bad.replace(bad.rfind(' ') + 1, std::string::npos, "x\n");
  CHECK(input_error([&] {
          read_text("big-bad.mtx", bad);
        }).find("big-bad.mtx:" + std::to_string(lines) + ": value 'x' is not a number") != std::string::npos);
  CHECK(input_error([&] {
          read_text("big-more.mtx", head + body + "1 1 1\n");
        }).find("big-more.mtx:" + std::to_string(lines + 1) + ": more entries than the") !=
        std::string::npos);
  const std::string fewer = head + body.substr(0, body.rfind('\n', body.size() - 2) + 1);
  CHECK(input_error([&] {
          read_text("big-fewer.mtx", fewer);
        }).find("file ends after " + std::to_string(count - 1)) != std::string::npos);

  // The last entry made a copy of the first one's place: two pieces apart.
  const std::string first_entry = body.substr(0, body.find('\n') + 1);
  const std::string dup = head + body.substr(0, body.rfind('\n', body.size() - 2) + 1) + first_entry;
  const std::size_t space = first_entry.find(' ');
  const std::string where = "row " + first_entry.substr(0, space) + ", column " +
                            first_entry.substr(space + 1, first_entry.rfind(' ') - space - 1);
  CHECK(input_error([&] { read_text("big-dup.mtx", dup); })
            .find("big-dup.mtx:" + std::to_string(lines) + ": duplicate entry for " + where +
                  " (first on line 3)") != std::string::npos);
}

TEST_CASE("A large MatrixMarket file in row order reads exactly, whatever the form of its lines") {
  // Row-major entries with single spaces (the form most writers produce) take
  // the fast line reader and a direct copy into the CSR arrays; other forms
  // (CRLF, tabs, '+', padding, comments) and out-of-order lines fall back to
  // the general path. Every variant must give the same matrix, bit for bit.
  const int m = 1200, n = 1500;
  std::vector<Eigen::Triplet<double>> entries;
  std::vector<std::string> lines;
  unsigned state = 777;
  auto next = [&state] { return state = state * 1103515245u + 12345u, (state >> 8) & 0xffffff; };
  for (int r = 0; r < m; ++r)
    for (int c = static_cast<int>(next() % 9); c < n; c += 1 + static_cast<int>(next() % 16)) {
      const double v = static_cast<double>(next()) / 3.0e5 + 1e-9;
      char text[32];
      char* end = std::to_chars(text, text + sizeof text, v).ptr;
      lines.push_back(std::to_string(r + 1) + ' ' + std::to_string(c + 1) + ' ' +
                      std::string(text, static_cast<std::size_t>(end - text)));
      entries.emplace_back(r, c, v);
    }
  RowSparse expected(m, n);
  expected.setFromTriplets(entries.begin(), entries.end());
  const std::string head = "%%MatrixMarket matrix coordinate real general\n" + std::to_string(m) + " " +
                           std::to_string(n) + " " + std::to_string(lines.size()) + "\n";
  auto file = [&](const std::vector<std::string>& body) {
    std::string text = head;
    for (const std::string& line : body) text += line + '\n';
    REQUIRE(text.size() > (std::size_t{4} << 20));
    return text;
  };
  auto same = [&](const RowSparse& got) {
    return got.isCompressed() && got.nonZeros() == expected.nonZeros() &&
           std::equal(got.outerIndexPtr(), got.outerIndexPtr() + m + 1, expected.outerIndexPtr()) &&
           std::equal(got.innerIndexPtr(), got.innerIndexPtr() + got.nonZeros(), expected.innerIndexPtr()) &&
           std::equal(got.valuePtr(), got.valuePtr() + got.nonZeros(), expected.valuePtr());
  };
  CHECK(same(read_text("ordered.mtx", file(lines))));

  std::vector<std::string> varied = lines;
  const std::size_t late = varied.size() * 3 / 4;
  varied[late] += '\r';
  varied[late + 1].insert(varied[late + 1].find(' '), "\t");
  varied[late + 2].insert(varied[late + 2].rfind(' ') + 1, "+");
  varied[late + 3] = "  " + varied[late + 3] + "  ";
  varied[late + 4] = "% a comment\n" + varied[late + 4];
  CHECK(same(read_text("varied.mtx", file(varied))));

  std::vector<std::string> swapped = lines;
  std::swap(swapped[late], swapped[late + 40]);
  CHECK(same(read_text("swapped.mtx", file(swapped))));
}
