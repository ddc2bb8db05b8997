// An HTML page as a folder's file is read: decoded, parsed by gumbo, its
// visible text collected. Nothing may throw; the text is UTF-8.
#include <string>
#include <string_view>

#include "text/decode.hpp"
#include "text/formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 15)) return 0;
  using namespace unbake::text;
  const auto d =
      document_text(std::string(reinterpret_cast<const char*>(data), size), FileFormat::html, "auto");
  if (d.text && find_invalid_utf8(*d.text) != std::string_view::npos) __builtin_trap();
  if (!d.text && d.reason.empty()) __builtin_trap();
  return 0;
}
