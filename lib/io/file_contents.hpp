#pragma once
// A whole input file read into memory with read(2), checked to be the same
// file from the first byte to the last. Inputs are not memory-mapped: a mapped
// file that shrinks while it is parsed kills the process with SIGBUS, and a
// library must not install a process-wide signal handler to survive that.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace unbake::io {

// Pipes, FIFOs and standard input announce no size, so they are read up to
// this many bytes: a stream without end (yes | unbake ...) must not take all
// memory. Larger inputs belong in a file.
inline constexpr std::size_t kMaxStreamBytes = std::size_t{1} << 30;

class FileContents {
 public:
  // `path` "-" is standard input. Throws InputError naming `path` when it
  // cannot be opened or read (missing, a folder, no permission), is a
  // character or block device, is a stream beyond kMaxStreamBytes, or is a
  // regular file whose size, mtime or ctime changed while it was read (it
  // was truncated, grown or rewritten meanwhile).
  explicit FileContents(const std::string& path);

  std::string_view text() const { return {bytes_.get(), size_}; }

 private:
  struct Free {
    void operator()(char* p) const;
  };
  using Buffer = std::unique_ptr<char, Free>;
  Buffer bytes_;
  std::size_t size_ = 0;
};

// Throws the InputError FileContents gives for a character or block device
// (links followed), without opening it; other paths pass. For callers that
// look at a path's name first, so that a device is named as what it is.
void refuse_device(const std::string& path);

namespace testing {

// Test-only: a regular file is then read in pieces of `chunk_bytes`, with
// `after_chunk` called after each (given the bytes read so far), so a test
// can change the file midway deterministically; streams stop at
// `stream_limit` bytes instead of kMaxStreamBytes. The default reads normally.
struct ReadHook {
  std::size_t chunk_bytes = 0;
  std::function<void(std::size_t read_so_far)> after_chunk;
  std::size_t stream_limit = kMaxStreamBytes;
};
void set_read_hook(ReadHook hook);

}  // namespace testing

}  // namespace unbake::io
