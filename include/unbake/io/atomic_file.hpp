#pragma once
// Writing outputs so that a failed run never leaves a half-written file and
// never clobbers a good one: data goes to a temporary file beside the target,
// which is renamed over the target only after everything was written and
// flushed. Targets that are not regular files (/dev/stdout, a FIFO, /dev/full)
// and "-" (stdout) are written straight through: renaming over them would
// replace the device node instead of writing to it. /dev/stdout, /dev/fd/N
// and /proc/self/fd/N are written to the open descriptor itself, after what
// was already written there. A symbolic link is followed: its target is
// replaced and the link stays. A replaced file keeps its mode, owner and group
// (where the user may set them); a file the user could not write is refused,
// as the shell's `>` would refuse it. Temporary names are shortened to fit
// the folder's NAME_MAX, so any name the folder allows can be written.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace unbake::io {

// Calls `write` with a stream, then commits. Throws OutputError naming `path`
// if the folder is missing or read-only, the disk is full, or any write fails;
// in that case the target is left exactly as it was.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// Throws OutputError when `path` could not be written: its folder is missing
// or not writable, it is a folder, an existing file the user may not replace,
// or its name or path is too long. Commands call it (through OutputGuard)
// before a long computation rather than fail after it. "" and "-" (stdout) pass.
void check_output_folder(const std::string& path);

// Removes temporary files still being written. Async-signal-safe: app/ calls it
// from its handler of every signal that ends the process, so Ctrl-C, kill or a
// crash leaves no partial output behind.
void remove_pending_temp_files() noexcept;

}  // namespace unbake::io
