#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unicode/ustring.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>
#include "text/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/text/reader.hpp>
#include "text/decode.hpp"
#include "text/text_test_files.hpp"

namespace fs = std::filesystem;
using unbake::text::DocumentRef;
using unbake::text::list_documents;
using unbake::text::read_document;
using unbake::text::ReaderOptions;

namespace {

fs::path fresh_dir(const std::string& name) { return unbake::test::fresh_dir("unbake-reader", name); }
void put(const fs::path& p, const std::string& bytes) { unbake::test::write_file(p, bytes); }

std::vector<std::string> ids(const unbake::text::Listing& l) {
  std::vector<std::string> out;
  for (const auto& d : l.documents) out.push_back(d.id);
  return out;
}

std::string reason_for(const unbake::text::Listing& l, const std::string& path) {
  for (const auto& s : l.skipped)
    if (s.path == path) return s.reason;
  return "";
}

DocumentRef ref_to(const fs::path& p) { return {p.filename().string(), p}; }

// Writes `bytes` to a file and reads it back through the reader.
unbake::text::ReadOutcome read_bytes(const fs::path& dir, const std::string& bytes,
                                     const ReaderOptions& o = {}) {
  const auto p = dir / "doc.txt";
  put(p, bytes);
  return read_document(ref_to(p), o);
}

}  // namespace

TEST_CASE("reader lists nested folders with ids sorted bytewise") {
  const auto dir = fresh_dir("sorted");
  for (const char* f : {"b/z.txt", "a/y.txt", "a.txt", "A.txt", "a/b/c.txt", "NOTES", "a/b/d.md"})
    put(dir / f, std::string("text of ") + f);
  const auto l = list_documents(dir.string(), ReaderOptions{});
  // '.' (0x2E) sorts before '/' (0x2F) and capitals before lower case.
  CHECK(ids(l) ==
        std::vector<std::string>{"A.txt", "NOTES", "a.txt", "a/b/c.txt", "a/b/d.md", "a/y.txt", "b/z.txt"});
  CHECK(l.skipped.empty());
  for (const auto& d : l.documents) {
    CHECK(*read_document(d, {}).text == "text of " + d.id);
  }
  // A trailing slash on the root changes nothing.
  CHECK(ids(list_documents(dir.string() + "/", {})) == ids(l));
  fs::remove_all(dir);
}

TEST_CASE("reader skips hidden files and folders without recording them") {
  const auto dir = fresh_dir("hidden");
  put(dir / "seen.txt", "x");
  put(dir / ".hidden.txt", "x");
  put(dir / ".git/config.txt", "x");
  put(dir / "sub/.secret", "x");
  put(dir / "sub/ok.txt", "x");
  const auto l = list_documents(dir.string(), {});
  CHECK(ids(l) == std::vector<std::string>{"seen.txt", "sub/ok.txt"});
  CHECK(l.skipped.empty());
  fs::remove_all(dir);
}

TEST_CASE("reader extension filter is case-insensitive and knows files without extension") {
  const auto dir = fresh_dir("ext");
  for (const char* f : {"a.TXT", "b.md", "NOTES", "foo.tar.gz", "c.txt"}) put(dir / f, "x");
  ReaderOptions o;
  o.extensions = {".txt"};
  CHECK(ids(list_documents(dir.string(), o)) == std::vector<std::string>{"a.TXT", "c.txt"});
  o.extensions = {".GZ", ""};
  const auto l = list_documents(dir.string(), o);
  CHECK(ids(l) == std::vector<std::string>{"NOTES", "foo.tar.gz"});
  CHECK(l.skipped.empty());  // other files are not documents, and not faults: they are counted
  CHECK(l.not_read.ignored == std::map<std::string, long>{{".md", 1}, {".txt", 2}});
  fs::remove_all(dir);
}

TEST_CASE("reader accounts for every file: ignored by extension, README at the root, excluded by pattern") {
  const auto dir = fresh_dir("not-read");
  for (const char* f : {"README.md", "LICENSE", "a.txt", "b.txt", "x.log", "y.LOG", "z.gz", "drafts/c.txt",
                        "drafts/old/d.txt", "sub/README.md", "sub/e.txt", "sub/notes.tmp.txt"})
    put(dir / f, "x");
  ReaderOptions o;
  auto l = list_documents(dir.string(), o);
  // A README below the root is a document like any other.
  CHECK(ids(l) == std::vector<std::string>{"a.txt", "b.txt", "drafts/c.txt", "drafts/old/d.txt",
                                           "sub/README.md", "sub/e.txt", "sub/notes.tmp.txt"});
  CHECK(l.not_read.readme_files == std::vector<std::string>{"LICENSE", "README.md"});
  CHECK(l.not_read.ignored == std::map<std::string, long>{{".gz", 1}, {".log", 2}});
  CHECK(l.not_read.excluded == 0);
  CHECK(describe_not_read(l.not_read, 0, false) ==
        "LICENSE, README.md left out as the corpus's own description; 3 files ignored by extension: .log 2, "
        ".gz 1");
  o.include_readme = true;
  o.exclude = {"drafts", "*.tmp.txt"};  // a name (at any depth), a pattern of names
  l = list_documents(dir.string(), o);
  CHECK(ids(l) ==
        std::vector<std::string>{"LICENSE", "README.md", "a.txt", "b.txt", "sub/README.md", "sub/e.txt"});
  CHECK(l.not_read.excluded == 2);  // the folder drafts (not walked) and sub/notes.tmp.txt
  o.exclude = {"sub/*.txt"};        // with '/': a path below the root, '*' not crossing a '/'
  l = list_documents(dir.string(), o);
  CHECK(ids(l) == std::vector<std::string>{"LICENSE", "README.md", "a.txt", "b.txt", "drafts/c.txt",
                                           "drafts/old/d.txt", "sub/README.md"});
  o.exclude = {""};
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
  fs::remove_all(dir);
}

TEST_CASE("reader accepts a single file as root") {
  const auto dir = fresh_dir("single");
  put(dir / "notes.md", "one file");
  ReaderOptions o;
  o.extensions = {".txt"};  // naming the file explicitly overrides the filter
  const auto l = list_documents((dir / "notes.md").string(), o);
  REQUIRE(l.documents.size() == 1);
  CHECK(l.documents[0].id == "notes.md");
  CHECK(*read_document(l.documents[0], o).text == "one file");
  fs::remove_all(dir);
}

TEST_CASE("reader follows folder symlinks once and terminates on loops") {
  const auto dir = fresh_dir("links");
  const auto outside = fresh_dir("links-outside");
  put(dir / "a/file.txt", "inside");
  put(outside / "e.txt", "outside");
  fs::create_directory_symlink(dir, dir / "a/loop");   // back to the root
  fs::create_directory_symlink(dir / "a", dir / "b");  // second link to a
  fs::create_directory_symlink(outside, dir / "c");    // the only way to reach outside
  fs::create_symlink(dir / "missing.txt", dir / "dangling.txt");
  const auto l = list_documents(dir.string(), {});
  CHECK(ids(l) == std::vector<std::string>{"a/file.txt", "c/e.txt"});
  CHECK(reason_for(l, "a/loop").find("already visited") != std::string::npos);
  CHECK(reason_for(l, "b").find("already visited") != std::string::npos);
  CHECK(reason_for(l, "dangling.txt") == "broken symbolic link");
  fs::remove_all(dir);
  fs::remove_all(outside);
}

TEST_CASE("reader skips a FIFO without opening it for reading") {
  const auto dir = fresh_dir("fifo");
  put(dir / "ok.txt", "x");
  REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0600) == 0);
  // Listing would hang forever here if it opened the FIFO.
  const auto l = list_documents(dir.string(), {});
  CHECK(ids(l) == std::vector<std::string>{"ok.txt"});
  CHECK(reason_for(l, "pipe.txt") == "not a regular file (FIFO)");
  // A FIFO that replaced a listed file is refused at read time, again without waiting.
  const auto r = read_document(ref_to(dir / "pipe.txt"), {});
  CHECK_FALSE(r.text);
  CHECK(r.skip_reason == "not a regular file (FIFO)");
  fs::remove_all(dir);
}

TEST_CASE("reader skips binary, oversized and vanished files with a reason") {
  const auto dir = fresh_dir("skips");
  auto bin = read_bytes(dir, std::string("abc\0def", 7));
  CHECK_FALSE(bin.text);
  CHECK(bin.skip_reason.find("binary") != std::string::npos);

  put(dir / "big/large.txt", std::string(200, 'x'));
  put(dir / "big/small.txt", std::string(50, 'x'));
  ReaderOptions tiny;
  tiny.max_file_mb = 0.0001;  // about 104 bytes
  // Plain files are not inspected while listing; the size limit applies when read.
  const auto l = list_documents((dir / "big").string(), tiny);
  CHECK(ids(l) == std::vector<std::string>{"large.txt", "small.txt"});
  auto big = read_document(l.documents.at(0), tiny);
  CHECK_FALSE(big.text);
  CHECK(big.skip_reason.find("larger than 0.0001 MB") != std::string::npos);

  const auto doc = l.documents.at(1);
  fs::remove(doc.path);
  auto gone = read_document(doc, tiny);
  CHECK_FALSE(gone.text);
  CHECK(gone.skip_reason.find("unreadable") != std::string::npos);
  fs::remove_all(dir);
}

namespace {

// Takes every free file descriptor (under a lowered limit), so that the next
// open fails with EMFILE as under a low `ulimit -n`; gives them back after.
struct NoFreeDescriptors {
  rlimit saved{};
  std::vector<int> held;
  NoFreeDescriptors() {
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
    rlimit low = saved;
    low.rlim_cur = std::min<rlim_t>(saved.rlim_cur, 256);
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
    for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) held.push_back(fd);
  }
  ~NoFreeDescriptors() {
    for (int fd : held) ::close(fd);
    ::setrlimit(RLIMIT_NOFILE, &saved);
  }
};

}  // namespace

TEST_CASE("reader stops on too many open files instead of skipping documents") {
  const auto dir = fresh_dir("emfile");
  put(dir / "a.txt", "apple");
  put(dir / "sub/b.txt", "banana");
  const auto listing = list_documents(dir.string(), {});
  REQUIRE(listing.documents.size() == 2);
  std::string reading, listing_error;
  {
    NoFreeDescriptors none;
    try {
      read_document(listing.documents.at(0), {});
    } catch (const unbake::InputError& e) {
      reading = e.what();
    }
    try {
      list_documents(dir.string(), {});
    } catch (const unbake::InputError& e) {
      listing_error = e.what();
    }
  }
  CHECK(reading.rfind((dir / "a.txt").string() + ": cannot read: Too many open files (", 0) == 0);
  CHECK(reading.find("ulimit -n") != std::string::npos);
  CHECK(listing_error.rfind(dir.string() + ": cannot read folder: Too many open files (", 0) == 0);
  // Other errors stay per-file skips.
  fs::remove(dir / "a.txt");
  CHECK(read_document(listing.documents.at(0), {}).skip_reason == "unreadable: No such file or directory");
  fs::remove_all(dir);
}

TEST_CASE("reader removes a UTF-8 BOM and keeps CR LF") {
  const auto dir = fresh_dir("bom");
  auto r = read_bytes(dir, "\xEF\xBB\xBFhello\r\nworld");
  REQUIRE(r.text);
  CHECK(*r.text == "hello\r\nworld");
  CHECK_FALSE(r.transcoded);
  fs::remove_all(dir);
}

TEST_CASE("reader decodes windows-1252 in auto mode and refuses it in strict utf-8") {
  const auto dir = fresh_dir("cp1252");
  const std::string legacy = "caf\xe9 \x93quoted\x94";
  auto r = read_bytes(dir, legacy);
  REQUIRE(r.text);
  CHECK(*r.text == "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");  // café “quoted”
  CHECK(r.transcoded);

  ReaderOptions strict;
  strict.encoding = "utf-8";
  auto s = read_bytes(dir, legacy, strict);
  CHECK_FALSE(s.text);
  CHECK(s.skip_reason == "not valid UTF-8 (invalid byte at offset 3)");

  // A named legacy converter: ISO-8859-1 maps 0x93 to the C1 control U+0093.
  ReaderOptions latin1;
  latin1.encoding = "ISO-8859-1";
  auto l1 = read_bytes(dir, legacy, latin1);
  REQUIRE(l1.text);
  CHECK(*l1.text == "caf\xC3\xA9 \xC2\x93quoted\xC2\x94");

  // A UTF-16 file with a BOM is recognised in auto mode despite its NUL bytes.
  auto w = read_bytes(dir, std::string("\xFF\xFEh\0i\0", 6));
  REQUIRE(w.text);
  CHECK(*w.text == "hi");
  fs::remove_all(dir);
}

TEST_CASE("reader strict named encodings report undecodable bytes") {
  const auto dir = fresh_dir("strict");
  ReaderOptions o;
  o.encoding = "US-ASCII";
  auto r = read_bytes(dir, "plain then \xff", o);
  CHECK_FALSE(r.text);
  CHECK(r.skip_reason.find("offset 11") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("reader find_invalid_utf8 agrees with ICU on random byte strings") {
  using unbake::text::find_invalid_utf8;
  constexpr auto ok = std::string_view::npos;
  CHECK(find_invalid_utf8("plain ascii text, long enough for the 8-byte path") == ok);
  CHECK(find_invalid_utf8("\xF0\x9F\x8D\xB0 cake \xC3\xA9") == ok);
  CHECK(find_invalid_utf8("\xC0\x80") == 0);                // overlong NUL
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);            // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);        // above U+10FFFF
  CHECK(find_invalid_utf8("0123456789abc\xE2\x82") == 13);  // truncated after the fast path
  CHECK(find_invalid_utf8("0123456789abcdef\x80x") == 16);  // stray continuation byte

  std::mt19937 rng(7);
  const unsigned char pieces[] = {'a',  ' ',  0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED,
                                  0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90, 0x8F, 0x9F};
  int valid = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string s(rng() % 12, ' ');
    for (auto& c : s) c = static_cast<char>(pieces[rng() % sizeof pieces]);
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    UChar buf[64];
    u_strFromUTF8(buf, 64, &len, s.data(), static_cast<int32_t>(s.size()), &err);
    const bool icu_ok = U_SUCCESS(err);
    valid += icu_ok;
    CHECK_MESSAGE((find_invalid_utf8(s) == ok) == icu_ok,
                  "bytes: ", nlohmann::json::binary({s.begin(), s.end()}));
  }
  CHECK(valid > 100);  // the generator produces both kinds
}

TEST_CASE("reader options validate, round-trip through JSON and name bad values") {
  ReaderOptions o;
  CHECK_NOTHROW(o.validate());
  o.encoding = "windows-1252";
  CHECK_NOTHROW(o.validate());
  o.encoding = "no-such-charset";
  CHECK_THROWS_WITH_AS(o.validate(), doctest::Contains("no-such-charset"), unbake::UsageError);
  o.encoding = "";
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
  o = {};
  o.extensions = {"txt"};
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
  o = {};
  o.max_file_mb = 0;
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);

  o = {};
  o.extensions = {".md", ""};
  o.max_file_mb = 2.5;
  o.encoding = "utf-8";
  const nlohmann::json j = o;
  const auto back = j.get<ReaderOptions>();
  CHECK(back.extensions == o.extensions);
  CHECK(back.max_file_mb == o.max_file_mb);
  CHECK(back.encoding == o.encoding);
  auto partial = j;
  partial.erase("encoding");
  CHECK_THROWS(partial.get<ReaderOptions>());

  const nlohmann::json s = unbake::text::SkippedFile{"a/b.txt", "binary"};
  CHECK(s == nlohmann::json{{"path", "a/b.txt"}, {"reason", "binary"}});
}

TEST_CASE("reader reports a missing root and accepts an empty folder") {
  const auto dir = fresh_dir("empty");
  CHECK(list_documents(dir.string(), {}).documents.empty());
  const auto missing = (dir / "nope").string();
  CHECK_THROWS_WITH_AS(list_documents(missing, {}), (missing + ": no such file or folder").c_str(),
                       unbake::InputError);
  fs::remove_all(dir);
}

TEST_CASE("reader reads 20 Newsgroups train with 44 transcoded posts") {
  const fs::path root = UNBAKE_SOURCE_DIR "/../shared/corpora/20news/train";
  if (!fs::is_directory(root)) {
    MESSAGE("skipped: " << root << " is absent");
    return;
  }
  // As plain text: every byte of every post, headers and all.
  ReaderOptions text;
  text.format = "text";
  const auto l = list_documents(root.string(), text);
  CHECK(l.documents.size() == 11314);
  CHECK(l.skipped.empty());
  int transcoded = 0, skipped = 0;
  for (const auto& d : l.documents) {
    const auto r = read_document(d, text);
    skipped += !r.text;
    transcoded += r.transcoded;
    if (r.text) CHECK_MESSAGE(unbake::text::find_invalid_utf8(*r.text) == std::string_view::npos, d.id);
  }
  CHECK(skipped == 0);
  CHECK(transcoded == 44);
}

TEST_CASE("reader lists the default corpus: six themes of twelve short documents") {
  const auto l = list_documents(UNBAKE_SOURCE_DIR "/corpora/default", {});
  std::map<std::string, int> per_theme;
  for (const auto& d : l.documents) {
    if (d.id == "README.md") continue;
    ++per_theme[d.id.substr(0, d.id.find('/'))];
    const auto r = read_document(d, {});
    REQUIRE(r.text);
    CHECK_FALSE(r.transcoded);
  }
  CHECK(per_theme.size() == 6);
  for (const auto& [theme, count] : per_theme) CHECK_MESSAGE(count == 12, theme);
}

TEST_CASE("reader shows legacy file names as UTF-8 ids and keeps ids unique") {
  const auto dir = fresh_dir("names");
  put(dir / "one/caf\xe9.txt", "latin-1 name");
  const auto l1 = list_documents((dir / "one").string(), {});
  REQUIRE(l1.documents.size() == 1);
  CHECK(l1.documents[0].id == "caf\xC3\xA9.txt");
  CHECK(*read_document(l1.documents[0], {}).text == "latin-1 name");  // the raw path still opens

  put(dir / "two/caf\xe9.txt", "latin-1 name");
  put(dir / "two/caf\xC3\xA9.txt", "utf-8 name");
  const auto l2 = list_documents((dir / "two").string(), {});
  REQUIRE(l2.documents.size() == 1);
  CHECK(*read_document(l2.documents[0], {}).text == "utf-8 name");
  CHECK(reason_for(l2, "caf\xC3\xA9.txt").find("same name") != std::string::npos);
  fs::remove_all(dir);
}
