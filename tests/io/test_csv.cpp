#include <doctest/doctest.h>

#include <sstream>

#include <unbake/io/csv.hpp>
#include "io_test_files.hpp"

using unbake::io::read_csv_dense;
using unbake::io::read_csv_sparse;
using unbake::test::input_error;
using unbake::test::scratch_file;

namespace {

unbake::io::DenseCsv read_text(const std::string& name, const std::string& text) {
  return read_csv_dense(scratch_file(name, text).string());
}

}  // namespace

TEST_CASE("CSV with neither header nor labels is all numbers") {
  auto t = read_text("plain.csv", "1,2,3\n4,5,6\n");
  REQUIRE(t.values.rows() == 2);
  REQUIRE(t.values.cols() == 3);
  CHECK(t.values(1, 2) == 6);
  CHECK(t.labels.rows.empty());
  CHECK(t.labels.columns.empty());
}

TEST_CASE("CSV header row and label column are detected") {
  auto t = read_text("labelled.csv", "recipe,flour,sugar\nsponge,1.5,1\nshortbread,2,0.5\n");
  REQUIRE(t.values.rows() == 2);
  REQUIRE(t.values.cols() == 2);
  CHECK(t.labels.columns == std::vector<std::string>{"flour", "sugar"});
  CHECK(t.labels.rows == std::vector<std::string>{"sponge", "shortbread"});
  CHECK(t.values(1, 1) == 0.5);
}

TEST_CASE("CSV header without label column, and label column without header") {
  auto h = read_text("header_only.csv", "a,b\n1,2\n");
  CHECK(h.labels.columns == std::vector<std::string>{"a", "b"});
  CHECK(h.labels.rows.empty());
  auto r = read_text("labels_only.csv", "x,1,2\ny,3,4\n");
  CHECK(r.labels.columns.empty());
  CHECK(r.labels.rows == std::vector<std::string>{"x", "y"});
  CHECK(r.values(1, 0) == 3);
}

TEST_CASE("CSV empty header corner marks numeric row labels") {
  auto t = read_text("corner.csv", ",a,b\n101,1,2\n102,3,4\n");
  CHECK(t.labels.rows == std::vector<std::string>{"101", "102"});
  CHECK(t.labels.columns == std::vector<std::string>{"a", "b"});
  CHECK(t.values.cols() == 2);
}

TEST_CASE("CSV quoted fields hold delimiters, doubled quotes and line breaks") {
  auto t = read_text("quoted.csv",
                     "name,\"a, b\",\"say \"\"hi\"\"\"\n"
                     "\"two\nlines\",1,\"2.5\"\n"
                     "plain,3,4\n");
  CHECK(t.labels.columns == std::vector<std::string>{"a, b", "say \"hi\""});
  CHECK(t.labels.rows == std::vector<std::string>{"two\nlines", "plain"});
  CHECK(t.values(0, 1) == 2.5);
}

TEST_CASE("CSV delimiter: tab by extension or detected, semicolon detected, CRLF and BOM accepted") {
  auto tsv = read_text("tabs.tsv", "a\tb\n1\t2\n");
  CHECK(tsv.values(0, 1) == 2);
  auto txt = read_text("tabs.txt", "1\t2\t3\n4\t5\t6\n");
  CHECK(txt.values.cols() == 3);
  auto semi = read_text("semi.txt", "x;y\r\n1;2\r\n");
  CHECK(semi.labels.columns == std::vector<std::string>{"x", "y"});
  CHECK(semi.values(0, 1) == 2);
  auto bom = read_text("bom.csv", "\xEF\xBB\xBFw,z\n1,2\n");
  CHECK(bom.labels.columns == std::vector<std::string>{"w", "z"});
}

TEST_CASE("CSV space-separated text is read with runs of spaces as one delimiter") {
  auto t = read_text("spaces.txt", " 1.0e+00 2.5e-01   3 \r\n  4 5 6  \n\n7 8 9\n");
  REQUIRE(t.values.rows() == 3);
  REQUIRE(t.values.cols() == 3);
  CHECK(t.values(0, 1) == 0.25);
  CHECK(t.values(1, 0) == 4);
  CHECK(t.values(2, 2) == 9);
  auto labelled = read_text("spaces_labelled.txt", "name a b\n\"x y\" 1 2\n");
  CHECK(labelled.labels.rows == std::vector<std::string>{"x y"});
  CHECK(labelled.labels.columns == std::vector<std::string>{"a", "b"});
  auto msg = input_error([] { read_csv_dense(scratch_file("spaces_ragged.txt", "1 2 3\n4 5\n").string()); });
  CHECK(msg.find("spaces_ragged.txt:2: row has 2 fields, expected 3") != std::string::npos);
}

TEST_CASE("CSV blank lines are skipped and line numbers still count them") {
  auto t = read_text("blank.csv", "1,2\n\n3,4\n\n");
  CHECK(t.values.rows() == 2);
  auto path = scratch_file("blank_err.csv", "1,2\n\n3,x\n").string();
  auto msg = input_error([&] { read_csv_dense(path); });
  CHECK(msg.find("blank_err.csv:3: column 2") != std::string::npos);
}

TEST_CASE("CSV sparse reading keeps only non-zeros and matches dense reading") {
  auto path = scratch_file("sparse.csv", "r,a,b,c\nu,0,1,0\nv,2,0,3\n").string();
  auto s = read_csv_sparse(path);
  auto d = read_csv_dense(path);
  CHECK(s.values.nonZeros() == 3);
  CHECK(Eigen::MatrixXd(s.values) == d.values);
  CHECK(s.labels.rows == d.labels.rows);
  CHECK(s.labels.columns == d.labels.columns);
}

TEST_CASE("CSV write then read round-trips values and awkward labels exactly") {
  Eigen::MatrixXd m(2, 3);
  m << 0.1, 1.0 / 3.0, 1e-300, 12345678.9, 0, 2.5e10;
  std::vector<std::string> rows{"plain", "with, comma"}, cols{"say \"hi\"", " padded", "two\nlines"};
  for (char delim : {',', '\t'}) {
    std::ostringstream out;
    unbake::io::write_csv(out, m, rows, cols, delim);
    auto t = read_text(delim == ',' ? "rt.csv" : "rt.tsv", out.str());
    CHECK(t.values == m);
    CHECK(t.labels.rows == rows);
    CHECK(t.labels.columns == cols);
  }
  std::ostringstream bare;
  unbake::io::write_csv(bare, m, {}, {});
  auto t = read_text("rt_bare.csv", bare.str());
  CHECK(t.values == m);
  CHECK(t.labels.rows.empty());
  CHECK(t.labels.columns.empty());
}

TEST_CASE("CSV errors name the file, the line and the column") {
  unbake::test::check_error_cases(
      {
          {"empty.csv", "", "empty.csv: empty file"},
          {"blank_only.csv", "\n\n", "blank_only.csv: empty file"},
          {"header_only.csv", "a,b\n", "header_only.csv: no data rows after the header on line 1"},
          {"ragged_short.csv", "a,b,c\n1,2,3\n4,5\n",
           "ragged_short.csv:3: row has 2 fields, expected 3 (as on line 1)"},
          {"ragged_long.csv", "1,2\n3,4\n5,6,7\n",
           "ragged_long.csv:3: row has 3 fields, expected 2 (as on line 1)"},
          {"nonnumeric.csv", "r,a,b\nx,1,2\ny,3,oops\n",
           "nonnumeric.csv:3: column 3: 'oops' is not a number"},
          {"emptycell.csv", "1,2\n3,\n", "emptycell.csv:2: column 2 is empty"},
          {"unclosed.csv", "a,b\n1,\"2\n", "unclosed.csv:2: quoted field is never closed"},
          {"afterquote.csv", "a,b\n1,\"2\"x\n", "afterquote.csv:2: unexpected 'x' after a closing quote"},
          {"labels_only.csv", "name\nx\ny\n", "labels_only.csv:2: no numeric columns"},
      },
      [](const std::string& p) { read_csv_dense(p); });
  CHECK(input_error([] { read_csv_dense("/nonexistent/unbake/m.csv"); }).find("/nonexistent/unbake/m.csv") !=
        std::string::npos);
}
