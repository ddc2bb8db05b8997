#pragma once
// Checks made before any work so that a run never destroys data it was given:
// no output may be one of the run's inputs, another output, or a file that the
// run's own reading of a folder would take as a document. Files are compared
// by device and inode, so hard links, symbolic links and other spellings of a
// path (./x, a/../x) are caught; an output that does not exist yet is compared
// by its resolved folder and name. Standard output, descriptors (/dev/fd/N),
// FIFOs and devices are streams, not files, and are never "the same file";
// two outputs naming one descriptor are still refused, and a descriptor that
// is a regular file (`> report.txt`) is compared with files by its inode.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace unbake::io {

// Whether a reader of a folder would take the file at `relative` (a path
// below the folder) as a document.
using ReadsAsDocument = std::function<bool(const std::filesystem::path& relative)>;
// The paths of the documents a reader of a folder would read, for outputs
// that already exist: one may be a document through a symbolic link or a
// hard link that no path below the folder shows.
using ListsDocuments = std::function<std::vector<std::string>()>;

class OutputGuard {
 public:
  // A file the run reads (a matrix, a model, a stopword list).
  void input_file(const std::string& path);
  // A folder of documents, read recursively, or a single document.
  void input_documents(const std::string& path, ReadsAsDocument reads, ListsDocuments documents = nullptr);
  // An output and the option that named it (for messages); a path "" is
  // ignored. An empty option is the report a command prints on stdout ("-").
  void output(const std::string& option, const std::string& path);

  // Throws OutputError for an output that could not be written (see
  // check_output_folder) and UsageError for a collision, naming both paths.
  void check() const;

 private:
  struct Input {
    std::string path;
    ReadsAsDocument reads;  // empty for a single file
    ListsDocuments documents;
  };
  struct Output {
    std::string option, path;
  };
  std::vector<Input> inputs_;
  std::vector<Output> outputs_;
};

// One output's write, done by write_in_order.
struct PendingWrite {
  std::string path;  // "-" for the report printed on standard output; "" = not asked for
  std::function<void()> write;
};

// Writes every file first, in the order given, then everything that goes to
// standard output or a descriptor: a reader that stops early (`| head`) then
// costs the rest of the stream, never a file.
void write_in_order(const std::vector<PendingWrite>& writes);

}  // namespace unbake::io
