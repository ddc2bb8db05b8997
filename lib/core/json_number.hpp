#pragma once
// Whole numbers read from JSON files we did not write ourselves (a model
// someone edited, a damaged download). nlohmann's get<int>() casts whatever
// number it finds: a cast of 1e300 or -1.5 to an integer type is undefined
// behaviour, and 4294967297 silently becomes 1. Here such values end in an
// InputError that names the field instead.
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include <unbake/core/errors.hpp>

namespace unbake {

template <class T>
void read_whole_number(const nlohmann::json& object, const char* key, T& out) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  const nlohmann::json& value = object.at(key);
  const auto out_of_range = [&] {
    return InputError(std::string("'") + key + "' is " + value.dump() + ", outside " +
                      std::to_string(std::numeric_limits<T>::min()) + ".." +
                      std::to_string(std::numeric_limits<T>::max()));
  };
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    if (!std::in_range<T>(v)) throw out_of_range();
    out = static_cast<T>(v);
  } else if (value.is_number_integer()) {
    const auto v = value.get<std::int64_t>();
    if (!std::in_range<T>(v)) throw out_of_range();
    out = static_cast<T>(v);
  } else if (value.is_number_float()) {
    // 5.0 is accepted as 5; the bounds are powers of two, exact as doubles.
    const double v = value.get<double>();
    if (!std::isfinite(v) || v != std::trunc(v))
      throw InputError(std::string("'") + key + "' is " + value.dump() + ", not a whole number");
    const double low = std::is_signed_v<T> ? -std::ldexp(1.0, std::numeric_limits<T>::digits) : 0.0;
    const double high = std::ldexp(1.0, std::numeric_limits<T>::digits);  // one past the largest
    if (v < low || v >= high) throw out_of_range();
    out = static_cast<T>(v);
  } else {
    throw InputError(std::string("'") + key + "' is " + value.dump() + ", not a number");
  }
}

}  // namespace unbake
