#pragma once
// Turning a document's raw bytes into UTF-8 text. Kept apart from the folder
// walk so the byte-level rules (binary detection, BOMs, legacy encodings) can
// be tested on strings alone.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace unbake::text {

// Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or npos.
std::size_t find_invalid_utf8(std::string_view bytes);

// True for "auto" and for any converter name ICU knows (aliases included).
bool is_known_encoding(const std::string& name);

struct Decoded {
  std::optional<std::string> text;  // UTF-8 without a leading BOM; empty = rejected
  std::string reason;               // why it was rejected
  bool transcoded = false;          // decoded from something other than UTF-8
};

// `encoding` follows ReaderOptions::encoding: "auto" keeps valid UTF-8 and
// reads anything else as windows-1252 (a UTF-16 BOM is honoured); a UTF-8
// name is strict; any other name is that ICU converter, strictly. Bytes with a
// NUL in the first 8 KiB are rejected as binary unless the encoding itself
// uses NUL bytes (UTF-16/32).
Decoded decode_document(std::string bytes, const std::string& encoding);

}  // namespace unbake::text
