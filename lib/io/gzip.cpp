#include "io/gzip.hpp"

#include <algorithm>

#include <unbake/core/errors.hpp>

#ifdef UNBAKE_HAVE_ZLIB
#include <zlib.h>
#endif

namespace unbake::io {

bool looks_gzipped(std::string_view bytes) { return bytes.starts_with("\x1f\x8b"); }

#ifdef UNBAKE_HAVE_ZLIB

bool gzip_supported() { return true; }

std::string gunzip(std::string_view bytes, const std::string& name, std::size_t limit) {
  if (!looks_gzipped(bytes)) throw InputError(name + ": not gzip data (its name ends in .gz)");
  std::string out;
  z_stream z{};
  // 16 + MAX_WBITS: a gzip header and trailer (checked), not a raw stream.
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw InputError(name + ": cannot start zlib");
  struct End {
    z_stream* z;
    ~End() { inflateEnd(z); }
  } end{&z};
  const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
  std::size_t at = 0;  // input consumed so far
  constexpr std::size_t kChunk = 1 << 20;
  for (;;) {
    // avail_in is 32 bits: a larger input goes in in pieces.
    z.next_in = const_cast<Bytef*>(data + at);
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size() - at, std::size_t{1} << 30));
    const std::size_t used = out.size();
    out.resize(used + kChunk);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    z.avail_out = static_cast<uInt>(kChunk);
    const int rc = inflate(&z, Z_NO_FLUSH);
    out.resize(used + (kChunk - z.avail_out));
    at = static_cast<std::size_t>(z.next_in - data);
    if (out.size() > limit)
      throw InputError(name + ": larger than " + std::to_string(limit) + " bytes once decompressed");
    if (rc == Z_STREAM_END) {
      // Another member may follow (cat a.gz b.gz); trailing zeros are padding.
      while (at < bytes.size() && bytes[at] == '\0') ++at;
      if (at == bytes.size()) return out;
      if (!looks_gzipped(bytes.substr(at)))
        throw InputError(name + ": data after the end of the gzip stream");
      if (inflateReset(&z) != Z_OK) throw InputError(name + ": cannot restart zlib");
      continue;
    }
    if (rc == Z_BUF_ERROR && at == bytes.size())
      throw InputError(name + ": truncated gzip data (it ends before its last block)");
    if (rc != Z_OK)
      throw InputError(name + ": corrupt gzip data (" + std::string(z.msg ? z.msg : "zlib error") + ")");
  }
}

#else

bool gzip_supported() { return false; }

std::string gunzip(std::string_view, const std::string& name, std::size_t) {
  throw InputError(name + ": this unbake was built without zlib and cannot read .gz files");
}

#endif

}  // namespace unbake::io
