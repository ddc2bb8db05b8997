#pragma once
// Mail messages as documents: what a reader of the message reads (its Subject
// and its own words), not the transport around them. Plain string functions,
// so the rules can be tested and fuzzed on strings alone; MIME decoding is in
// text/mime.hpp.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unbake::text::mail {

struct Header {
  std::string name;   // as written ("Subject")
  std::string value;  // unfolded: continuation lines joined by one space
};

struct Headers {
  std::vector<Header> fields;
  std::size_t body_offset = 0;  // first byte after the blank line ending the header block
  bool complete = false;        // a blank line (or the end of the bytes) ended a well-formed block
};

// The header block at the start of `bytes` (RFC 5322 fields, folded lines,
// CRLF or LF line ends). Parsing stops at the first line that is neither a
// field nor a continuation; such a block is not complete.
Headers parse_headers(std::string_view bytes);

// The value of the first field called `name` (case-insensitive), or "".
std::string field(const Headers& h, std::string_view name);

// Whether `bytes` start like a message: a complete header block of at least
// two fields, one of them a field that every mail or news message carries
// (From, Subject, Date, Message-ID, Newsgroups, Received, Return-Path, Path).
// An mbox "From " separator line before it is allowed.
bool looks_like_message(std::string_view bytes);

// Length of an mbox "From " separator line at the start of `bytes`
// (including its line end), or 0.
std::size_t mbox_separator_length(std::string_view bytes);

// Byte ranges [offset, offset + length) of the messages of an mbox, each
// without its "From " line. A "From " line starts a message at the start of
// the file or after a blank line, so that an unescaped "From " in a body
// (mboxo) does not split it.
std::vector<std::pair<std::size_t, std::size_t>> split_mbox(std::string_view bytes);

// The Subject without its reply and forward prefixes ("Re: Fwd: x" -> "x").
std::string strip_reply_prefixes(std::string_view subject);

// Whether a Subject is a reply's ("Re: x", "AW: x"): it quotes its thread's.
bool is_reply_subject(std::string_view subject);

// A message body (UTF-8) without what its writer did not write: quoted lines
// ('>' or '|' first), reply lead-ins ("In article <...> x writes:",
// "On ... wrote:"), the signature after a "-- " line or a separator rule near
// the end, and a short trailing block that reads as a signature (an address,
// a phone number, a URL or mostly non-letters); and, in what is left, e-mail
// addresses, URLs and host names.
std::string clean_body(std::string_view body);

}  // namespace unbake::text::mail
