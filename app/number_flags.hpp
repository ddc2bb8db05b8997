#pragma once
// Numeric options, parsed strictly. CLI11's own conversion wraps "-1" and
// "18446744073709551616" into an unsigned option as 2^64 - 1 and turns
// "1e999" into infinity; here the whole text must be a number of the option's
// type that fits it exactly (integers) or is finite (reals), or parsing fails
// with one line naming the option and the text. Which values make sense
// (k >= 1, 0 < tol) stays with the library's validate(), so the same rule holds
// for library users and its message is the same everywhere.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

#include <CLI/CLI.hpp>

namespace unbake::app {

// The value of `text` as T, or why not ("is not a whole number", ...).
template <class T>
struct ParsedNumber {
  std::optional<T> value;
  std::string problem;
};

ParsedNumber<long long> parse_signed(const std::string& text, long long lo, long long hi);
ParsedNumber<unsigned long long> parse_unsigned(const std::string& text, unsigned long long hi);
ParsedNumber<double> parse_real(const std::string& text);

template <class T>
ParsedNumber<T> parse_option_number(const std::string& text) {
  ParsedNumber<T> out;
  if constexpr (std::is_floating_point_v<T>) {
    auto r = parse_real(text);
    if (r.value) out.value = static_cast<T>(*r.value);
    out.problem = r.problem;
  } else if constexpr (std::is_signed_v<T>) {
    auto r = parse_signed(text, std::numeric_limits<T>::min(), std::numeric_limits<T>::max());
    if (r.value) out.value = static_cast<T>(*r.value);
    out.problem = r.problem;
  } else {
    auto r = parse_unsigned(text, std::numeric_limits<T>::max());
    if (r.value) out.value = static_cast<T>(*r.value);
    out.problem = r.problem;
  }
  return out;
}

std::string number_default(double v);
std::string number_default(long long v);
std::string number_default(unsigned long long v);

// Declares `flag` (an option or a positional name) storing a number into
// `target`, shown with its current value as the default.
template <class T>
CLI::Option* add_number(CLI::App& app, const std::string& flag, T& target, const std::string& help) {
  CLI::Validator strict([](std::string& text) -> std::string { return parse_option_number<T>(text).problem; },
                        "");
  using Shown = std::conditional_t<std::is_floating_point_v<T>, double,
                                   std::conditional_t<std::is_signed_v<T>, long long, unsigned long long>>;
  return app
      .add_option_function<std::string>(
          flag, [&target](const std::string& text) { target = *parse_option_number<T>(text).value; }, help)
      ->check(strict)
      ->default_str(number_default(static_cast<Shown>(target)))
      ->type_name(std::is_floating_point_v<T> ? "NUMBER" : "INTEGER");
}

// The same for a setting the library fills in when unset (NmfConfig::tol):
// `shown` describes that default in --help.
template <class T>
CLI::Option* add_number(CLI::App& app, const std::string& flag, std::optional<T>& target,
                        const std::string& help, const std::string& shown) {
  CLI::Validator strict([](std::string& text) -> std::string { return parse_option_number<T>(text).problem; },
                        "");
  return app
      .add_option_function<std::string>(
          flag, [&target](const std::string& text) { target = *parse_option_number<T>(text).value; }, help)
      ->check(strict)
      ->default_str(shown)
      ->type_name(std::is_floating_point_v<T> ? "NUMBER" : "INTEGER");
}

}  // namespace unbake::app
