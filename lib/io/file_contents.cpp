#include "io/file_contents.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>

#include <unbake/core/errors.hpp>

namespace unbake::io {
namespace {

testing::ReadHook& hook() {
  static testing::ReadHook h;
  return h;
}

[[noreturn]] void fail(const std::string& path, const char* what, int err) {
  throw InputError("cannot read " + path + ": " + what + (err ? std::string(": ") + std::strerror(err) : ""));
}

[[noreturn]] void changed(const std::string& path) { throw InputError(path + " changed while it was read"); }

// Devices are refused before they are opened: /dev/zero and /dev/urandom
// never end, and opening some devices (a tape, a modem) has effects.
void refuse_device_mode(const std::string& path, mode_t mode) {
  if (S_ISCHR(mode)) throw InputError(path + ": is a character device, not a file");
  if (S_ISBLK(mode)) throw InputError(path + ": is a block device, not a file");
}

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kGiB = std::size_t{1} << 30, kMiB = std::size_t{1} << 20;
  if (bytes % kGiB == 0) return std::to_string(bytes / kGiB) + " GiB";
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

class Fd {
 public:
  Fd(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~Fd() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

// One read(2), retried when a signal interrupts it; returns the bytes read.
std::size_t read_some(int fd, char* into, std::size_t wanted, const std::string& path) {
  for (;;) {
    const ssize_t n = ::read(fd, into, wanted);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) fail(path, "read failed", errno);
  }
}

// Large buffers are aligned to and advised as huge pages: the copy out of the
// page cache then costs half as much as with 4 KiB pages, whose faults
// dominate a 40 MB read (measured).
constexpr std::size_t kHugePage = std::size_t{2} << 20;

char* allocate(std::size_t bytes) {
  if (bytes < 2 * kHugePage) return static_cast<char*>(std::malloc(bytes));
  const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p) ::madvise(p, rounded, MADV_HUGEPAGE);  // only advice: fine if refused
  return static_cast<char*>(p);
}

bool same_time(const timespec& a, const timespec& b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

}  // namespace

void refuse_device(const std::string& path) {
  struct stat st {};
  if (path != "-" && ::stat(path.c_str(), &st) == 0) refuse_device_mode(path, st.st_mode);
}

void FileContents::Free::operator()(char* p) const { std::free(p); }

void testing::set_read_hook(ReadHook h) { hook() = std::move(h); }

FileContents::FileContents(const std::string& path) {
  const bool standard_input = path == "-";
  if (!standard_input) refuse_device(path);
  struct stat st {};
  Fd fd(standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC), !standard_input);
  if (fd.get() < 0) fail(path, "cannot open", errno);
  if (::fstat(fd.get(), &st) != 0) fail(path, "cannot stat", errno);
  if (S_ISDIR(st.st_mode)) fail(path, "it is a folder", 0);
  refuse_device_mode(path, st.st_mode);  // also when it replaced the file since stat

  // A regular file is read in one piece of the size fstat gives, plus one
  // byte to notice growth. An empty regular file is read like a stream:
  // files in /proc and /sys say 0 bytes and still have contents.
  if (S_ISREG(st.st_mode) && st.st_size > 0 && !standard_input) {
    const auto expected = static_cast<std::size_t>(st.st_size);
    const std::size_t capacity = expected + 1;
    bytes_.reset(allocate(capacity));
    if (!bytes_) throw std::bad_alloc();
    const std::size_t chunk = hook().chunk_bytes ? hook().chunk_bytes : capacity;
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    for (;;) {
      const std::size_t asked = std::min(chunk, capacity - size_);
      const std::size_t got = read_some(fd.get(), bytes_.get() + size_, asked, path);
      size_ += got;
      if (got == 0 || size_ == capacity) break;
      if (hook().after_chunk) hook().after_chunk(size_);
    }
    struct stat after {};
    if (::fstat(fd.get(), &after) != 0) fail(path, "cannot stat", errno);
    if (size_ != expected || after.st_size != st.st_size || !same_time(after.st_mtim, st.st_mtim) ||
        !same_time(after.st_ctim, st.st_ctim))
      changed(path);
    return;
  }

  const std::size_t limit = hook().stream_limit;
  std::size_t capacity = 0;
  for (;;) {
    if (size_ == capacity) {
      // Room for one byte past the limit, to tell "exactly the limit" from "more".
      const std::size_t grown = std::min(std::max<std::size_t>(capacity * 2, 1 << 16), limit + 1);
      Buffer bigger(allocate(grown));
      if (!bigger) throw std::bad_alloc();
      if (size_) std::memcpy(bigger.get(), bytes_.get(), size_);
      bytes_ = std::move(bigger);
      capacity = grown;
    }
    const std::size_t got = read_some(fd.get(), bytes_.get() + size_, capacity - size_, path);
    if (got == 0) break;
    size_ += got;
    if (size_ > limit)
      throw InputError(path + ": a stream larger than " + size_text(limit) + "; save it to a file first");
  }
}

}  // namespace unbake::io
