#pragma once
// A 64-bit key of a word's first bytes, read with at most two fixed-size
// loads instead of a byte loop or a variable-length memcpy (both show up in
// profiles: every token is hashed and compared at least once).
//
// For words of up to 8 bytes the key together with the length determines
// every byte, so equal (key, length) means equal words and no memcmp is
// needed; longer words use their first eight bytes and compare the rest.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace unbake::text {

inline std::uint64_t word_key(std::string_view w) {
  const char* p = w.data();
  const std::size_t n = w.size();
  if (n >= 8) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
  }
  if (n >= 4) {  // two overlapping 4-byte loads cover bytes [0, n)
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | static_cast<std::uint64_t>(hi) << 32;
  }
  if (n == 0) return 0;
  // 1-3 bytes: first, middle and last cover them all.
  return static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
         static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
         static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
}

}  // namespace unbake::text
