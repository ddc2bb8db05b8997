#pragma once
// A whole input file as one contiguous read-only view. Regular files are
// memory-mapped so that large matrices are parsed in place without copying;
// pipes and devices (/dev/stdin) are read into memory instead.
#include <string>
#include <string_view>

namespace unbake::io {

class MappedFile {
 public:
  // Throws InputError naming `path` when it cannot be opened or read (missing
  // file, a folder, no permission).
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return view_; }

 private:
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string copy_;  // used when the file cannot be mapped
  std::string_view view_;
};

}  // namespace unbake::io
