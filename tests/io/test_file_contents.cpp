#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "io/file_contents.hpp"
#include "io_test_files.hpp"

using unbake::io::FileContents;
using unbake::test::input_error;
using unbake::test::scratch_dir;
using unbake::test::scratch_file;
namespace testing = unbake::io::testing;

namespace {

// Installs a read hook for one test and always removes it again.
struct HookGuard {
  explicit HookGuard(testing::ReadHook h) { testing::set_read_hook(std::move(h)); }
  ~HookGuard() { testing::set_read_hook({}); }
};

// The file's times set an hour back, so that a rewrite within the same
// clock tick still shows as a new mtime.
std::string aged_file(const std::string& name, const std::string& text) {
  const std::string path = scratch_file(name, text).string();
  const timespec past[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), past, 0) == 0);
  return path;
}

// Rewrites `path` in place as `cp` does: same inode, truncated, then written.
void overwrite(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
}

const std::string kText(10000, 'a');

}  // namespace

TEST_CASE("file contents: a regular file is read whole, in one piece or in many") {
  const std::string path = scratch_file("whole.txt", kText + "end").string();
  CHECK(FileContents(path).text() == kText + "end");
  HookGuard guard({1000, [](std::size_t) {}});
  CHECK(FileContents(path).text() == kText + "end");
  CHECK(FileContents(scratch_file("empty.txt", "").string()).text().empty());
}

TEST_CASE("file contents: a file truncated while it is read is an error, not a crash") {
  const std::string path = aged_file("shrinks.mtx", kText);
  HookGuard guard({1000, [&](std::size_t) { REQUIRE(::truncate(path.c_str(), 100) == 0); }});
  CHECK(input_error([&] { FileContents{path}; }) == path + " changed while it was read");
}

TEST_CASE("file contents: a file rewritten in place with the same size is an error") {
  const std::string path = aged_file("rewritten.mtx", kText);
  bool done = false;
  HookGuard guard({1000, [&](std::size_t) {
                     if (!done) overwrite(path, std::string(kText.size(), 'b'));
                     done = true;
                   }});
  CHECK(input_error([&] { FileContents{path}; }) == path + " changed while it was read");
}

TEST_CASE("file contents: a file that grows while it is read is an error") {
  const std::string path = aged_file("grows.mtx", kText);
  bool done = false;
  HookGuard guard({1000, [&](std::size_t) {
                     if (!done) overwrite(path, kText + kText);
                     done = true;
                   }});
  CHECK(input_error([&] { FileContents{path}; }) == path + " changed while it was read");
}

TEST_CASE("file contents: devices are refused, also through a symbolic link") {
  if (::access("/dev/zero", R_OK) != 0) return;
  CHECK(input_error([] { FileContents{"/dev/zero"}; }) == "/dev/zero: is a character device, not a file");
  const auto link = scratch_dir() / "zero.mtx";
  std::filesystem::create_symlink("/dev/zero", link);
  CHECK(input_error([&] { FileContents{link.string()}; }) ==
        link.string() + ": is a character device, not a file");
}

TEST_CASE("file contents: a stream is read up to its limit and refused beyond it") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string bytes(300, 'x');  // well below a pipe's buffer: no writer thread needed
  REQUIRE(::write(fds[1], bytes.data(), bytes.size()) == 300);
  ::close(fds[1]);
  const std::string path = "/proc/self/fd/" + std::to_string(fds[0]);
  SUBCASE("at the limit") {
    HookGuard guard({0, {}, 300});
    CHECK(FileContents(path).text() == bytes);
  }
  SUBCASE("beyond it") {
    HookGuard guard({0, {}, 299});
    CHECK(input_error([&] { FileContents{path}; }) ==
          path + ": a stream larger than 299 bytes; save it to a file first");
  }
  ::close(fds[0]);
  CHECK(unbake::io::kMaxStreamBytes == std::size_t{1} << 30);
}
