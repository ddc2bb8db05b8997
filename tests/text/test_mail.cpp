// Mail as documents: header blocks, mbox splitting, and a body without
// quotes, lead-ins, signatures and addresses; MIME parts through GMime.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "text/formats.hpp"
#include "text/mail.hpp"
#include "text/mime.hpp"

using namespace unbake::text;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Each of `seen` is in the text and none of `gone`.
void check_words(const std::string& text, std::initializer_list<const char*> seen,
                 std::initializer_list<const char*> gone) {
  for (const char* w : seen) CHECK_MESSAGE(has(text, w), w);
  for (const char* w : gone) CHECK_MESSAGE(!has(text, w), w);
}

std::string mail_text(const std::string& message) {
  auto d = document_text(message, FileFormat::mail, "auto");
  REQUIRE_MESSAGE(d.text, d.reason);
  return *d.text;
}

}  // namespace

TEST_CASE("a header block: folded fields, CRLF, the body's offset, a prose file is not one") {
  const std::string m = "From: a@b.org\r\nSubject: long\r\n  folded line\r\nX-Empty:\r\n\r\nBody here\r\n";
  const auto h = mail::parse_headers(m);
  CHECK(h.complete);
  REQUIRE(h.fields.size() == 3);
  CHECK(mail::field(h, "subject") == "long folded line");
  CHECK(mail::field(h, "X-Empty").empty());
  CHECK(m.substr(h.body_offset) == "Body here\r\n");
  CHECK(mail::looks_like_message(m));
  CHECK(mail::looks_like_message("From someone Mon Jan  1 00:00:00 1993\n" + m));
  CHECK_FALSE(mail::looks_like_message("Dear reader: this is prose.\nIt goes on.\n\nMore.\n"));
  // Two fields, but none that a message always has.
  CHECK_FALSE(mail::looks_like_message("Title: x\nAuthor: y\n\ntext\n"));
  CHECK_FALSE(mail::looks_like_message("From: a@b.org\n"));  // one field only
  CHECK_FALSE(mail::parse_headers("not a header\nFrom: x\n\n").complete);
}

TEST_CASE("an mbox splits at From lines after a blank line, never inside a body") {
  const std::string box =
      "From a@b Mon Jan  1 00:00:00 2001\nFrom: a@b\nSubject: one\n\nfirst body\nFrom here on, a body "
      "line\n\n"
      "From c@d Tue Jan  2 00:00:00 2001\nFrom: c@d\nSubject: two\n\nsecond body\n";
  const auto parts = mail::split_mbox(box);
  REQUIRE(parts.size() == 2);
  CHECK(box.substr(parts[0].first, parts[0].second).starts_with("From: a@b\n"));
  CHECK(has(box.substr(parts[0].first, parts[0].second), "From here on, a body line"));
  CHECK(box.substr(parts[1].first, parts[1].second) == "From: c@d\nSubject: two\n\nsecond body\n");
  CHECK(mail::split_mbox("no separator at all\n").empty());
}

TEST_CASE("the body keeps the writer's words: quotes, lead-ins, signatures and addresses go") {
  const std::string body =
      "In article <1993Apr5.1@cs.cmu.edu> smith@cs.cmu.edu (John Smith) writes:\n"
      "> the quoted claim about orbits\n"
      ">> an older quote\n"
      "|  a quote marked with a bar\n"
      "My answer concerns orbital mechanics, see ftp.uu.net or mail me at jones@netcom.com.\n"
      "\n"
      "A second paragraph about launch windows.\n"
      "-- \n"
      "Jones, Cleveland Freenet\n";
  const std::string clean = mail::clean_body(body);
  CHECK(has(clean, "My answer concerns orbital mechanics"));
  CHECK(has(clean, "launch windows"));
  for (const char* gone :
       {"quoted claim", "older quote", "bar", "writes", "cmu", "netcom", "uu.net", "Freenet"})
    CHECK_MESSAGE(!has(clean, gone), gone);
  // A trailing block with a phone number, set off by a blank line, and one
  // behind a rule.
  const std::string signed_off =
      "The text of the post, long enough to be a sentence of prose.\n\nJane Doe\nPhone (216) 555-0100\n";
  CHECK_FALSE(has(mail::clean_body(signed_off), "Jane"));
  const std::string ruled = "Body text here, a full sentence.\n-----------\nAcme Corp\n";
  CHECK_FALSE(has(mail::clean_body(ruled), "Acme"));
  // A quotation set far to the right under a name: a signature too, while a
  // body indented as a quotation of an article stays.
  const std::string drawn =
      "        The article, indented as quoted text is, ends here with a sentence.\n\n"
      "A. Writer\n\n"
      "                           'A saying chosen as a signature, set well to\n"
      "                            the right of the text.' (Somebody - 1919)\n";
  const std::string drawn_clean = mail::clean_body(drawn);
  CHECK(has(drawn_clean, "The article"));
  CHECK_FALSE(has(drawn_clean, "saying"));
  CHECK_FALSE(has(drawn_clean, "Writer"));
  // Under a drawn block only a name goes, not an address that answers a
  // question; code indented with tabs is no drawing.
  const std::string answered =
      "Write to them, they answer.\n\nThe Society\n12 Hill Road\nSpringfield\n\n"
      "                        'A saying set far to the right.'\n";
  CHECK(has(mail::clean_body(answered), "Hill Road"));
  const std::string code =
      "Try this:\n\n\t\tfor (index = 0; index < count_of_values; ++index)\n"
      "\t\t\trunning_total += weights[index] * values[index];\n";
  CHECK(has(mail::clean_body(code), "running_total"));
  // A last paragraph of prose stays.
  const std::string prose = "First paragraph.\n\nThe closing paragraph is long and ends with a full stop.\n";
  CHECK(has(mail::clean_body(prose), "closing paragraph"));
}

TEST_CASE("a message's text: its own Subject and body, a reply's Subject quotes its thread's") {
  const std::string post =
      "From: a@b.edu (A)\nSubject: Saturn V payload\nOrganization: Some University\nLines: 2\n\n"
      "The payload question.\n";
  check_words(mail_text(post), {"Saturn V payload", "The payload question."}, {"Organization", "University"});
  const std::string reply = "From: c@d.edu\nSubject: Re: Saturn V payload\n\nMy own reply.\n";
  const std::string reply_text = mail_text(reply);
  CHECK(has(reply_text, "My own reply."));
  CHECK_FALSE(has(reply_text, "Saturn"));
  CHECK(mail::strip_reply_prefixes("Re: Fwd: RE: x") == "x");
  // No header block at all: not a message.
  auto d = document_text("just words, no header\n\nmore words\n", FileFormat::mail, "auto");
  CHECK_FALSE(d.text);
  CHECK(has(d.reason, "not a mail message"));
}

TEST_CASE("MIME: quoted-printable, base64, charsets, multipart with the plain part first, HTML-only mail") {
  if (!mime::available()) {
    MESSAGE("skipped: built without GMime");
    return;
  }
  const std::string qp =
      "From: a@b\nSubject: =?utf-8?q?Caf=C3=A9_menu?=\nMIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Cr=E8me br=FBl=E9e for dessert, a soft=\n line break.\n";
  check_words(mail_text(qp), {"Café menu", "Crème brûlée", "a soft line break"}, {"=E8", "=\n"});
  const std::string multipart =
      "From: a@b\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=XX\n\n"
      "preamble\n--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
      "UGxhaW4gd29yZHMgb2YgdGhlIG1lc3NhZ2Uu\n"  // "Plain words of the message."
      "--XX\nContent-Type: text/html\n\n<p>Html <b>words</b></p>\n--XX--\n";
  check_words(mail_text(multipart), {"Plain words of the message."}, {"Html", "boundary", "preamble"});
  const std::string html_only =
      "From: a@b\nSubject: news\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
      "<html><body><p>Visible &amp; decoded</p><script>var hidden;</script></body></html>\n";
  check_words(mail_text(html_only), {"Visible & decoded"}, {"hidden", "<p>"});
}
