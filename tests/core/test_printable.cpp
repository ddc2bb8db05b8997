#include <doctest/doctest.h>

#include <string>

#include <unbake/core/printable.hpp>

using unbake::printable;

TEST_CASE("printable passes ordinary text of any script unchanged") {
  for (const std::string s :
       {"", "plain name.txt", "caf\xc3\xa9", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
        "\xe3\x83\x97\xe3\x83\xa9\xe3\x82\xb0", "emoji \xf0\x9f\x8d\xb0", "back\\slash"})
    CHECK(printable(s) == s);
}

TEST_CASE("printable escapes C0 controls and DEL") {
  CHECK(printable("a\nb") == "a\\nb");
  CHECK(printable("a\tb\r") == "a\\tb\\r");
  CHECK(printable("\x1b[31mred") == "\\x1b[31mred");
  CHECK(printable(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(printable("del\x7f") == "del\\x7f");
}

TEST_CASE("printable escapes C1 controls and bidirectional overrides") {
  CHECK(printable("a\xc2\x85z") == "a\\u0085z");  // NEL
  CHECK(printable("\xc2\x9b"
                  "2J") == "\\u009b2J");  // CSI
  CHECK(printable("txt.\xe2\x80\xae"
                  "exe") == "txt.\\u202eexe");  // RIGHT-TO-LEFT OVERRIDE
  for (unsigned c = 0x202A; c <= 0x202E; ++c) {
    const std::string s{'\xe2', '\x80', static_cast<char>(0x80 | (c & 0x3F))};
    CHECK(printable(s).find("\\u202") == 0);
  }
  for (unsigned c = 0x2066; c <= 0x2069; ++c) {
    const std::string s{'\xe2', '\x81', static_cast<char>(0x80 | (c & 0x3F))};
    CHECK(printable(s).find("\\u206") == 0);
  }
  CHECK(printable("\xe2\x80\x8f") == "\xe2\x80\x8f");  // RLM is a mark, not an override: kept
}

TEST_CASE("printable shows bytes that are not UTF-8 as hex") {
  CHECK(printable("caf\xe9") == "caf\\xe9");
  CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");           // overlong
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // surrogate
  CHECK(printable("\xe2\x80") == "\\xe2\\x80");           // cut short
}

TEST_CASE("printable output holds no control byte at all") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  const std::string out = printable(all);
  for (unsigned char c : out) CHECK((c >= 0x20 && c != 0x7f));
}
