#pragma once
// MIME messages (RFC 2045-2047): transfer encodings, charsets, multipart
// bodies and encoded words in the Subject, through GMime. A build without
// GMime reports that instead of guessing at the encoded bytes.
#include <optional>
#include <string>
#include <string_view>

namespace unbake::text::mime {

bool available();

struct Parts {
  std::string subject;  // decoded (UTF-8)
  std::string plain;    // the text/plain parts that are not attachments, in order
  std::string html;     // the text/html parts, used when there is no plain text
};

// The message's readable parts (UTF-8 when the parts name their charset,
// else their bytes as written); nullopt when GMime cannot parse it at all or
// the build has no GMime.
std::optional<Parts> decode(std::string_view message);

// An unstructured header's value with its encoded words (=?utf-8?q?...?=)
// decoded; the value itself without GMime.
std::string decode_header(const std::string& value);

}  // namespace unbake::text::mime
