#pragma once
// Numbers as text, the same way in every format: parsing accepts what
// std::from_chars accepts plus a leading '+', and must consume the whole
// token; formatting is the shortest text that reads back to the same double.
#include <charconv>
#include <string>
#include <string_view>

namespace unbake::io {

inline bool parse_number(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+' || (s.front() == '-' && s.size() > 1 && s[1] == '+')) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// Appends the shortest round-trip text of `v` to `out`.
inline void append_number(std::string& out, double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

inline std::string format_number(double v) {
  std::string s;
  append_number(s, v);
  return s;
}

}  // namespace unbake::io
