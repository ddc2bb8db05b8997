#include <unbake/core/printable.hpp>

#include <cstdio>

namespace unbake {
namespace {

void append_hex(std::string& out, const char* form, unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, form, value);
  out += buf;
}

// Length of the well-formed UTF-8 sequence at s[i] and its code point, or 0.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t j) { return static_cast<unsigned char>(s[j]); };
  const unsigned char b0 = byte(i);
  std::size_t n = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t j = 1; j < n; ++j) {
    if ((byte(i + j) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + j) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool reorders_or_controls(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x20 &&
         static_cast<unsigned char>(text[i]) < 0x7F)
    ++i;
  if (i == text.size()) return std::string(text);  // plain ASCII: the common case

  std::string out(text.substr(0, i));
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {
      out += static_cast<char>(b);
      ++i;
    } else if (b < 0x80) {
      if (b == '\n')
        out += "\\n";
      else if (b == '\t')
        out += "\\t";
      else if (b == '\r')
        out += "\\r";
      else
        append_hex(out, "\\x%02x", b);
      ++i;
    } else {
      char32_t cp = 0;
      const std::size_t n = decode(text, i, cp);
      if (n == 0) {
        append_hex(out, "\\x%02x", b);
        ++i;
      } else if (reorders_or_controls(cp)) {
        append_hex(out, "\\u%04x", static_cast<unsigned>(cp));
        i += n;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
    }
  }
  return out;
}

}  // namespace unbake
