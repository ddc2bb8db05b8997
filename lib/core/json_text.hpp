#pragma once
// The one way public *_json_string functions turn text into a value: parse
// errors and conversion errors both become an InputError that says what was
// being read, without nlohmann's "[json.exception...]" prefix.
#include <string>

#include <nlohmann/json.hpp>

#include <unbake/core/errors.hpp>

namespace unbake {

// What follows nlohmann's "[json.exception.type_error.302] ".
std::string json_message(const nlohmann::json::exception& e);

template <class T>
void from_json_text(const std::string& text, T& out, const std::string& what) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(what + ": invalid JSON at byte " + std::to_string(e.byte));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(what + ": " + json_message(e));
  }
  try {
    j.get_to(out);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(what + ": " + json_message(e));
  }
}

}  // namespace unbake
