#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unbake/core/errors.hpp>
#include <unbake/io/atomic_file.hpp>

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
fs::path fresh_dir(const char* name) {
  auto d =
      fs::temp_directory_path() / (std::string("unbake-test-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST_CASE("write_atomically replaces a file only after a complete write") {
  auto dir = fresh_dir("atomic");
  auto target = dir / "out.txt";
  unbake::io::write_atomically(target.string(), [](std::ostream& o) { o << "first"; });
  CHECK(slurp(target) == "first");

  // A writer that fails half-way leaves the earlier file untouched and no temp file.
  CHECK_THROWS(unbake::io::write_atomically(target.string(), [](std::ostream& o) {
    o << "half";
    throw std::runtime_error("boom");
  }));
  CHECK(slurp(target) == "first");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("write_atomically reports a missing folder as OutputError") {
  CHECK_THROWS_AS(
      unbake::io::write_atomically("/nonexistent-unbake-dir/x.txt", [](std::ostream& o) { o << "x"; }),
      unbake::OutputError);
}

TEST_CASE("write_atomically writes straight through to a device and reports a full disk") {
  if (!fs::exists("/dev/full")) return;
  CHECK_THROWS_AS(unbake::io::write_atomically("/dev/full",
                                               [](std::ostream& o) {
                                                 for (int i = 0; i < 100000; ++i) o << "0123456789";
                                               }),
                  unbake::OutputError);
  CHECK(fs::is_character_file("/dev/full"));  // not replaced by a rename
}

TEST_CASE("check_output_folder finds a missing folder before any work") {
  CHECK_THROWS_AS(unbake::io::check_output_folder("/nonexistent-unbake-dir/x.json"), unbake::OutputError);
  CHECK_NOTHROW(unbake::io::check_output_folder("-"));
  CHECK_NOTHROW(unbake::io::check_output_folder(""));
  CHECK_NOTHROW(unbake::io::check_output_folder("relative-file.json"));
  CHECK_NOTHROW(unbake::io::check_output_folder(fs::temp_directory_path().string() + "/x.json"));
}

TEST_CASE("remove_pending_temp_files removes a file still being written, and only that") {
  auto dir = fresh_dir("pending");
  auto done = dir / "done.txt";
  unbake::io::write_atomically(done.string(), [](std::ostream& o) { o << "finished"; });
  auto target = dir / "out.txt";
  // What a SIGINT handler does in the middle of a write: the temp file goes,
  // so the rename fails and the target never appears.
  CHECK_THROWS_AS(unbake::io::write_atomically(target.string(),
                                               [&](std::ostream& o) {
                                                 o << "half";
                                                 o.flush();
                                                 unbake::io::remove_pending_temp_files();
                                               }),
                  unbake::OutputError);
  CHECK_FALSE(fs::exists(target));
  CHECK(slurp(done) == "finished");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("write_atomically through a symbolic link replaces the target and keeps the link") {
  auto dir = fresh_dir("link");
  fs::create_directories(dir / "real");
  unbake::io::write_atomically((dir / "real" / "out.txt").string(), [](std::ostream& o) { o << "old"; });
  fs::create_symlink("real/out.txt", dir / "link.txt");
  unbake::io::write_atomically((dir / "link.txt").string(), [](std::ostream& o) { o << "new"; });
  CHECK(fs::is_symlink(dir / "link.txt"));
  CHECK(slurp(dir / "real" / "out.txt") == "new");
  fs::remove_all(dir);
}

TEST_CASE("write_atomically keeps a replaced file's mode, and other hard links keep the old content") {
  auto dir = fresh_dir("mode");
  auto target = dir / "out.txt";
  unbake::io::write_atomically(target.string(), [](std::ostream& o) { o << "old"; });
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
  fs::create_hard_link(target, dir / "other.txt");
  unbake::io::write_atomically(target.string(), [](std::ostream& o) { o << "new"; });
  CHECK(slurp(target) == "new");
  CHECK(fs::status(target).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(slurp(dir / "other.txt") == "old");
  fs::remove_all(dir);
}

TEST_CASE(
    "write_atomically writes a name as long as the folder allows, cutting the temp name between characters") {
  auto dir = fresh_dir("long");
  // 125 two-byte characters and "x.csv": 255 bytes, the usual NAME_MAX.
  std::string name;
  for (int i = 0; i < 125; ++i) name += "\xc3\xa9";
  name += "x.csv";
  std::string temp;
  unbake::io::write_atomically((dir / name).string(), [&](std::ostream& o) {
    for (const auto& e : fs::directory_iterator(dir)) temp = e.path().filename().string();
    o << "x";
  });
  CHECK(slurp(dir / name) == "x");
  const auto marker = temp.find(".unbake-tmp-");
  REQUIRE(marker != std::string::npos);
  CHECK(temp.size() <= 255);
  // What is kept of the name is whole characters only: an even number of
  // bytes, each pair a complete one.
  CHECK(marker % 2 == 0);
  CHECK(temp.compare(0, marker, name, 0, marker) == 0);
  // One byte more is refused before any work.
  CHECK_THROWS_AS(unbake::io::check_output_folder((dir / ("a" + name)).string()), unbake::OutputError);
  fs::remove_all(dir);
}
