#include "number_flags.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

namespace unbake::app {
namespace {

// A leading '+' reads as the number itself ("+5"); nothing may follow it.
std::string_view digits_of(const std::string& text) {
  std::string_view s(text);
  if (s.size() > 1 && s.front() == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);
  return s;
}

// Quotes a value for an error line, shortened: a pasted megabyte stays one line.
std::string quoted(const std::string& text) {
  constexpr std::size_t kShown = 40;
  return "'" + (text.size() > kShown ? text.substr(0, kShown) + "..." : text) + "'";
}

}  // namespace

ParsedNumber<long long> parse_signed(const std::string& text, long long lo, long long hi) {
  const std::string_view s = digits_of(text);
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (end != s.data() + s.size() || (ec != std::errc() && ec != std::errc::result_out_of_range) || s.empty())
    return {std::nullopt, quoted(text) + " is not a whole number"};
  if (ec == std::errc::result_out_of_range || v < lo || v > hi)
    return {std::nullopt, fmt::format("{} is out of range (from {} to {})", quoted(text), lo, hi)};
  return {v, {}};
}

ParsedNumber<unsigned long long> parse_unsigned(const std::string& text, unsigned long long hi) {
  const std::string_view s = digits_of(text);
  // from_chars reads no sign into an unsigned type: a minus is range, not syntax.
  const bool negative = !s.empty() && s.front() == '-';
  const std::string_view body = negative ? s.substr(1) : s;
  unsigned long long v = 0;
  const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
  if (body.empty() || end != body.data() + body.size() ||
      (ec != std::errc() && ec != std::errc::result_out_of_range))
    return {std::nullopt, quoted(text) + " is not a whole number"};
  if ((negative && v != 0) || ec == std::errc::result_out_of_range || v > hi)
    return {std::nullopt, fmt::format("{} is out of range (from 0 to {})", quoted(text), hi)};
  return {v, {}};
}

ParsedNumber<double> parse_real(const std::string& text) {
  const std::string_view s = digits_of(text);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || end != s.data() + s.size() ||
      (ec != std::errc() && ec != std::errc::result_out_of_range) || std::isnan(v))
    return {std::nullopt, quoted(text) + " is not a number"};
  if (ec == std::errc::result_out_of_range || !std::isfinite(v))
    return {std::nullopt, quoted(text) + " is beyond the range of a double (about 1e-308 to 1e308)"};
  return {v, {}};
}

std::string number_default(double v) { return fmt::format("{}", v); }
std::string number_default(long long v) { return fmt::format("{}", v); }
std::string number_default(unsigned long long v) { return fmt::format("{}", v); }

}  // namespace unbake::app
