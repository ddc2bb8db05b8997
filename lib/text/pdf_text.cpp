#include "text/pdf_text.hpp"

#ifdef UNBAKE_HAVE_POPPLER
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <climits>
#include <memory>
#include <mutex>
#endif

namespace unbake::text {

#ifdef UNBAKE_HAVE_POPPLER

namespace {

// poppler writes its complaints about damaged files to stderr; the skip
// reason says what matters.
void quiet(const std::string&, void*) {}

// poppler keeps process-wide state (fonts, its global parameters) whose
// thread safety varies between versions: one PDF at a time.
std::mutex& poppler_mutex() {
  static std::mutex m;
  return m;
}

bool blank(const std::string& s) {
  for (unsigned char c : s)
    if (c > ' ') return false;
  return true;
}

}  // namespace

bool pdf_available() { return true; }

PdfText pdf_text(std::string_view bytes) {
  PdfText out;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    out.reason = "PDF larger than 2 GiB";
    return out;
  }
  std::lock_guard lock(poppler_mutex());
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> doc{
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size()))};
  if (!doc) {
    out.reason = "not a readable PDF";
    return out;
  }
  if (doc->is_locked()) {
    out.reason = "encrypted PDF (needs a password)";
    return out;
  }
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page{doc->create_page(i)};
    if (!page) continue;
    const auto utf8 = page->text().to_utf8();
    if (i > 0) out.text.push_back('\f');
    out.text.append(utf8.begin(), utf8.end());
  }
  if (blank(out.text)) {
    out.text.clear();
    out.reason = "no text layer (scanned?)";
  }
  return out;
}

#else

bool pdf_available() { return false; }
PdfText pdf_text(std::string_view) { return {"", "PDF: this build has no PDF reader (poppler)"}; }

#endif

}  // namespace unbake::text
