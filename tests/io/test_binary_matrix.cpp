// The .ubk container: what is written is read back bit for bit, and any
// truncation or damaged byte is an InputError naming the file.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include <unbake/io/binary_matrix.hpp>
#include <unbake/io/matrix_input.hpp>
#include "io_test_files.hpp"

using namespace unbake::io;
using unbake::test::input_error;
using unbake::test::scratch_dir;

namespace {

BinaryMatrix sample(int rows, int cols, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> value(0.0, 2.0);
  std::vector<Eigen::Triplet<double>> t;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      if (rng() % 3 == 0) t.emplace_back(r, c, value(rng));
  BinaryMatrix m;
  m.V.resize(rows, cols);
  m.V.setFromTriplets(t.begin(), t.end());
  m.V.makeCompressed();
  m.header = R"({"note":"ünïcode"})";
  for (int r = 0; r < rows; ++r) m.row_labels.push_back("doc/" + std::to_string(r) + (r % 2 ? "\nx" : ""));
  for (int c = 0; c < cols; ++c) m.column_labels.push_back(c == 0 ? "" : "term" + std::to_string(c));
  m.column_data.push_back(Eigen::VectorXd::LinSpaced(cols, 0, 1));
  return m;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void check_same(const BinaryMatrix& a, const BinaryMatrix& b) {
  REQUIRE(a.V.rows() == b.V.rows());
  REQUIRE(a.V.cols() == b.V.cols());
  REQUIRE(a.V.nonZeros() == b.V.nonZeros());
  CHECK(std::equal(a.V.outerIndexPtr(), a.V.outerIndexPtr() + a.V.rows() + 1, b.V.outerIndexPtr()));
  CHECK(std::equal(a.V.innerIndexPtr(), a.V.innerIndexPtr() + a.V.nonZeros(), b.V.innerIndexPtr()));
  // (An empty matrix has no value array to compare: memcmp may not see a null pointer.)
  if (a.V.nonZeros() > 0)
    CHECK(std::memcmp(a.V.valuePtr(), b.V.valuePtr(), 8 * static_cast<std::size_t>(a.V.nonZeros())) == 0);
  CHECK(a.header == b.header);
  CHECK(a.row_labels == b.row_labels);
  CHECK(a.column_labels == b.column_labels);
  REQUIRE(a.column_data.size() == b.column_data.size());
  for (std::size_t v = 0; v < a.column_data.size(); ++v) CHECK(a.column_data[v] == b.column_data[v]);
}

}  // namespace

TEST_CASE("binary matrix: written and read back bit for bit, with labels and column data") {
  const auto path = (scratch_dir() / "m.ubk").string();
  for (auto [rows, cols] : {std::pair{7, 5}, std::pair{1, 1}, std::pair{30, 3}}) {
    const BinaryMatrix m = sample(rows, cols, static_cast<std::uint64_t>(rows));
    write_binary_matrix(path, m);
    CHECK(is_binary_matrix_file(path));
    check_same(m, read_binary_matrix(path));
  }
  // Without labels or column data, and an all-zero row.
  BinaryMatrix plain;
  plain.V.resize(3, 4);
  plain.V.insert(0, 1) = 1.5;
  plain.V.insert(2, 3) = 0.25;
  plain.V.makeCompressed();
  plain.header = "{}";
  write_binary_matrix(path, plain);
  check_same(plain, read_binary_matrix(path));
  // No entries at all (factor refuses it later, as an all-zero matrix).
  BinaryMatrix none;
  none.V.resize(2, 3);
  none.V.makeCompressed();
  none.header = "{}";
  write_binary_matrix(path, none);
  check_same(none, read_binary_matrix(path));
  // read_matrix (what `factor` uses) takes the labels as row and column labels.
  const BinaryMatrix m = sample(6, 4, 9);
  write_binary_matrix(path, m);
  const LabelledMatrix labelled = read_matrix(path);
  CHECK(labelled.row_labels == m.row_labels);
  CHECK(labelled.column_labels == m.column_labels);
  CHECK(labelled.V.nonZeros() == m.V.nonZeros());
}

TEST_CASE("binary matrix: every truncation and every damaged byte is an input error naming the file") {
  const auto path = (scratch_dir() / "whole.ubk").string();
  write_binary_matrix(path, sample(5, 4, 3));
  const std::string bytes = read_bytes(path);
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    const std::string msg = input_error([&] { parse_binary_matrix(bytes.substr(0, n), "cut.ubk"); });
    CHECK(msg.find("cut.ubk: ") == 0);
  }
  CHECK(input_error([&] {
          parse_binary_matrix(bytes + std::string(8, '\0'), "long.ubk");
        }).find("long.ubk") == 0);
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    CAPTURE(at);
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    CHECK(input_error([&] { parse_binary_matrix(damaged, "bad.ubk"); }).find("bad.ubk: ") == 0);
  }
  CHECK(input_error([&] {
          read_binary_matrix((scratch_dir() / "missing.ubk").string());
        }).find("missing.ubk") != std::string::npos);
}

TEST_CASE("binary matrix: sizes that no file could hold are refused before anything is allocated") {
  const auto path = (scratch_dir() / "sizes.ubk").string();
  write_binary_matrix(path, sample(3, 3, 5));
  std::string bytes = read_bytes(path);
  for (int field = 0; field < 7; ++field) {
    CAPTURE(field);
    std::string huge = bytes;
    const std::uint64_t v = std::uint64_t{1} << 62;
    std::memcpy(huge.data() + 16 + 8 * field, &v, 8);
    CHECK(input_error([&] { parse_binary_matrix(huge, "huge.ubk"); }).find("huge.ubk: ") == 0);
  }
  std::string version = bytes;
  version[8] = 2;
  CHECK(input_error([&] { parse_binary_matrix(version, "v2.ubk"); }).find("version 2 is not supported") !=
        std::string::npos);
  CHECK_FALSE(has_binary_matrix_magic("%%MatrixMarket matrix coordinate real general\n"));
}
