#include "text/json_lines.hpp"

#include <utility>

#include <unbake/core/errors.hpp>
#include "text/decode.hpp"

namespace unbake::text {
namespace {

const char* kind(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    default:
      return "a number";
  }
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

std::vector<std::string> JsonRecord::keys() const {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

std::string JsonRecord::text(const std::string& path, const char* field) const {
  const std::string where = name + ":" + std::to_string(line) + ": ";
  const nlohmann::json* at = nullptr;
  if (auto it = object.find(path); it != object.end()) {
    at = &*it;
  } else {
    at = &object;
    std::size_t from = 0;
    for (;;) {
      const std::size_t dot = path.find('.', from);
      const std::string key = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
      auto it2 = at->is_object() ? at->find(key) : at->end();
      if (!at->is_object() || it2 == at->end())
        throw InputError(where + "no field '" + path + "' (the object's fields: " + [&] {
          std::string keys;
          for (const auto& k : this->keys()) keys += (keys.empty() ? "" : ", ") + k;
          return keys.empty() ? std::string("none") : keys;
        }() + ")");
      at = &*it2;
      if (dot == std::string::npos) break;
      from = dot + 1;
    }
  }
  const nlohmann::json& v = *at;
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number() || v.is_boolean()) return v.dump();
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!item.is_string())
        throw InputError(where + "'" + path + "' is an array holding " + kind(item) + ", not only strings");
      if (!out.empty()) out += '\n';
      out += item.get<std::string>();
    }
    return out;
  }
  throw InputError(where + "'" + path + "' is " + kind(v) + ", not text (name a field inside it with a dot)");
}

JsonLines::JsonLines(std::string_view bytes, std::string name, std::string encoding)
    : bytes_(bytes), name_(std::move(name)), encoding_(std::move(encoding)) {
  if (bytes_.starts_with("\xEF\xBB\xBF")) at_ = 3;
}

bool JsonLines::next(JsonRecord& record) {
  while (at_ < bytes_.size()) {
    const std::size_t end = std::min(bytes_.find('\n', at_), bytes_.size());
    std::string_view line = bytes_.substr(at_, end - at_);
    at_ = end + 1;
    ++line_;
    if (blank(line)) continue;
    const std::string where = name_ + ":" + std::to_string(line_) + ": ";
    std::string decoded;
    if (encoding_ != "auto" || find_invalid_utf8(line) != std::string_view::npos) {
      Decoded d = decode_document(std::string(line), encoding_);
      if (!d.text) throw InputError(where + d.reason);
      decoded = std::move(*d.text);
      line = decoded;
    }
    record.line = line_;
    record.name = name_;
    try {
      record.object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      // nlohmann's message leads with its own error id; the byte is what helps.
      throw InputError(where + "not JSON (at byte " + std::to_string(e.byte) + " of the line)");
    } catch (const nlohmann::json::exception&) {
      // out_of_range 406, the one other error of parse: a number past a double's range.
      throw InputError(where + "a number too large for a double (JSON numbers are read as doubles)");
    }
    if (!record.object.is_object())
      throw InputError(where + "a JSON line must be an object, this one is " + kind(record.object));
    return true;
  }
  return false;
}

}  // namespace unbake::text
