#include <unbake/text/reader.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include <set>
#include <system_error>
#include <tuple>
#include <utility>
#include "text/json.hpp"

#include <fmt/format.h>

#include <unbake/core/errors.hpp>
#include "io/gzip.hpp"
#include "text/decode.hpp"
#include "text/file_names.hpp"
#include "text/formats.hpp"
#include "text/mail.hpp"

namespace unbake::text {

namespace {

constexpr double kBytesPerMb = 1024.0 * 1024.0;
constexpr double kMaxFileMb = 16777216.0;  // 2^24

std::string errno_text(int code) { return std::error_code(code, std::generic_category()).message(); }

// Errors that say nothing about the file but that the process or the system
// ran out of something: skipping would silently drop documents that are fine
// (a low open-file limit once skipped a third of a corpus), so they stop the run.
bool out_of_resources(int err) { return err == EMFILE || err == ENFILE || err == ENOMEM || err == ENOBUFS; }

// Throws when `err` is a resource error: one line naming the file.
void stop_if_out_of_resources(int err, const std::string& path, const char* doing) {
  if (!out_of_resources(err)) return;
  const char* advice = err == EMFILE || err == ENFILE
                           ? "raise the open-file limit with `ulimit -n`, or use fewer threads"
                           : "free memory, check `ulimit -v` and `ulimit -n`, or use fewer threads";
  throw InputError(path + ": cannot " + doing + ": " + errno_text(err) + " (" + advice + ")");
}

// Called before validate() may have run: any value converts without overflow.
std::uint64_t max_bytes(const ReaderOptions& o) {
  const double bytes = std::floor(o.max_file_mb * kBytesPerMb);
  if (!(bytes > 0)) return 0;
  if (!(bytes < 18446744073709551616.0)) return std::numeric_limits<std::uint64_t>::max();  // 2^64
  return static_cast<std::uint64_t>(bytes);
}

std::string too_large_reason(std::uint64_t bytes, const ReaderOptions& o) {
  char buf[96];
  // The file's own size in bytes: a rounded MB figure can read like the limit itself.
  std::snprintf(buf, sizeof buf, "larger than %g MB (%llu bytes)", o.max_file_mb,
                static_cast<unsigned long long>(bytes));
  return buf;
}

std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  return "unknown kind";
}

// Ids end up in JSON and CSV outputs, which need UTF-8; a legacy (say
// Latin-1) file name is shown as windows-1252, like legacy file contents.
std::string utf8_name(const std::string& name) {
  if (find_invalid_utf8(name) == std::string_view::npos) return name;
  auto decoded = decode_document(name, "auto");
  return decoded.text ? *decoded.text : name;
}

// README.md, LICENSE, COPYING.txt, ...: a corpus's own description.
bool is_readme(const std::string& name) {
  std::string stem = name.substr(0, name.find('.'));
  for (char& c : stem)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  static const std::set<std::string> kNames{"README",  "LICENSE", "LICENCE",      "COPYING", "CHANGELOG",
                                            "CHANGES", "NOTICE",  "CONTRIBUTING", "AUTHORS", "CITATION"};
  return kNames.count(stem) != 0;
}

std::string not_regular_reason(mode_t mode) { return "not a regular file (" + kind_of(mode) + ")"; }

// Closes a descriptor on every return path.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads until end of file rather than trusting the size from fstat, so a file
// that grows or shrinks meanwhile is still read whole. A regular file returns
// fewer bytes than asked only at its end, so a short read ends the loop
// without a second call (one system call per document on large corpora).
// Returns 0 or an errno.
int read_all(int fd, std::size_t expected, std::uint64_t limit, std::string& bytes) {
  bytes.resize(expected + 1);
  std::size_t used = 0;
  for (;;) {
    if (used == bytes.size()) bytes.resize(bytes.size() * 2);
    const std::size_t asked = bytes.size() - used;
    const ssize_t got = ::read(fd, bytes.data() + used, asked);
    if (got < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
    if (used > limit) break;  // the caller reports it as too large
    if (static_cast<std::size_t>(got) < asked) break;
  }
  bytes.resize(used);
  return 0;
}

class Walker {
 public:
  Walker(const ReaderOptions& options, Listing& out)
      : options_(options), limit_(max_bytes(options)), out_(out) {
    for (const auto& e : options.extensions) extensions_.insert(lower_ascii(e));
  }

  // Files are checked with stat (which follows links) and never opened here:
  // opening a FIFO would block the whole listing.
  void add_file(const std::string& full, const std::string& id, const struct stat& st) {
    if (!S_ISREG(st.st_mode)) {
      skip(id, not_regular_reason(st.st_mode));
    } else if (is_mbox_name(id, options_.format)) {
      add_messages(full, id);
    } else if (static_cast<std::uint64_t>(st.st_size) > limit_) {
      skip(id, too_large_reason(static_cast<std::uint64_t>(st.st_size), options_));
    } else {
      out_.documents.push_back({id, full});
    }
  }

  // Returns false when the folder was seen before (through another link).
  bool enter(const struct stat& st) { return visited_.insert({st.st_dev, st.st_ino}).second; }

  // `prefix` is the folder's id followed by '/', or "" for the root.
  void walk(const std::string& dir, const std::string& prefix, bool is_root) {
    std::vector<Entry> names;
    if (const int err = list_names(dir, names); err != 0) {
      stop_if_out_of_resources(err, dir, "read folder");
      if (is_root) throw InputError(dir + ": cannot read folder: " + errno_text(err));
      skip(prefix.substr(0, prefix.size() - 1), "cannot read folder: " + errno_text(err));
    }
    // Sorted visiting order makes the choice between two links to one folder
    // (which path it is listed under) the same on every run.
    std::sort(names.begin(), names.end());
    for (const auto& [name, type] : names) {
      const std::string full = dir.ends_with('/') ? dir + name : dir + "/" + name;
      const std::string id = prefix + utf8_name(name);
      // A plain file needs no stat here (one system call per file saved on
      // large corpora): its size limit is checked when it is read.
      if (excluded(name, id)) {
        ++out_.not_read.excluded;
        continue;
      }
      if (type == DT_REG) {
        if (take(name, id, is_root)) {
          if (is_mbox_name(name, options_.format))
            add_messages(full, id);
          else
            out_.documents.push_back({id, full});
        }
        continue;
      }
      struct stat st;
      if (::stat(full.c_str(), &st) != 0) {
        const int err = errno;
        stop_if_out_of_resources(err, full, "inspect");
        if (!wanted(name)) continue;
        struct stat link;
        if (err == ELOOP)
          skip(id, "symbolic link loop");
        else if (::lstat(full.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
          skip(id, "broken symbolic link");
        else
          skip(id, "cannot inspect: " + errno_text(err));
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (enter(st))
          walk(full, id + "/", false);
        else
          skip(id, "folder already visited (symbolic link loop or second link to it)");
      } else if (S_ISREG(st.st_mode) ? take(name, id, is_root) : wanted(name)) {
        add_file(full, id, st);
      }
    }
  }

 private:
  // A selected extension, or a table that --text-column (--text-field) reads.
  bool wanted(const std::string& name) const {
    return extensions_.count(extension_of(name)) != 0 || is_table_name(name, options_);
  }

  // Whether a regular file is a document; counts it when it is not, by rule.
  bool take(const std::string& name, const std::string& id, bool at_root) {
    if (!wanted(name)) {
      ++out_.not_read.ignored[extension_of(name)];
      return false;
    }
    if (at_root && !options_.include_readme && is_readme(name)) {
      out_.not_read.readme_files.push_back(id);
      return false;
    }
    return true;
  }

  // An mbox is read here, once, to find its messages: each is a document
  // ("box.mbox#1", ...) with the size limit applying to it, not to the box.
  void add_messages(const std::string& full, const std::string& id) {
    FileDescriptor f{::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    struct stat st;
    if (f.fd < 0 || ::fstat(f.fd, &st) != 0) {
      const int err = errno;
      stop_if_out_of_resources(err, full, "read");
      skip(id, "unreadable: " + errno_text(err));
      return;
    }
    if (!S_ISREG(st.st_mode)) return skip(id, not_regular_reason(st.st_mode));
    std::string bytes;
    if (const int err = read_all(f.fd, static_cast<std::size_t>(st.st_size),
                                 std::numeric_limits<std::uint64_t>::max(), bytes);
        err != 0) {
      stop_if_out_of_resources(err, full, "read");
      return skip(id, "unreadable: " + errno_text(err));
    }
    const auto messages = mail::split_mbox(bytes);
    if (messages.empty()) return skip(id, "an mbox without a \"From \" line starting a message");
    for (std::size_t i = 0; i < messages.size(); ++i) {
      const std::string message_id = id + "#" + std::to_string(i + 1);
      if (messages[i].second > limit_) {
        skip(message_id, too_large_reason(messages[i].second, options_));
        continue;
      }
      out_.documents.push_back({message_id, full, true, messages[i].first, messages[i].second});
    }
  }

  bool excluded(const std::string& name, const std::string& id) const {
    for (const auto& pattern : options_.exclude) {
      const bool by_path = pattern.find('/') != std::string::npos;
      if (::fnmatch(pattern.c_str(), (by_path ? id : name).c_str(), by_path ? FNM_PATHNAME : 0) == 0)
        return true;
    }
    return false;
  }

  void skip(std::string id, std::string reason) {
    out_.skipped.push_back({std::move(id), std::move(reason)});
  }

  struct Entry {
    std::string name;
    unsigned char type;  // d_type: DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN, ...
    bool operator<(const Entry& o) const { return name < o.name; }
  };

  // Visible entries of a folder; returns 0 or the errno that stopped it.
  static int list_names(const std::string& dir, std::vector<Entry>& names) {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) return errno;
    int err = 0;
    for (;;) {
      errno = 0;
      const dirent* e = ::readdir(d);
      if (e == nullptr) {
        err = errno;
        break;
      }
      if (e->d_name[0] != '.') names.push_back({e->d_name, e->d_type});  // hidden, "." and ".."
    }
    ::closedir(d);
    return err;
  }

  const ReaderOptions& options_;
  const std::uint64_t limit_;
  Listing& out_;
  std::set<std::string> extensions_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

void ReaderOptions::validate() const {
  if (extensions.empty())
    throw UsageError("extensions", "is empty: select at least one (\"\" for files without an extension)");
  for (const auto& e : extensions) {
    if (!e.empty() && (e.size() < 2 || e[0] != '.' || e.find('/') != std::string::npos))
      throw UsageError("extensions", "'" + e + "' is not a dot and a name like \".txt\", nor \"\"");
  }
  // The bound keeps max_file_mb * 2^20 bytes exactly representable in the
  // 64-bit size it is compared with (2^24 MB is 16 TiB, far past any document).
  if (!(max_file_mb > 0) || !(max_file_mb <= kMaxFileMb))
    throw UsageError("max_file_mb", fmt::format("must be a positive number of at most {} (16 TiB), got {}",
                                                kMaxFileMb, max_file_mb));
  for (const auto& pattern : exclude)
    if (pattern.empty()) throw UsageError("exclude", "has an empty pattern");
  for (const auto& name : meta)
    if (name.empty()) throw UsageError("meta", "has an empty column name");
  static const std::set<std::string> kFormats{"auto", "text", "mail", "html", "pdf", "csv", "tsv", "jsonl"};
  if (kFormats.count(format) == 0)
    throw UsageError("format", "'" + format + "' is not one of auto, text, mail, html, pdf, csv, tsv, jsonl");
  if (!is_known_encoding(encoding))
    throw UsageError("encoding",
                     "'" + encoding + "' is not known (use auto, utf-8 or an ICU converter name)");
}

void to_json(nlohmann::json& j, const ReaderOptions& o) {
  j = nlohmann::json{{"extensions", o.extensions},
                     {"max_file_mb", o.max_file_mb},
                     {"encoding", o.encoding},
                     {"format", o.format},
                     {"text_column", o.text_column},
                     {"id_column", o.id_column},
                     {"text_field", o.text_field},
                     {"id_field", o.id_field},
                     {"exclude", o.exclude},
                     {"include_readme", o.include_readme},
                     {"dedupe", o.dedupe},
                     {"labels", o.labels},
                     {"meta", o.meta},
                     {"time_column", o.time_column},
                     {"group_column", o.group_column}};
}

void from_json(const nlohmann::json& j, ReaderOptions& o) {
  j.at("extensions").get_to(o.extensions);
  j.at("max_file_mb").get_to(o.max_file_mb);
  j.at("encoding").get_to(o.encoding);
  // Models written before tables were read have none of these.
  const ReaderOptions defaults;
  o.format = j.value("format", defaults.format);
  o.text_column = j.value("text_column", defaults.text_column);
  o.id_column = j.value("id_column", defaults.id_column);
  o.text_field = j.value("text_field", defaults.text_field);
  o.id_field = j.value("id_field", defaults.id_field);
  o.exclude = j.value("exclude", defaults.exclude);
  // Models from before README files were left out read them.
  o.include_readme = j.value("include_readme", true);
  o.dedupe = j.value("dedupe", defaults.dedupe);
  o.labels = j.value("labels", defaults.labels);
  o.meta = j.value("meta", defaults.meta);
  o.time_column = j.value("time_column", defaults.time_column);
  o.group_column = j.value("group_column", defaults.group_column);
}

const char* ReaderOptions::meta_field(const std::string& column) const {
  if (std::find(meta.begin(), meta.end(), column) != meta.end()) return "meta";
  return column == time_column ? "time_column" : "group_column";
}

std::vector<std::string> ReaderOptions::meta_columns() const {
  std::vector<std::string> out;
  auto add = [&out](const std::string& name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const auto& m : meta) add(m);
  add(time_column);
  add(group_column);
  return out;
}

void to_json(nlohmann::json& j, const SkippedFile& s) {
  j = nlohmann::json{{"path", s.path}, {"reason", s.reason}};
}

std::string describe_not_read(const NotRead& n, std::size_t duplicates, bool deduplicated) {
  std::vector<std::string> parts;
  if (!n.readme_files.empty()) {
    std::string names;
    for (const auto& f : n.readme_files) names += (names.empty() ? "" : ", ") + f;
    parts.push_back(names + " left out as the corpus's own description");
  }
  if (!n.ignored.empty()) {
    // Most frequent first: the extension a user may have meant to read leads.
    std::vector<std::pair<std::string, long>> by_count(n.ignored.begin(), n.ignored.end());
    std::stable_sort(by_count.begin(), by_count.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    long total = 0;
    std::string list;
    for (std::size_t i = 0; i < by_count.size(); ++i) {
      total += by_count[i].second;
      if (i < 8)
        list += fmt::format("{}{} {}", list.empty() ? "" : ", ",
                            by_count[i].first.empty() ? "(none)" : by_count[i].first, by_count[i].second);
    }
    if (by_count.size() > 8) list += ", ...";
    parts.push_back(fmt::format("{} files ignored by extension: {}", total, list));
  }
  if (n.excluded > 0) parts.push_back(fmt::format("{} excluded by pattern", n.excluded));
  if (duplicates > 0)
    parts.push_back(fmt::format("{} exact duplicates{}", duplicates,
                                deduplicated ? " dropped (the first of each kept)" : " kept as rows"));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

Listing list_documents(const std::string& root, const ReaderOptions& options) {
  Listing out;
  out.root = root;
  struct stat st;
  if (::stat(root.c_str(), &st) != 0) {
    const int err = errno;
    stop_if_out_of_resources(err, root, "inspect");
    if (err == ENOENT || err == ENOTDIR) throw InputError(root + ": no such file or folder");
    throw InputError(root + ": " + errno_text(err));
  }
  Walker walker(options, out);
  if (S_ISDIR(st.st_mode)) {
    walker.enter(st);
    // Ids must not start with "/" when the root is given with a trailing slash.
    std::string dir = root;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    walker.walk(dir, "", true);
  } else {
    // A single file named explicitly is read whatever its extension.
    walker.add_file(root, utf8_name(std::filesystem::path(root).filename().string()), st);
  }
  std::sort(out.documents.begin(), out.documents.end(), [](const DocumentRef& a, const DocumentRef& b) {
    return std::tie(a.id, a.path) < std::tie(b.id, b.path);
  });
  // Ids stay unique: only names that differ in encoding can collide, and the
  // first by path wins.
  std::vector<DocumentRef> unique;
  unique.reserve(out.documents.size());
  for (auto& d : out.documents) {
    if (!unique.empty() && unique.back().id == d.id)
      out.skipped.push_back({d.id, "another file has the same name once shown as UTF-8"});
    else
      unique.push_back(std::move(d));
  }
  out.documents = std::move(unique);
  std::sort(out.skipped.begin(), out.skipped.end(),
            [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
  return out;
}

bool would_list(const std::filesystem::path& relative, const ReaderOptions& options) {
  std::string last;
  for (const auto& part : relative) {
    last = part.string();
    if (last.empty() || last[0] == '.') return false;  // hidden, "." and ".." are never walked
  }
  if (last.empty()) return false;
  const std::string ext = extension_of(last);
  for (const auto& e : options.extensions)
    if (lower_ascii(e) == ext) return true;
  return is_table_name(last, options);
}

ReadOutcome read_document(const DocumentRef& doc, const ReaderOptions& options) {
  ReadOutcome r;
  auto skipped = [&r](std::string reason) {
    r.skip_reason = std::move(reason);
    return r;
  };
  // O_NONBLOCK: if a FIFO has replaced the file since listing, open must not
  // wait for a writer.
  // A file that cannot be read is skipped with the reason; running out of
  // descriptors or memory is not the file's fault and stops the run.
  auto unreadable = [&](int err) {
    stop_if_out_of_resources(err, doc.path.string(), "read");
    return skipped("unreadable: " + errno_text(err));
  };
  FileDescriptor f{::open(doc.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (f.fd < 0) return unreadable(errno);
  struct stat st;
  if (::fstat(f.fd, &st) != 0) return unreadable(errno);
  if (!S_ISREG(st.st_mode)) return skipped(not_regular_reason(st.st_mode));
  const std::uint64_t limit = max_bytes(options);
  if (!doc.part && static_cast<std::uint64_t>(st.st_size) > limit)
    return skipped(too_large_reason(static_cast<std::uint64_t>(st.st_size), options));

  std::string bytes;
  if (doc.part) {
    // One message of an mbox (listed with its range).
    if (::lseek(f.fd, static_cast<off_t>(doc.offset), SEEK_SET) < 0) return unreadable(errno);
    if (const int err = read_all(f.fd, static_cast<std::size_t>(doc.length), limit, bytes); err != 0)
      return unreadable(err);
    if (bytes.size() > doc.length) bytes.resize(static_cast<std::size_t>(doc.length));
  } else {
    if (const int err = read_all(f.fd, static_cast<std::size_t>(st.st_size), limit, bytes); err != 0)
      return unreadable(err);
  }
  if (bytes.size() > limit) return skipped(too_large_reason(bytes.size(), options));

  // notes.txt.gz is notes.txt, compressed: its text, and its format by the inner name.
  std::string name = doc.path.filename().string();
  if (!doc.part && is_gz_name(name) && io::looks_gzipped(bytes)) {
    try {
      bytes = io::gunzip(bytes, doc.id, static_cast<std::size_t>(std::min<std::uint64_t>(limit, SIZE_MAX)));
    } catch (const InputError& e) {
      // The message names the file; the skip reason need not again.
      std::string reason = e.what();
      if (reason.starts_with(doc.id + ": ")) reason.erase(0, doc.id.size() + 2);
      return skipped(reason);
    }
    name.resize(name.size() - 3);
  }
  const FileFormat format = doc.part ? FileFormat::mail : file_format(name, bytes, options.format);
  Decoded d = document_text(std::move(bytes), format, options.encoding);
  if (!d.text) return skipped(std::move(d.reason));
  r.text = std::move(d.text);
  r.transcoded = d.transcoded;
  return r;
}

}  // namespace unbake::text
