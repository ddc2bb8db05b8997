#pragma once
// Shared by the fuzz targets: the library reads files by path, so each input
// is written to one scratch file per process (reused across runs), and a
// broken invariant stops the run loudly so that libFuzzer records the input.
#include <cstddef>
#include <cstdint>
#include <string>

namespace unbake::fuzz {

// Writes `size` bytes to this process's scratch file ending in `extension`
// and returns its path. The file is removed when the process exits.
std::string write_input(const std::uint8_t* data, std::size_t size, const std::string& extension);

// Aborts with `what` on stderr: libFuzzer and the replay runner both report
// an abort as a crash and keep the input.
[[noreturn]] void broken(const char* what);

}  // namespace unbake::fuzz

// The libFuzzer entry point each target defines.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
