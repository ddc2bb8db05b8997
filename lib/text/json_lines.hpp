#pragma once
// JSON lines (one JSON object per line, also called NDJSON), read one record
// at a time from bytes held in memory.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace unbake::text {

struct JsonRecord {
  long line = 0;
  nlohmann::json object;

  // The top-level keys, sorted (as nlohmann keeps an object's keys).
  std::vector<std::string> keys() const;
  // The text at `path`: a key, or a dotted path through nested objects
  // (a key that itself holds a dot is found first). A string is itself; null
  // is ""; a number or boolean its JSON text; an array of strings its items,
  // one per line. Throws InputError naming the file and line when the path is
  // missing or leads to an object or another array. `field` names the
  // setting for the message ("text_field").
  std::string text(const std::string& path, const char* field) const;

  std::string name;  // the file, for messages
};

class JsonLines {
 public:
  // `encoding` as ReaderOptions::encoding: a line that is not UTF-8 is
  // decoded on its own (auto: as windows-1252).
  JsonLines(std::string_view bytes, std::string name, std::string encoding);

  // The next non-blank line, parsed; false at the end. Throws InputError
  // "name:line: ..." for a line that is not JSON or not an object.
  bool next(JsonRecord& record);

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  long line_ = 0;
  std::string name_, encoding_;
};

}  // namespace unbake::text
