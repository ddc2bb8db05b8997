#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"

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
