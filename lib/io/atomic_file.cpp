#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <streambuf>
#include <vector>

#include "core/errors.hpp"

namespace unbake::io {
namespace {

// Fixed-size table of temp paths in flight, readable from a signal handler.
// A slot is claimed (kClaimed) before its path is copied in and published
// (kReady) after, so the handler never unlinks a half-copied path.
constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathMax = 4096;
enum SlotState : int { kFree = 0, kClaimed = 1, kReady = 2 };
std::array<std::atomic<int>, kSlots> g_state{};
std::array<std::array<char, kPathMax>, kSlots> g_paths{};

int claim_slot(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (g_state[i].compare_exchange_strong(expected, kClaimed)) {
      std::memcpy(g_paths[i].data(), path.c_str(), path.size() + 1);
      g_state[i].store(kReady);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void release_slot(int slot) {
  if (slot >= 0) g_state[static_cast<std::size_t>(slot)].store(kFree);
}

// Holds back SIGINT, SIGTERM and SIGHUP while a temp file exists but is not
// yet in the table, so that an interrupt cannot strand it.
class InterruptsHeld {
 public:
  InterruptsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&held, sig);
    pthread_sigmask(SIG_BLOCK, &held, &previous_);
  }
  ~InterruptsHeld() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  InterruptsHeld(const InterruptsHeld&) = delete;
  InterruptsHeld& operator=(const InterruptsHeld&) = delete;

 private:
  sigset_t previous_{};
};

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

// The descriptor named by /dev/stdout, /dev/stderr, /dev/fd/N or
// /proc/self/fd/N (after resolve_links: /proc/<our pid>/fd/N), or -1. Such an
// output is written to the descriptor itself: opening the name again would
// start at offset 0 and overwrite what was already written there.
int named_descriptor(const std::string& resolved) {
  const std::string own = "/proc/" + std::to_string(::getpid()) + "/fd/";
  for (const std::string& prefix : {std::string("/dev/fd/"), std::string("/proc/self/fd/"), own}) {
    if (resolved.size() <= prefix.size() || resolved.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string number = resolved.substr(prefix.size());
    if (number.find_first_not_of("0123456789") != std::string::npos || number.size() > 6) return -1;
    return std::stoi(number);
  }
  return -1;
}

// Follows symbolic links to the file they name, so that the rename replaces
// the target and keeps the link (out.json -> ../shared/out.json).
std::string resolve_links(const std::string& path) {
  std::string current = path;
  for (int depth = 0; depth < 40; ++depth) {
    struct stat st {};
    // /proc/self/fd/N is itself a link, to the file behind the descriptor:
    // stop there, the descriptor is what must be written.
    if (named_descriptor(current) >= 0) return current;
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::read_symlink(current, ec);
    if (ec) return current;
    current = target.is_absolute() ? target.string()
                                   : (std::filesystem::path(current).parent_path() / target).string();
  }
  fail(path, "too many levels of symbolic links", ELOOP);
}

}  // namespace

void remove_pending_temp_files() noexcept {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (g_state[i].load() == kReady) ::unlink(g_paths[i].data());
}

void check_output_folder(const std::string& path) {
  if (path.empty() || path == "-") return;
  const std::string resolved = resolve_links(path);
  if (named_descriptor(resolved) >= 0) return;
  const auto folder = std::filesystem::path(resolved).parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder))
    throw OutputError("cannot write " + path + ": folder " + folder.string() + " does not exist");
  struct stat st {};
  if (::stat(resolved.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail(path, "it is a folder", 0);
    // An existing device or FIFO is written straight through: its folder may be read-only.
    if (!S_ISREG(st.st_mode)) return;
  }
  const std::string dir = folder.empty() ? "." : folder.string();
  if (::access(dir.c_str(), W_OK) != 0) fail(path, "folder " + dir + " is not writable", errno);
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw OutputError("cannot write to standard output");
    return;
  }
  const std::string target = resolve_links(path);
  if (const int fd = named_descriptor(target); fd >= 0) {
    std::cout.flush();  // whatever went to stdout before comes first
    write_through(path, fd, write);
    return;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) fail(path, "it is a folder", 0);
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
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

  std::string tmpl = target + ".unbake-tmp-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = -1, slot = -1, err = 0;
  {
    InterruptsHeld held;
    fd = ::mkstemp(name.data());
    if (fd >= 0)
      slot = claim_slot(name.data());
    else
      err = errno;
  }
  if (fd < 0) fail(path, "cannot create a file in its folder", err);
  std::string tmp(name.data());
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
    err = errno;
    discard();
    fail(path, "flush failed", err);
  }
  if (::close(fd) != 0) {
    err = errno;
    ::unlink(tmp.c_str());
    release_slot(slot);
    fail(path, "close failed", err);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    err = errno;
    ::unlink(tmp.c_str());
    release_slot(slot);
    fail(path, "rename failed", err);
  }
  release_slot(slot);
}

}  // namespace unbake::io
