#include "text/mail.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace unbake::text::mail {

namespace {

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool istarts(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ieq(s.substr(0, prefix.size()), prefix);
}

bool iends(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ieq(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Lines without their end (LF, and a CR before it).
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    auto line = s.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// A field name is printable ASCII other than ':' and space (RFC 5322 2.2).
std::size_t field_name_length(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] > ' ' && line[i] < 127 && line[i] != ':') ++i;
  return i > 0 && i < line.size() && line[i] == ':' ? i : 0;
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

bool has_address(std::string_view s) {
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1))
    if (at > 0 && at + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[at - 1])) &&
        std::isalnum(static_cast<unsigned char>(s[at + 1])))
      return true;
  return false;
}

bool has_url(std::string_view s) {
  return s.find("http://") != std::string_view::npos || s.find("https://") != std::string_view::npos ||
         s.find("www.") != std::string_view::npos || s.find("ftp.") != std::string_view::npos;
}

// Seven or more digits among digits, spaces, dots, dashes, parentheses and
// '+': a phone or fax number.
bool has_phone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+' && c != '/')
      digits = digits >= 7 ? digits : 0;
    if (digits >= 7) return true;
  }
  return false;
}

// "-----", "=====", "_____", "*****": a rule drawn above a signature.
bool is_rule(std::string_view line) {
  line = trim(line);
  if (line.size() < 3) return false;
  const char c = line.front();
  if (c != '-' && c != '=' && c != '_' && c != '*' && c != '~' && c != '#' && c != '+') return false;
  return std::all_of(line.begin(), line.end(), [c](char x) { return x == c || x == ' '; });
}

bool is_signature_mark(std::string_view line) { return line == "-- " || line == "--"; }

bool is_quoted(std::string_view line) {
  if (!line.empty() && line.front() == '|') return true;
  const auto t = trim(line);
  return !t.empty() && t.front() == '>';
}

// "In article <x@y> z@w (Name) writes:", "On Mon, ... Name wrote:",
// "Quoted from ...": the line introducing a quotation.
bool is_lead_in(std::string_view line) {
  const auto t = trim(line);
  if (istarts(t, "In article") || istarts(t, "Quoted from") || istarts(t, "In message <")) return true;
  static constexpr std::array<std::string_view, 5> kEnds{"writes:", "wrote:", "says:", "said:", "writes"};
  for (auto e : kEnds)
    if (iends(t, e) && t.size() < 200) return true;
  return t.find("writes in") != std::string_view::npos && t.size() < 200;
}

// Few letters among the visible characters: ASCII art, rules, code names.
bool mostly_non_letters(std::string_view s) {
  std::size_t letters = 0, visible = 0;
  for (unsigned char c : s) {
    if (c <= ' ') continue;
    ++visible;
    if (std::isalpha(c) || c >= 0x80) ++letters;
  }
  return visible > 0 && letters * 2 < visible;
}

// Host names as written in addresses and signatures ("cs.cmu.edu",
// "ftp.uu.net"): labels of letters, digits and dashes, the last a common
// top-level domain, so that "e.g." and "3.1.2" are words and numbers.
bool is_host(std::string_view t) {
  const auto dot = t.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == t.size()) return false;
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  if (t.find("..") != std::string_view::npos) return false;
  std::string tld;
  for (char c : t.substr(dot + 1))
    tld.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static constexpr std::array<std::string_view, 24> kTlds{
      "com", "edu", "org", "net", "gov", "mil", "int", "uk", "de", "ca", "au", "fr",
      "nl",  "se",  "fi",  "jp",  "it",  "ch",  "at",  "be", "dk", "no", "es", "us"};
  return std::find(kTlds.begin(), kTlds.end(), tld) != kTlds.end();
}

// Addresses, URLs and host names are how a message is routed and signed,
// not what it says: their parts (edu, cmu, netcom) would become topic words.
std::string without_addresses(std::string_view line) {
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      out.push_back(line[i++]);
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    auto token = line.substr(i, j - i);
    auto core = token;
    while (!core.empty() && std::string_view("<([{\"'").find(core.front()) != std::string_view::npos)
      core.remove_prefix(1);
    while (!core.empty() && std::string_view(">)]}\"',;:.!?").find(core.back()) != std::string_view::npos)
      core.remove_suffix(1);
    const bool drop = has_address(core) || has_url(core) || core.starts_with("ftp://") || is_host(core);
    if (!drop) out.append(token);
    i = j;
  }
  return out;
}

}  // namespace

Headers parse_headers(std::string_view bytes) {
  Headers h;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    auto end = bytes.find('\n', pos);
    const std::size_t next = end == std::string_view::npos ? bytes.size() : end + 1;
    auto line = bytes.substr(pos, (end == std::string_view::npos ? bytes.size() : end) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      h.body_offset = next;
      h.complete = !h.fields.empty();
      return h;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !h.fields.empty()) {
      auto& v = h.fields.back().value;
      const auto more = trim(line);
      if (!more.empty()) v += (v.empty() ? "" : " ") + std::string(more);
    } else if (const auto n = field_name_length(line); n > 0) {
      h.fields.push_back({std::string(line.substr(0, n)), std::string(trim(line.substr(n + 1)))});
    } else {
      h.body_offset = pos;
      return h;
    }
    pos = next;
  }
  h.body_offset = bytes.size();
  h.complete = !h.fields.empty();
  return h;
}

std::string field(const Headers& h, std::string_view name) {
  for (const auto& f : h.fields)
    if (ieq(f.name, name)) return f.value;
  return "";
}

std::size_t mbox_separator_length(std::string_view bytes) {
  if (!bytes.starts_with("From ")) return 0;
  const auto end = bytes.find('\n');
  return end == std::string_view::npos ? bytes.size() : end + 1;
}

bool looks_like_message(std::string_view bytes) {
  bytes.remove_prefix(mbox_separator_length(bytes));
  // A header block is short; looking at its first 64 KiB keeps this cheap.
  const auto h = parse_headers(bytes.substr(0, 65536));
  if (!h.complete || h.fields.size() < 2) return false;
  static constexpr std::array<std::string_view, 8> kFields{
      "From", "Subject", "Date", "Message-ID", "Newsgroups", "Received", "Return-Path", "Path"};
  for (const auto& f : h.fields)
    for (auto k : kFields)
      if (ieq(f.name, k)) return true;
  return false;
}

std::vector<std::pair<std::size_t, std::size_t>> split_mbox(std::string_view bytes) {
  std::vector<std::size_t> starts;  // offsets of "From " lines
  if (bytes.starts_with("From ")) starts.push_back(0);
  for (std::size_t p = bytes.find("\nFrom "); p != std::string_view::npos; p = bytes.find("\nFrom ", p + 1)) {
    // After a blank line (LF LF or CRLF CRLF), or as the very first line.
    const bool after_blank =
        (p >= 1 && bytes[p - 1] == '\n') || (p >= 2 && bytes[p - 1] == '\r' && bytes[p - 2] == '\n');
    if (after_blank || p == 0) starts.push_back(p + 1);
  }
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t begin = starts[i] + mbox_separator_length(bytes.substr(starts[i]));
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : bytes.size();
    out.emplace_back(begin, end > begin ? end - begin : 0);
  }
  return out;
}

std::string strip_reply_prefixes(std::string_view subject) {
  auto s = trim(subject);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"re:", "fwd:", "fw:", "aw:", "sv:", "wg:", "tr:"}) {
      if (istarts(s, p)) {
        s = trim(s.substr(p.size()));
        again = true;
      }
    }
  }
  return std::string(s);
}

bool is_reply_subject(std::string_view subject) {
  const auto s = trim(subject);
  return istarts(s, "re:") || istarts(s, "aw:") || istarts(s, "sv:") || istarts(s, "re[");
}

namespace {

// Leading spaces. Tabs do not count: code is indented with them, signatures
// are drawn with spaces.
std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// Where the last block of `lines` (after its last blank line) starts, or 0
// when there is no blank line.
std::size_t last_block_start(const std::vector<std::string_view>& lines) {
  for (std::size_t i = lines.size(); i-- > 0;)
    if (is_blank(lines[i])) return i + 1;
  return 0;
}

constexpr std::size_t kSignatureIndent = 16;

}  // namespace

std::string clean_body(std::string_view body) {
  auto lines = split_lines(body);
  // The signature: from the last "-- " line on (RFC 3676 4.3).
  for (std::size_t i = lines.size(); i-- > 0;)
    if (is_signature_mark(lines[i])) {
      lines.resize(i);
      break;
    }
  // Quotations and the lines that introduce them.
  std::vector<std::string_view> kept;
  kept.reserve(lines.size());
  for (auto line : lines)
    if (!is_quoted(line) && !is_lead_in(line)) kept.push_back(line);
  auto drop_trailing_blanks = [&kept] {
    while (!kept.empty() && is_blank(kept.back())) kept.pop_back();
  };
  drop_trailing_blanks();
  // A rule among the last lines sets off a signature that has no "-- ".
  constexpr std::size_t kSignatureLines = 8;
  for (std::size_t i = kept.size(); i-- > 0 && kept.size() - i <= kSignatureLines + 1;)
    if (is_rule(kept[i]) && i > 0) {
      kept.resize(i);
      drop_trailing_blanks();
      break;
    }
  // A last block drawn far to the right: quotations and art in signatures are
  // set there, where body text (even text indented as a quotation) is not.
  // The block above it is then only taken for a name (a line or two).
  bool drawn = false;
  if (const std::size_t block = last_block_start(kept);
      block > 0 && kept.size() - block <= kSignatureLines &&
      std::all_of(kept.begin() + static_cast<std::ptrdiff_t>(block), kept.end(),
                  [](std::string_view l) { return leading_spaces(l) >= kSignatureIndent; })) {
    kept.resize(block);
    drop_trailing_blanks();
    drawn = true;
  }
  // A short last block, set off by a blank line, that reads as a signature.
  std::size_t last_blank = kept.size();
  for (std::size_t i = kept.size(); i-- > 0;)
    if (is_blank(kept[i])) {
      last_blank = i;
      break;
    }
  // A name, a title, an affiliation: a few short lines that end no sentence.
  if (last_blank < kept.size() && last_blank > 0 && kept.size() - last_blank - 1 <= 6) {
    const std::size_t lines_in_block = kept.size() - last_blank - 1;
    bool contact = false, short_lines = lines_in_block <= 3;
    std::string block;
    for (std::size_t i = last_blank + 1; i < kept.size(); ++i) {
      const auto l = trim(kept[i]);
      contact = contact || has_address(l) || has_url(l) || has_phone(l);
      short_lines =
          short_lines && l.size() <= 40 && !l.ends_with('.') && !l.ends_with('?') && !l.ends_with('!');
      block.append(l).push_back(' ');
    }
    if (drawn ? short_lines && lines_in_block <= 2 : contact || short_lines || mostly_non_letters(block)) {
      kept.resize(last_blank);
      drop_trailing_blanks();
    }
  }
  std::string out;
  out.reserve(body.size());
  for (auto l : kept) out.append(without_addresses(l)).push_back('\n');
  return out;
}

}  // namespace unbake::text::mail
