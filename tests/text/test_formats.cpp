// Which reader a file gets (by name and first bytes, or forced), HTML's
// visible text and PDF's text layer.
#include <doctest/doctest.h>

#include <string>

#include "text/formats.hpp"
#include "text/html_text.hpp"
#include "text/pdf_text.hpp"

using namespace unbake::text;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A one-page PDF whose content stream is `content`, with a correct
// cross-reference table.
std::string make_pdf(const std::string& content) {
  std::string pdf = "%PDF-1.4\n";
  std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string offsets;
  for (int i = 0; i < 5; ++i) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", pdf.size());
    offsets += line;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 6\n0000000000 65535 f \n" + offsets;
  pdf += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

TEST_CASE("a file's format: by extension, by its first bytes, or forced") {
  const std::string mail = "From: a@b\nSubject: s\n\nbody\n";
  CHECK(file_format("53120", mail, "auto") == FileFormat::mail);  // 20 Newsgroups: no extension
  CHECK(file_format("a.eml", "anything", "auto") == FileFormat::mail);
  CHECK(file_format("a.txt", "plain words\n", "auto") == FileFormat::text);
  CHECK(file_format("a.HTM", "x", "auto") == FileFormat::html);
  CHECK(file_format("page", "\xEF\xBB\xBF  <!DOCTYPE html><p>x", "auto") == FileFormat::html);
  CHECK(file_format("scan", "%PDF-1.7 ...", "auto") == FileFormat::pdf);
  CHECK(file_format("53120", mail, "text") == FileFormat::text);
  CHECK(file_format("a.txt", "words", "html") == FileFormat::html);
  CHECK(is_mbox_name("dir/inbox.MBOX", "auto"));
  CHECK_FALSE(is_mbox_name("inbox.mbox", "text"));
  CHECK_FALSE(is_mbox_name("inbox", "auto"));
}

TEST_CASE("HTML gives its visible text: no tags, scripts, styles or comments, entities decoded") {
  if (!html_available()) {
    MESSAGE("skipped: built without gumbo");
    return;
  }
  const std::string page =
      "<!DOCTYPE html><html><head><title>Page title</title><style>td { color: red }</style>"
      "<script>var tracker = 1;</script></head><body><!-- a comment -->"
      "<table><tr><td>cell one</td><td>cell two</td></tr></table>"
      "<p>caf&eacute; &amp; bar<br>next line</p><noscript>enable js</noscript></body></html>";
  auto d = document_text(page, FileFormat::html, "auto");
  REQUIRE(d.text);
  const std::string& t = *d.text;
  for (const char* seen : {"Page title", "cell one", "cell two", "café & bar", "next line"})
    CHECK_MESSAGE(has(t, seen), seen);
  for (const char* gone : {"<", "td", "tracker", "color", "comment", "enable js", "&amp;"})
    CHECK_MESSAGE(!has(t, gone), gone);
  CHECK_FALSE(has(t, "onecell"));  // adjacent cells stay apart
  // Deep nesting: read to the limit (no stack overflow), refused past it,
  // where gumbo's cost grows with the square of the depth.
  auto nested = [](std::size_t depth) {
    std::string page;
    for (std::size_t i = 0; i < depth; ++i) page += i % 2 ? "<div>" : "<span>";
    return page + "bottom";
  };
  auto deep = html_visible_text(nested(kMaxHtmlDepth));
  REQUIRE(deep.text);
  CHECK(has(*deep.text, "bottom"));
  auto deeper = html_visible_text(nested(100000));
  CHECK_FALSE(deeper.text);
  CHECK(deeper.reason == "HTML nested deeper than 2000 elements (not read)");
  // Many paragraphs, list items and line breaks that never close nest nothing.
  std::string flat;
  for (int i = 0; i < 20000; ++i) flat += "<p>para<li>item<br>";
  CHECK(html_visible_text(flat).text);
}

TEST_CASE("PDF: the text layer, none gives the reason, damaged bytes are not read") {
  if (!pdf_available()) {
    MESSAGE("skipped: built without poppler");
    return;
  }
  auto d = document_text(make_pdf("BT /F1 12 Tf 72 712 Td (Orbital mechanics in plain text) Tj ET"),
                         FileFormat::pdf, "auto");
  REQUIRE_MESSAGE(d.text, d.reason);
  CHECK(has(*d.text, "Orbital mechanics in plain text"));
  auto scanned = document_text(make_pdf("0 0 1 rg 10 10 100 100 re f"), FileFormat::pdf, "auto");
  CHECK_FALSE(scanned.text);
  CHECK(scanned.reason == "no text layer (scanned?)");
  auto broken = document_text("%PDF-1.4\ngarbage", FileFormat::pdf, "auto");
  CHECK_FALSE(broken.text);
  CHECK_FALSE(broken.reason.empty());
}
