#pragma once
// gzip (RFC 1952) decompression through zlib, for inputs named *.gz.
#include <cstddef>
#include <string>
#include <string_view>

namespace unbake::io {

// Whether this build reads .gz files (zlib was found when it was configured).
bool gzip_supported();

// Whether `bytes` start with the gzip magic number.
bool looks_gzipped(std::string_view bytes);

// The decompressed bytes of every member (a .gz may be several files joined).
// Throws InputError naming `name`: not gzip data, corrupt or truncated, more
// than `limit` bytes once decompressed, or a build without zlib.
std::string gunzip(std::string_view bytes, const std::string& name, std::size_t limit);

}  // namespace unbake::io
