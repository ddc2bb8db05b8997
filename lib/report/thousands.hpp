#pragma once
// Counts with thousands separators ("11,314"), as every report prints them.
#include <string>

namespace unbake::report {

// Built forward rather than by inserting commas: GCC 12 warns (-Wrestrict, a
// false positive) on std::string::insert here.
inline std::string thousands(long v) {
  const std::string digits = std::to_string(v);
  const std::size_t sign = v < 0 ? 1 : 0;
  std::string s;
  s.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

}  // namespace unbake::report
