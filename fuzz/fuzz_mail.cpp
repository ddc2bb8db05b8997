// A mail message or an mbox, as a folder's file is read: split into
// messages, each message's Subject and body extracted (MIME through GMime
// when built), the body cleaned. Nothing may throw; every text is UTF-8.
#include <string>
#include <string_view>

#include "text/decode.hpp"
#include "text/formats.hpp"
#include "text/mail.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 14)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  using namespace unbake::text;
  auto check = [](const Decoded& d) {
    if (d.text && find_invalid_utf8(*d.text) != std::string_view::npos) __builtin_trap();
    if (!d.text && d.reason.empty()) __builtin_trap();
  };
  check(document_text(bytes, FileFormat::mail, "auto"));
  for (const auto& [offset, length] : mail::split_mbox(bytes)) {
    if (offset > bytes.size() || length > bytes.size() - offset) __builtin_trap();
    check(document_text(bytes.substr(offset, length), FileFormat::mail, "auto"));
  }
  (void)mail::clean_body(bytes);
  (void)mail::looks_like_message(bytes);
  return 0;
}
