#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include <unbake/core/errors.hpp>
#include "core/json_number.hpp"

using unbake::read_whole_number;

TEST_CASE("json_number: each integer type takes exactly the values it can hold") {
  const auto j = nlohmann::json::parse(R"({"int_max": 2147483647, "int_over": 2147483648,
    "int_min": -2147483648, "int_under": -2147483649, "u64_max": 18446744073709551615,
    "neg": -1, "two_pow_63": 9223372036854775808.0, "big_float": 1e300, "half": 0.5,
    "minus_zero": -0.0, "whole": 7.0, "text": "7", "flag": true})");
  int i = 0;
  read_whole_number(j, "int_max", i);
  CHECK(i == std::numeric_limits<int>::max());
  read_whole_number(j, "int_min", i);
  CHECK(i == std::numeric_limits<int>::min());
  read_whole_number(j, "whole", i);
  CHECK(i == 7);
  read_whole_number(j, "minus_zero", i);
  CHECK(i == 0);
  for (const char* key :
       {"int_over", "int_under", "u64_max", "two_pow_63", "big_float", "half", "text", "flag"}) {
    CAPTURE(key);
    CHECK_THROWS_WITH_AS(read_whole_number(j, key, i), doctest::Contains(key), unbake::InputError);
  }

  std::uint64_t u = 0;
  read_whole_number(j, "u64_max", u);
  CHECK(u == std::numeric_limits<std::uint64_t>::max());
  read_whole_number(j, "two_pow_63", u);
  CHECK(u == (std::uint64_t{1} << 63));
  CHECK_THROWS_AS(read_whole_number(j, "neg", u), unbake::InputError);
  CHECK_THROWS_AS(read_whole_number(j, "big_float", u), unbake::InputError);

  std::int64_t s = 0;
  CHECK_THROWS_AS(read_whole_number(j, "two_pow_63", s), unbake::InputError);  // one past INT64_MAX
  read_whole_number(j, "neg", s);
  CHECK(s == -1);
}
