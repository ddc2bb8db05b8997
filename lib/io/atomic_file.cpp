#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <streambuf>
#include <vector>

#include "core/errors.hpp"

namespace unbake::io {
namespace {

// Fixed-size table of temp paths in flight, readable from a signal handler.
constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathMax = 4096;
std::array<std::atomic<bool>, kSlots> g_used{};
std::array<std::array<char, kPathMax>, kSlots> g_paths{};

int claim_slot(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_used[i].compare_exchange_strong(expected, true)) {
      std::memcpy(g_paths[i].data(), path.c_str(), path.size() + 1);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void release_slot(int slot) {
  if (slot >= 0) g_used[static_cast<std::size_t>(slot)] = false;
}

// A streambuf over a file descriptor that records the first write error, so
// that a full disk is detected at the write that failed rather than lost.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }
  bool flush_all() { return sync() == 0; }

 protected:
  int_type overflow(int_type ch) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    const char* p = pbase();
    while (p < pptr()) {
      ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno == EINTR) continue;
        if (error_ == 0) error_ = errno;
        setp(buf_.data(), buf_.data() + buf_.size());
        return -1;
      }
      p += n;
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return 0;
  }

 private:
  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buf_{};
};

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
  throw OutputError("cannot write " + path + ": " + what +
                    (err ? std::string(": ") + std::strerror(err) : ""));
}

void write_through(const std::string& path, int fd, const std::function<void(std::ostream&)>& write) {
  FdBuf buf(fd);
  std::ostream out(&buf);
  write(out);
  out.flush();
  if (!buf.flush_all() || buf.error() != 0 || !out) fail(path, "write failed", buf.error());
}

}  // namespace

void remove_pending_temp_files() noexcept {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (g_used[i].load()) ::unlink(g_paths[i].data());
}

void check_output_folder(const std::string& path) {
  if (path.empty() || path == "-") return;
  const auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder))
    throw OutputError("cannot write " + path + ": folder " + folder.string() + " does not exist");
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("cannot write to standard output");
    return;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) fail(path, "it is a folder", 0);
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open", errno);
    try {
      write_through(path, fd, write);
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
    return;
  }

  std::string tmpl = path + ".unbake-tmp-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) fail(path, "cannot create a file in its folder", errno);
  std::string tmp(name.data());
  int slot = claim_slot(tmp);
  auto discard = [&] {
    ::close(fd);
    ::unlink(tmp.c_str());
    release_slot(slot);
  };
  try {
    write_through(path, fd, write);
  } catch (...) {
    discard();
    throw;
  }
  // Keep the permissions an ordinary new file would get (mkstemp uses 0600).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 && errno != EINVAL) {
    int err = errno;
    discard();
    fail(path, "flush failed", err);
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    release_slot(slot);
    fail(path, "close failed", err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    release_slot(slot);
    fail(path, "rename failed", err);
  }
  release_slot(slot);
}

}  // namespace unbake::io
