#pragma once
// How an output path is understood before anything is written to it: the
// file a chain of symbolic links ends at, and the descriptor that names like
// /dev/stdout or /dev/fd/N stand for. Shared by the writer (atomic_file) and
// the checks that run before any work (output_guard), so both agree on which
// file an output really is.
#include <string>

namespace unbake::io {

// Follows symbolic links to the path they end at (which may not exist yet),
// so that a link to an output has its target replaced and stays a link.
// Stops at /proc/self/fd/N and friends: the descriptor is what is written.
// Throws OutputError after 40 links (a loop).
std::string resolve_links(const std::string& path);

// The descriptor named by /dev/fd/N or /proc/self/fd/N (after resolve_links:
// /proc/<our pid>/fd/N), or -1. Such an output is written to the descriptor
// itself: opening the name again would start at offset 0 and overwrite what
// was already written there.
int named_descriptor(const std::string& resolved);

// True for "-" and for a name of an open descriptor (/dev/stdout, /dev/fd/N):
// outputs written after the files, where a closed reader ends the run.
bool is_stream_output(const std::string& path);

}  // namespace unbake::io
