#pragma once
// The text layer of a PDF, through poppler.
#include <string>
#include <string_view>

namespace unbake::text {

bool pdf_available();

struct PdfText {
  std::string text;    // UTF-8, pages separated by form feeds
  std::string reason;  // why there is none: unreadable, encrypted, no text layer, no poppler
};

PdfText pdf_text(std::string_view bytes);

}  // namespace unbake::text
