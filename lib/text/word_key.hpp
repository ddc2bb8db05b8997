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

// The hash of both word tables (stopwords, term dictionary): eight bytes per
// multiply, the last 1-8 through word_key. For a word of up to 8 bytes it is
// a bijection of word_key given the length (xor with a constant, then the
// invertible murmur3 finaliser), so equal hashes and lengths mean equal words.
inline std::uint64_t word_hash(std::string_view s) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  while (n > 8) {
    std::uint64_t k;
    std::memcpy(&k, p, 8);
    h = (h ^ k) * 0x87c37b91114253d5ULL;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  h ^= word_key(std::string_view(p, n));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace unbake::text
