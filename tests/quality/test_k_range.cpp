#include <doctest/doctest.h>

#include <string>

#include <unbake/core/errors.hpp>
#include <unbake/quality/k_range.hpp>

using unbake::quality::parse_k_range;

TEST_CASE("k ranges") {
  CHECK(parse_k_range("2:10") == std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9, 10});
  CHECK(parse_k_range("10:30:5") == std::vector<int>{10, 15, 20, 25, 30});
  CHECK(parse_k_range("10:28:5") == std::vector<int>{10, 15, 20, 25});
  CHECK(parse_k_range("5,10,20") == std::vector<int>{5, 10, 20});
  CHECK(parse_k_range("7") == std::vector<int>{7});
  CHECK(parse_k_range("4:4") == std::vector<int>{4});
}

TEST_CASE("bad k ranges are usage errors naming the spec") {
  for (std::string bad : {"2:", ":5", "", "a", "2:x", "0:5", "5:2", "2:10:0", "1:2:3:4", "5,5", "10,5",
                          "5,,10", "-3", "2:10,12", "3.5", "2:99999999999999999999"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_k_range(bad), unbake::UsageError);
  }
  try {
    parse_k_range("2:");
    FAIL("no error");
  } catch (const unbake::UsageError& e) {
    CHECK(e.field() == "ks");
    CHECK(std::string(e.what()).rfind("ks '2:' is not a valid range: ", 0) == 0);
  }
}
