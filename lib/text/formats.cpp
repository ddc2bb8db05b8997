#include "text/formats.hpp"

#include <cctype>

#include "io/gzip.hpp"
#include "text/file_names.hpp"
#include "text/html_text.hpp"
#include "text/mail.hpp"
#include "text/mime.hpp"
#include "text/pdf_text.hpp"

namespace unbake::text {

namespace {

bool starts_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && std::isspace(static_cast<unsigned char>(bytes.front()))) bytes.remove_prefix(1);
  const std::string head = lower_ascii(bytes.substr(0, 15));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

// Whether the body needs MIME decoding: multipart or non-text content, a
// transfer encoding, or a charset other than ASCII and UTF-8. A plain
// message (all of 20 Newsgroups but a few) is read without parsing it twice.
bool needs_mime(const mail::Headers& h) {
  const std::string type = lower_ascii(mail::field(h, "Content-Type"));
  const std::string encoding = lower_ascii(mail::field(h, "Content-Transfer-Encoding"));
  if (encoding.find("base64") != std::string::npos || encoding.find("quoted-printable") != std::string::npos)
    return true;
  if (type.empty()) return false;
  if (!type.starts_with("text/plain")) return true;
  const auto charset = type.find("charset=");
  if (charset == std::string::npos) return false;
  std::string name = type.substr(charset + 8);
  std::erase(name, '"');
  name = name.substr(0, name.find_first_of("; "));
  return name != "us-ascii" && name != "utf-8" && name != "utf8";
}

Decoded rejected(std::string reason) {
  Decoded d;
  d.reason = std::move(reason);
  return d;
}

Decoded html_document(std::string bytes, const std::string& encoding) {
  Decoded d = decode_document(std::move(bytes), encoding);
  if (!d.text) return d;
  auto html = html_visible_text(*d.text);
  if (!html.text) return rejected(std::move(html.reason));
  d.text = std::move(html.text);
  return d;
}

Decoded mail_document(std::string bytes, const std::string& encoding) {
  std::string_view message(bytes);
  message.remove_prefix(mail::mbox_separator_length(message));
  const auto headers = mail::parse_headers(message);
  if (!headers.complete) return rejected("not a mail message (no header block before the body)");
  std::string subject;
  Decoded body;
  if (needs_mime(headers)) {
    if (!mime::available()) return rejected("MIME-encoded mail: this build has no MIME decoder (GMime)");
    auto parts = mime::decode(message);
    if (!parts) return rejected("not a readable MIME message");
    subject = std::move(parts->subject);
    if (!parts->plain.empty() || parts->html.empty()) {
      // Parts that named their charset are UTF-8 now; "auto" keeps them and
      // reads the others as windows-1252.
      body = decode_document(std::move(parts->plain), "auto");
    } else {
      body = html_document(std::move(parts->html), "auto");
    }
  } else {
    subject = mime::decode_header(mail::field(headers, "Subject"));
    body = decode_document(std::string(message.substr(headers.body_offset)), encoding);
  }
  if (!body.text) return body;
  auto decoded_subject = decode_document(std::move(subject), "auto");
  // A reply's Subject quotes the thread's: only a thread's first message
  // (or a message outside any thread) has its own.
  std::string text;
  if (decoded_subject.text && !mail::is_reply_subject(*decoded_subject.text))
    text = mail::strip_reply_prefixes(*decoded_subject.text);
  text += "\n\n";
  text += mail::clean_body(*body.text);
  body.text = std::move(text);
  return body;
}

}  // namespace

FileFormat file_format(std::string_view name, std::string_view bytes, const std::string& format) {
  if (format == "text") return FileFormat::text;
  if (format == "mail") return FileFormat::mail;
  if (format == "html") return FileFormat::html;
  if (format == "pdf") return FileFormat::pdf;
  const std::string ext = extension_of(name);
  if (ext == ".eml" || ext == ".mbox" || ext == ".mbx") return FileFormat::mail;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileFormat::html;
  if (ext == ".pdf" || bytes.starts_with("%PDF-")) return FileFormat::pdf;
  if (starts_like_html(bytes)) return FileFormat::html;
  if (mail::looks_like_message(bytes)) return FileFormat::mail;
  return FileFormat::text;
}

bool is_mbox_name(std::string_view name, const std::string& format) {
  if (format != "auto" && format != "mail") return false;
  const std::string ext = extension_of(name);
  return ext == ".mbox" || ext == ".mbx";
}

bool is_table_name(std::string_view name, const ReaderOptions& options) {
  const std::string ext = format_extension(name);
  if (!options.text_column.empty() && (ext == ".csv" || ext == ".tsv" || ext == ".tab")) return true;
  return !options.text_field.empty() && (ext == ".jsonl" || ext == ".ndjson");
}

Decoded document_text(std::string bytes, FileFormat format, const std::string& encoding) {
  switch (format) {
    case FileFormat::mail:
      return mail_document(std::move(bytes), encoding);
    case FileFormat::html:
      return html_document(std::move(bytes), encoding);
    case FileFormat::pdf: {
      auto pdf = pdf_text(bytes);
      if (!pdf.reason.empty()) return rejected(std::move(pdf.reason));
      return decode_document(std::move(pdf.text), "utf-8");
    }
    case FileFormat::text:
      break;
  }
  return decode_document(std::move(bytes), encoding);
}

std::vector<std::string> optional_readers() {
  std::vector<std::string> out;
  if (io::gzip_supported()) out.push_back("gzip");
  if (mime::available()) out.push_back("mime");
  if (html_available()) out.push_back("html");
  if (pdf_available()) out.push_back("pdf");
  return out;
}

}  // namespace unbake::text
