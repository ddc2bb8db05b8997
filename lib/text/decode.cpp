#include "text/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>

namespace unbake::text {

namespace {

constexpr std::size_t kBinaryProbeBytes = 8 * 1024;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

using Converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

Converter open_converter(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  // An empty name would silently open ICU's platform default converter.
  UConverter* raw = name.empty() ? nullptr : ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err)) raw = nullptr;
  return Converter(raw, &ucnv_close);
}

bool has_nul_near_start(std::string_view bytes) {
  return std::memchr(bytes.data(), 0, std::min(bytes.size(), kBinaryProbeBytes)) != nullptr;
}

bool is_utf8_name(const std::string& name) { return ucnv_compareNames(name.c_str(), "UTF-8") == 0; }

bool starts_with_utf16_bom(std::string_view bytes) {
  return bytes.size() >= 2 &&
         ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

void drop_utf8_bom(std::string& text) {
  if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
}

Decoded rejected(std::string reason) {
  Decoded d;
  d.reason = std::move(reason);
  return d;
}

// Converts with an open ICU converter. Strict conversion stops at the first
// byte sequence the encoding cannot map (and reports where); lenient
// conversion lets ICU substitute it, so legacy text with a stray byte still
// reads.
Decoded convert_to_utf8(std::string_view bytes, UConverter* cnv, const std::string& name, bool strict) {
  UErrorCode err = U_ZERO_ERROR;
  if (strict) ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (bytes.size() > INT32_MAX / 4) return rejected("too large to transcode from " + name);

  std::u16string wide(bytes.size() + 16, u'\0');
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  std::size_t used = 0;
  for (;;) {
    UChar* dst = wide.data() + used;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &dst, wide.data() + wide.size(), &src, src_end, nullptr, true, &err);
    used = static_cast<std::size_t>(dst - wide.data());
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      wide.resize(wide.size() * 2);
      continue;
    }
    break;
  }
  if (U_FAILURE(err)) {
    char bad[32];
    int8_t bad_len = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv, bad, &bad_len, &ignored);
    if (U_FAILURE(ignored)) bad_len = 0;
    const auto offset = static_cast<std::size_t>(src - bytes.data()) - static_cast<std::size_t>(bad_len);
    return rejected("not valid " + name + " (undecodable bytes at offset " + std::to_string(offset) + ")");
  }

  // Each UTF-16 unit needs at most 3 UTF-8 bytes (a surrogate pair: 4 for 2).
  std::string out(used * 3, '\0');
  int32_t out_len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &out_len, wide.data(),
                     static_cast<int32_t>(used), 0xFFFD, nullptr, &err);
  if (U_FAILURE(err)) return rejected("cannot convert " + name + " text to UTF-8: " + u_errorName(err));
  out.resize(static_cast<std::size_t>(out_len));
  drop_utf8_bom(out);
  Decoded d;
  d.text = std::move(out);
  d.transcoded = true;
  return d;
}

Decoded convert_named(std::string_view bytes, const std::string& name, bool strict) {
  auto cnv = open_converter(name);
  if (!cnv) return rejected("unknown encoding '" + name + "'");
  // Binary detection only makes sense where NUL is not an ordinary code unit byte.
  if (ucnv_getMinCharSize(cnv.get()) == 1 && has_nul_near_start(bytes))
    return rejected("binary (NUL byte in the first 8 KiB)");
  return convert_to_utf8(bytes, cnv.get(), name, strict);
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Almost all text is ASCII: test 32, then 8 bytes at once for a high bit.
    while (i + 32 <= n) {
      std::uint64_t w[4];
      std::memcpy(w, p + i, 32);
      if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) != 0) break;
      i += 32;
    }
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Allowed range of the second byte narrows for E0/ED/F0/F4 to exclude
    // overlong forms, surrogates and code points above U+10FFFF.
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool is_known_encoding(const std::string& name) { return name == "auto" || open_converter(name) != nullptr; }

Decoded decode_document(std::string bytes, const std::string& encoding) {
  const bool automatic = encoding == "auto";
  if (automatic && starts_with_utf16_bom(bytes)) return convert_named(bytes, "UTF-16", false);
  if (!automatic && !is_utf8_name(encoding)) return convert_named(bytes, encoding, true);

  if (has_nul_near_start(bytes)) return rejected("binary (NUL byte in the first 8 KiB)");
  const std::size_t bad = find_invalid_utf8(bytes);
  if (bad == std::string_view::npos) {
    drop_utf8_bom(bytes);
    Decoded d;
    d.text = std::move(bytes);
    return d;
  }
  if (!automatic) return rejected("not valid UTF-8 (invalid byte at offset " + std::to_string(bad) + ")");
  return convert_named(bytes, "windows-1252", false);
}

}  // namespace unbake::text
