#include <doctest/doctest.h>

#include <unbake/io/matrix_input.hpp>
#include "io_test_files.hpp"

using unbake::io::read_matrix;
using unbake::io::read_nonnegative_matrix;
using unbake::test::input_error;
using unbake::test::scratch_file;

TEST_CASE("read_matrix picks the format by extension and keeps labels") {
  auto csv = read_matrix(scratch_file("in.csv", "r,a,b\nx,1,0\ny,0,2\n").string());
  CHECK(csv.V.coeff(1, 1) == 2);
  CHECK(csv.row_labels == std::vector<std::string>{"x", "y"});
  CHECK(csv.column_labels == std::vector<std::string>{"a", "b"});
  auto mtx = read_matrix(
      scratch_file("in.MTX", "%%MatrixMarket matrix coordinate real general\n2 2 1\n2 2 2\n").string());
  CHECK(mtx.V.coeff(1, 1) == 2);
  CHECK(mtx.row_labels.empty());
  auto msg = input_error([] { read_matrix(scratch_file("in.xlsx", "").string()); });
  CHECK(msg.find("in.xlsx: unknown matrix format '.xlsx'") != std::string::npos);
}

TEST_CASE("values a non-negative factorization cannot take are reported with file, row and column") {
  unbake::test::check_error_cases(
      {
          {"neg.csv", "1,2,3,4,5\n1,2,3,4,-3\n", "neg.csv: negative value -3 at row 2, column 5"},
          {"nan.csv", "1,nan\n", "nan.csv: NaN value at row 1, column 2"},
          {"inf.tsv", "\ta\tb\nr\t1\t2\ns\tinf\t0\n", "inf.tsv: infinite value inf at row 2, column 1"},
          {"zeros.csv", "0,0\n0,0\n", "zeros.csv: every entry of the 2 x 2 matrix is zero"},
          {"empty.mtx", "%%MatrixMarket matrix coordinate real general\n0 0 0\n",
           "empty.mtx: the matrix is empty (0 x 0)"},
          {"neg.mtx", "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1\n3 2 -0.5\n",
           "neg.mtx: negative value -0.5 at row 3, column 2"},
      },
      [](const std::string& p) { read_nonnegative_matrix(p); });
  CHECK_NOTHROW(read_nonnegative_matrix(scratch_file("ok.csv", "0,1\n2,0\n").string()));
}
