#include <unbake/io/output_guard.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <system_error>

#include <unbake/core/errors.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/io/output_path.hpp>

namespace unbake::io {
namespace {

namespace fs = std::filesystem;

// What an output or input is, for deciding whether two of them are one.
struct Identity {
  enum Kind { kExempt, kStream, kFile, kNewFile } kind = kExempt;
  int fd = -1;           // kStream
  bool regular = false;  // kStream: the descriptor is a regular file (`> out.json`)
  dev_t dev = 0;         // kFile: the file; kNewFile: its folder; kStream: the file when regular
  ino_t ino = 0;
  std::string name;  // kNewFile: its name in that folder
  fs::path folder;   // kFile, kNewFile: the folder as written (resolved links)

  // A file by device and inode: an existing output, or standard output
  // redirected to a file.
  bool is_file() const { return kind == kFile || (kind == kStream && regular); }

  bool same_as(const Identity& o) const {
    if (is_file() && o.is_file() && dev == o.dev && ino == o.ino) return true;
    if (kind != o.kind) return false;
    switch (kind) {
      case kStream:
        return fd == o.fd;
      case kFile:
        return dev == o.dev && ino == o.ino;
      case kNewFile:
        return dev == o.dev && ino == o.ino && name == o.name;
      case kExempt:
        break;
    }
    return false;
  }
};

std::optional<struct stat> stat_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return std::nullopt;
  return st;
}

Identity stream_identity(int fd) {
  Identity id;
  id.kind = Identity::kStream;
  id.fd = fd;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    id.regular = true;
    id.dev = st.st_dev;
    id.ino = st.st_ino;
  }
  return id;
}

Identity identify_output(const std::string& path) {
  if (path == "-") return stream_identity(STDOUT_FILENO);
  const std::string resolved = resolve_links(path);
  if (const int fd = named_descriptor(resolved); fd >= 0) return stream_identity(fd);
  Identity id;
  const fs::path file(resolved);
  id.folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  id.name = file.filename().string();
  if (const auto st = stat_of(file)) {
    // FIFOs and devices are written straight through and may be shared.
    if (!S_ISREG(st->st_mode)) return id;
    id.kind = Identity::kFile;
    id.dev = st->st_dev;
    id.ino = st->st_ino;
    return id;
  }
  if (const auto st = stat_of(id.folder); st && S_ISDIR(st->st_mode)) {
    id.kind = Identity::kNewFile;
    id.dev = st->st_dev;
    id.ino = st->st_ino;
  }
  return id;
}

std::string stream_name(int fd) {
  return fd == STDOUT_FILENO ? "standard output" : "descriptor " + std::to_string(fd);
}

// How a message names an output: the option and its path, or the report a
// command prints on standard output when no option redirects it.
std::string describe(const std::string& option, const std::string& path) {
  return option.empty() ? "the printed report (" + std::string(path == "-" ? "standard output" : path) + ")"
                        : option + " " + path;
}

// A folder as a chain of its ancestors, nearest first. Two chains are walked:
// the real one (symbolic links resolved), and the one as spelled, since the
// reader follows a linked subfolder of the input folder (corp/sub -> /data).
std::vector<fs::path> folder_spellings(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (fs::path real = fs::canonical(folder, ec); !ec) out.push_back(real);
  fs::path spelled = fs::absolute(folder, ec);
  if (!ec) {
    spelled = spelled.lexically_normal();
    if (!spelled.has_filename() && spelled != spelled.root_path()) spelled = spelled.parent_path();
    out.push_back(spelled);
  }
  return out;
}

}  // namespace

void OutputGuard::input_file(const std::string& path) {
  if (!path.empty()) inputs_.push_back({path, nullptr, nullptr});
}

void OutputGuard::input_documents(const std::string& path, ReadsAsDocument reads, ListsDocuments documents) {
  if (path.empty()) return;
  const auto st = stat_of(path);
  // A single document is just a file the run reads.
  if (st && S_ISDIR(st->st_mode))
    inputs_.push_back({path, std::move(reads), std::move(documents)});
  else
    inputs_.push_back({path, nullptr, nullptr});
}

void OutputGuard::output(const std::string& option, const std::string& path) {
  if (!path.empty()) outputs_.push_back({option, path});
}

void OutputGuard::check() const {
  for (const auto& o : outputs_) check_output_folder(o.path);

  std::vector<Identity> outs;
  for (const auto& o : outputs_) outs.push_back(identify_output(o.path));

  for (std::size_t i = 0; i < outs.size(); ++i)
    for (std::size_t j = i + 1; j < outs.size(); ++j) {
      if (!outs[i].same_as(outs[j])) continue;
      // `fit --json /dev/stdout` asks for the JSON after the printed report,
      // on the same descriptor (written in that order); `--json -` replaces
      // the report instead, and `--w -` beside a printed summary would mix.
      // So does any named descriptor (`--json /dev/stderr > all.log 2>&1`):
      // how the shell shares one file between descriptors is its caller's choice.
      const bool appended_to_report = outs[i].kind == Identity::kStream &&
                                      outs[j].kind == Identity::kStream &&
                                      ((outputs_[i].option.empty() && outputs_[j].path != "-") ||
                                       (outputs_[j].option.empty() && outputs_[i].path != "-"));
      if (appended_to_report) continue;
      const std::string both = describe(outputs_[i].option, outputs_[i].path) + " and " +
                               describe(outputs_[j].option, outputs_[j].path);
      if (outs[i].kind == Identity::kStream && outs[j].kind == Identity::kStream && outs[i].fd == outs[j].fd)
        throw UsageError("outputs " + both + " both write to " + stream_name(outs[i].fd));
      throw UsageError("outputs " + both + " are the same file");
    }

  const bool any_existing =
      std::any_of(outs.begin(), outs.end(), [](const Identity& o) { return o.is_file(); });
  for (const auto& in : inputs_) {
    const auto st = stat_of(in.path);
    if (!st) continue;  // reading it will report the problem
    for (std::size_t i = 0; i < outs.size(); ++i) {
      const Identity& out = outs[i];
      if (out.is_file() && !in.reads && out.dev == st->st_dev && out.ino == st->st_ino)
        throw UsageError("output " + describe(outputs_[i].option, outputs_[i].path) +
                         " is the same file as input " + in.path);
      if (!in.reads || (out.kind != Identity::kFile && out.kind != Identity::kNewFile)) continue;
      for (const fs::path& spelling : folder_spellings(out.folder)) {
        fs::path folder = spelling, below = out.name;
        for (;;) {
          const auto here = stat_of(folder);
          if (here && here->st_dev == st->st_dev && here->st_ino == st->st_ino && in.reads(below))
            throw UsageError("output " + outputs_[i].option + " " + outputs_[i].path +
                             " is inside input folder " + in.path + ", which reads it as a document");
          if (folder == folder.root_path() || !folder.has_filename()) break;
          below = folder.filename() / below;
          folder = folder.parent_path();
        }
      }
    }
    if (!any_existing || !in.documents) continue;
    for (const std::string& doc : in.documents()) {
      const auto here = stat_of(doc);
      if (!here) continue;
      for (std::size_t i = 0; i < outs.size(); ++i)
        if (outs[i].is_file() && outs[i].dev == here->st_dev && outs[i].ino == here->st_ino)
          throw UsageError("output " + describe(outputs_[i].option, outputs_[i].path) + " is the document " +
                           doc + " of input folder " + in.path);
    }
  }
}

void write_in_order(const std::vector<PendingWrite>& writes) {
  for (const auto& w : writes)
    if (!w.path.empty() && !is_stream_output(w.path)) w.write();
  for (const auto& w : writes)
    if (!w.path.empty() && is_stream_output(w.path)) w.write();
}

}  // namespace unbake::io
