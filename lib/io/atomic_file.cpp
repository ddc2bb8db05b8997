#include <unbake/io/atomic_file.hpp>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <streambuf>
#include <string_view>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/io/output_path.hpp>
#include "core/log.hpp"

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

// Holds back every signal that can be held, except those a fault raises in
// this very thread, while a temp file exists but is not yet in the table, so
// that no signal can strand it.
class InterruptsHeld {
 public:
  InterruptsHeld() {
    sigset_t held;
    sigfillset(&held);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS}) sigdelset(&held, sig);
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

// Standard output through a descriptor buffer too, so that a full disk or a
// reader that went away (EPIPE) is reported with its reason.
void write_standard_output(const std::function<void(std::ostream&)>& write) {
  std::cout.flush();  // whatever went to std::cout before comes first
  if (!std::cout) throw OutputError("cannot write to standard output");
  FdBuf buf(STDOUT_FILENO);
  std::ostream out(&buf);
  write(out);
  out.flush();
  if (!buf.flush_all() || buf.error() != 0 || !out)
    throw OutputError("cannot write to standard output" +
                      (buf.error() ? std::string(": ") + std::strerror(buf.error()) : ""));
}

// The X's are replaced by random letters; the marker is how a leftover temp
// file is recognised.
constexpr std::string_view kTempSuffix = ".unbake-tmp-XXXXXX";

// Replaces the six characters before the terminating NUL of `name` with
// letters and digits drawn from a per-process seed and a counter, so names
// differ between processes and between the threads of one.
void fill_random_suffix(std::vector<char>& name) {
  static const std::uint64_t seed = std::random_device{}() ^ (static_cast<std::uint64_t>(::getpid()) << 32);
  static std::atomic<std::uint64_t> counter{0};
  std::uint64_t x = seed + 0x9E3779B97F4A7C15ULL * (counter.fetch_add(1) + 1);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  x ^= x >> 31;
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t i = name.size() - 7; i < name.size() - 1; ++i, x /= 62) name[i] = kAlphabet[x % 62];
}

long name_max(const std::string& folder) {
  const long n = ::pathconf(folder.c_str(), _PC_NAME_MAX);
  return n > 0 ? n : 255;
}

std::string folder_prefix(const std::string& target) {
  const auto slash = target.rfind('/');
  return slash == std::string::npos ? "" : target.substr(0, slash + 1);
}

// The temp file's path beside `target`. The copied part of the base name is
// cut, at a UTF-8 character boundary, so that the temp name fits the folder's
// NAME_MAX and its path PATH_MAX even when the target's own name is as long
// as they allow.
std::string temp_template(const std::string& target) {
  const std::string prefix = folder_prefix(target);
  std::string base = target.substr(prefix.size());
  const long room = std::min<long>(name_max(prefix.empty() ? "." : prefix),
                                   PATH_MAX - 1 - static_cast<long>(prefix.size())) -
                    static_cast<long>(kTempSuffix.size());
  if (static_cast<long>(base.size()) > room) {
    std::size_t cut = room > 0 ? static_cast<std::size_t>(room) : 0;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
    base.resize(cut);
  }
  return prefix + base + std::string(kTempSuffix);
}

// A replaced file keeps its owner, group and mode, as it would if the shell's
// `>` had written into it; a new file gets what an ordinary new file gets
// (the temp file is created 0600).
void set_attributes(int fd, const struct stat* previous) {
  if (previous == nullptr) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    return;
  }
  // Owner first, then the mode. Only root may give a file away (EPERM
  // otherwise); an owner may still hand it to one of their groups. Failing
  // both, the file is the writer's own. Set-user and set-group-id bits are
  // not carried over: a report is data, and `>` by another user clears them.
  if (::fchown(fd, previous->st_uid, previous->st_gid) != 0 &&
      ::fchown(fd, static_cast<uid_t>(-1), previous->st_gid) != 0) {
    // Kept as the writer's: nothing else a caller could do.
  }
  ::fchmod(fd, previous->st_mode & 01777);
}

// Whether this process may replace the existing file, judged by the
// effective ids as the shell's `>` is: root may replace a read-only file.
int replace_permission_error(const std::string& resolved) {
  return ::faccessat(AT_FDCWD, resolved.c_str(), W_OK, AT_EACCESS) == 0 ? 0 : errno;
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
  if (resolved.size() >= PATH_MAX || temp_template(resolved).size() >= PATH_MAX)
    fail(path, "its path is longer than the system allows (" + std::to_string(PATH_MAX - 1) + " bytes)",
         ENAMETOOLONG);
  const auto folder = std::filesystem::path(resolved).parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder))
    throw OutputError("cannot write " + path + ": folder " + folder.string() + " does not exist");
  const std::string dir = folder.empty() ? "." : folder.string();
  const std::string name = resolved.substr(folder_prefix(resolved).size());
  if (const long most = name_max(dir); static_cast<long>(name.size()) > most)
    fail(path,
         "its name has " + std::to_string(name.size()) + " bytes, more than the " + std::to_string(most) +
             " its folder allows",
         ENAMETOOLONG);
  struct stat st {};
  if (::stat(resolved.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail(path, "it is a folder", 0);
    // An existing device or FIFO is written straight through: its folder may be read-only.
    if (!S_ISREG(st.st_mode)) return;
    if (const int err = replace_permission_error(resolved)) fail(path, "no permission to replace it", err);
  }
  if (::faccessat(AT_FDCWD, dir.c_str(), W_OK, AT_EACCESS) != 0)
    fail(path, "folder " + dir + " is not writable", errno);
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write_standard_output(write);
    return;
  }
  const std::string target = resolve_links(path);
  if (const int fd = named_descriptor(target); fd >= 0) {
    std::cout.flush();  // whatever went to stdout before comes first
    write_through(path, fd, write);
    return;
  }
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
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
  if (exists)
    if (const int err = replace_permission_error(target)) fail(path, "no permission to replace it", err);

  std::string tmpl = temp_template(target);
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = -1, slot = -1, err = 0;
  {
    // The name is published in the table before the file exists, so that a
    // signal delivered to any thread (this one holds them, OpenMP's workers
    // do not) finds it there: at worst the handler unlinks a name not yet
    // created. mkstemp would create the file before the name could be published.
    InterruptsHeld held;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
      fill_random_suffix(name);
      slot = claim_slot(name.data());
      fd = ::open(name.data(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      err = fd < 0 ? errno : 0;
      if (fd < 0) release_slot(slot), slot = -1;
      if (fd < 0 && err != EEXIST) break;
    }
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
  set_attributes(fd, exists ? &st : nullptr);
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
  // The rename gives this name a new file; other names of the old one keep
  // the old content, which the user may not expect.
  if (exists && st.st_nlink > 1)
    log().warn("{}: replaced; its {} other hard link(s) still hold the previous content", path,
               st.st_nlink - 1);
}

}  // namespace unbake::io
