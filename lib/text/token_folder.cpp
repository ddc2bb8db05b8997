#include "text/token_folder.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unbake/core/errors.hpp>

namespace unbake::text {

namespace {
void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error(std::string("ICU ") + what + ": " + u_errorName(status));
}
}  // namespace

TokenFolder::TokenFolder(bool strip_accents) : strip_accents_(strip_accents) {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check(status, "nfkc_cf normalizer");
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  check(status, "NFD normalizer");
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  check(status, "NFC normalizer");
}

std::string_view TokenFolder::fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  in_ = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  nfkc_cf_->normalize(in_, out_, status);
  check(status, "nfkc_cf normalisation");
  if (strip_accents_) {
    nfd_->normalize(out_, in_, status);
    check(status, "NFD normalisation");
    out_.remove();
    for (int32_t i = 0; i < in_.length();) {
      const UChar32 c = in_.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) out_.append(c);
      i += U16_LENGTH(c);
    }
    nfc_->normalize(out_, in_, status);
    check(status, "NFC normalisation");
    out_.swap(in_);
  }
  utf8_.clear();
  out_.toUTF8String(utf8_);
  return utf8_;
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t token_length(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  std::size_t n = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    n += c >= 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ? 2 : 1;
  }
  return n;
}

}  // namespace unbake::text
