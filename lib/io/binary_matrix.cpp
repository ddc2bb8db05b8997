#include <unbake/io/binary_matrix.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include <unbake/core/errors.hpp>
#include <unbake/io/atomic_file.hpp>
#include "io/binary_matrix_testing.hpp"
#include "io/file_contents.hpp"

namespace unbake::io {
namespace {

static_assert(std::endian::native == std::endian::little, "the .ubk layout is little-endian");

constexpr std::array<unsigned char, 8> kMagic{0x89, 'U', 'B', 'K', '\r', '\n', 0x1a, '\n'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kFixedBytes = 8 + 4 + 4 + 7 * 8;  // magic, version, reserved, seven sizes

std::uint64_t round8(std::uint64_t n) { return (n + 7) / 8 * 8; }

// A 64-bit checksum over whole 8-byte words, four independent lanes so that
// it runs near memory speed; each lane is a multiply-rotate mix, and the
// lanes and the length are folded at the end. It detects damage and
// truncation, not tampering.
class Checksum {
 public:
  void add(const char* bytes, std::size_t n) {  // n is a multiple of 8
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32)
      for (std::size_t lane = 0; lane < 4; ++lane) mix(lane, word(bytes + i + 8 * lane));
    for (; i < n; i += 8) mix(0, word(bytes + i));
    length_ += n;
  }
  std::uint64_t value() const {
    std::uint64_t h = length_ * kOdd[2];
    for (std::uint64_t lane : lanes_) h = std::rotl(h ^ (lane * kOdd[1]), 27) * kOdd[0] + kOdd[3];
    h ^= h >> 29;
    h *= kOdd[2];
    return h ^ (h >> 32);
  }

 private:
  static constexpr std::array<std::uint64_t, 4> kOdd{0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL,
                                                     0x165667b19e3779f9ULL, 0x27d4eb2f165667c5ULL};
  static std::uint64_t word(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  void mix(std::size_t lane, std::uint64_t w) {
    lanes_[lane] = std::rotl(lanes_[lane] + w * kOdd[1], 31) * kOdd[0];
  }
  std::array<std::uint64_t, 4> lanes_{kOdd[0], kOdd[1], kOdd[2], kOdd[3]};
  std::uint64_t length_ = 0;
};

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

struct Sizes {
  std::uint64_t rows, cols, nnz, header, row_labels, column_labels, vectors;
  std::uint64_t header_end() const { return kFixedBytes + round8(header); }
  std::uint64_t columns_at() const { return header_end() + 8 * (rows + 1); }
  std::uint64_t values_at() const { return columns_at() + round8(4 * nnz); }
  std::uint64_t row_labels_at() const { return values_at() + 8 * nnz; }
  std::uint64_t column_labels_at() const { return row_labels_at() + round8(row_labels); }
  std::uint64_t vectors_at() const { return column_labels_at() + round8(column_labels); }
  std::uint64_t checksum_at() const { return vectors_at() + 8 * cols * vectors; }
  std::uint64_t total() const { return checksum_at() + 8; }
};

std::uint64_t label_bytes(const std::vector<std::string>& labels) {
  std::uint64_t n = 0;
  for (const auto& l : labels) n += l.size() + 1;
  return n;
}

// `count` NUL-ended strings filling `text` exactly, or false.
bool split_labels(std::string_view text, std::uint64_t count, std::vector<std::string>& out) {
  if (text.empty()) return true;
  // Each label takes at least its NUL: a count beyond the bytes is a lie,
  // and reserving for it could ask for gigabytes (found by fuzzing).
  if (count > text.size()) return false;
  out.reserve(count);
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t nul = text.find('\0', from);
    if (nul == std::string_view::npos || out.size() == count) return false;
    out.emplace_back(text.substr(from, nul - from));
    from = nul + 1;
  }
  return out.size() == count;
}

}  // namespace

bool has_binary_matrix_magic(std::string_view bytes) {
  return bytes.size() >= kMagic.size() && std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) == 0;
}

bool has_binary_matrix_extension(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext.size() == 4 && std::equal(ext.begin(), ext.end(), ".ubk", [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

bool is_binary_matrix_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, kMagic.size()> head{};
  if (!in.read(head.data(), head.size())) return false;
  return has_binary_matrix_magic({head.data(), head.size()});
}

BinaryMatrix parse_binary_matrix(std::string_view bytes, const std::string& path) {
  auto bad = [&](const std::string& what) -> InputError {
    return InputError(path + ": not a complete unbake matrix file (" + what + ")");
  };
  if (!has_binary_matrix_magic(bytes)) throw bad("it does not start with the .ubk signature");
  if (bytes.size() < kFixedBytes + 8) throw bad("it ends inside its header");
  const char* p = bytes.data();
  const auto version = load<std::uint32_t>(p + 8);
  if (version != kVersion)
    throw InputError(path + ": unbake matrix file version " + std::to_string(version) +
                     " is not supported (this unbake reads version " + std::to_string(kVersion) + ")");
  // Every count is bounded before any size is computed from it, so no sum
  // below can wrap around.
  Sizes s{};
  std::uint64_t* fields[] = {&s.rows,       &s.cols,          &s.nnz,    &s.header,
                             &s.row_labels, &s.column_labels, &s.vectors};
  for (std::size_t i = 0; i < std::size(fields); ++i) *fields[i] = load<std::uint64_t>(p + 16 + 8 * i);
  constexpr std::uint64_t kMaxIndex = INT_MAX;
  if (s.rows > kMaxIndex || s.cols > kMaxIndex || s.nnz > kMaxIndex || s.header > bytes.size() ||
      s.row_labels > bytes.size() || s.column_labels > bytes.size() || s.vectors > 16)
    throw bad("its sizes are out of range");
  if (s.total() != bytes.size())
    throw bad("it holds " + std::to_string(bytes.size()) + " bytes where its sizes need " +
              std::to_string(s.total()) + "; it was cut short or appended to");
  Checksum sum;
  sum.add(p, s.checksum_at());
  if (sum.value() != load<std::uint64_t>(p + s.checksum_at()))
    throw bad("its checksum does not match: damaged");

  BinaryMatrix out;
  out.header.assign(p + kFixedBytes, s.header);
  BinarySparse& V = out.V;
  V.resize(static_cast<Eigen::Index>(s.rows), static_cast<Eigen::Index>(s.cols));
  V.resizeNonZeros(static_cast<Eigen::Index>(s.nnz));
  int* outer = V.outerIndexPtr();
  int* inner = V.innerIndexPtr();
  const char* offsets = p + s.header_end();
  const char* columns = p + s.columns_at();
  std::uint64_t previous = 0;
  if (load<std::uint64_t>(offsets) != 0) throw bad("its first row offset is not 0");
  for (std::uint64_t r = 0; r <= s.rows; ++r) {
    const auto at = load<std::uint64_t>(offsets + 8 * r);
    if (at < previous || at > s.nnz) throw bad("row offset " + std::to_string(r) + " is out of order");
    outer[r] = static_cast<int>(at);
    previous = at;
  }
  if (previous != s.nnz) throw bad("its last row offset is not the entry count");
  for (std::uint64_t r = 0; r < s.rows; ++r) {
    std::int64_t last = -1;
    for (auto i = static_cast<std::uint64_t>(outer[r]); i < static_cast<std::uint64_t>(outer[r + 1]); ++i) {
      const auto c = load<std::uint32_t>(columns + 4 * i);
      if (c >= s.cols || static_cast<std::int64_t>(c) <= last)
        throw bad("row " + std::to_string(r + 1) + " has its columns out of range or order");
      inner[i] = static_cast<int>(c);
      last = c;
    }
  }
  if (s.nnz) std::memcpy(V.valuePtr(), p + s.values_at(), 8 * s.nnz);
  for (std::uint64_t i = 0; i < s.nnz; ++i)
    if (!std::isfinite(V.valuePtr()[i]))
      throw bad("entry " + std::to_string(i + 1) + " is not a finite number");
  if (!split_labels({p + s.row_labels_at(), s.row_labels}, s.rows, out.row_labels))
    throw bad("its row labels are not one per row");
  if (!split_labels({p + s.column_labels_at(), s.column_labels}, s.cols, out.column_labels))
    throw bad("its column labels are not one per column");
  for (std::uint64_t v = 0; v < s.vectors; ++v) {
    Eigen::VectorXd& x = out.column_data.emplace_back(static_cast<Eigen::Index>(s.cols));
    if (s.cols) std::memcpy(x.data(), p + s.vectors_at() + 8 * s.cols * v, 8 * s.cols);
  }
  return out;
}

BinaryMatrix read_binary_matrix(const std::string& path) {
  const FileContents file(path);
  return parse_binary_matrix(file.text(), path);
}

void write_binary_matrix(const std::string& path, const BinaryMatrix& m) {
  const BinarySparse& V = m.V;
  if (!V.isCompressed()) throw std::logic_error("write_binary_matrix: V must be compressed");
  const Sizes s{static_cast<std::uint64_t>(V.rows()),
                static_cast<std::uint64_t>(V.cols()),
                static_cast<std::uint64_t>(V.nonZeros()),
                m.header.size(),
                label_bytes(m.row_labels),
                label_bytes(m.column_labels),
                m.column_data.size()};
  std::string bytes(s.total(), '\0');
  char* p = bytes.data();
  auto put = [](char* at, auto v) { std::memcpy(at, &v, sizeof v); };
  std::memcpy(p, kMagic.data(), kMagic.size());
  put(p + 8, kVersion);
  const std::uint64_t fields[] = {s.rows, s.cols, s.nnz, s.header, s.row_labels, s.column_labels, s.vectors};
  for (std::size_t i = 0; i < std::size(fields); ++i) put(p + 16 + 8 * i, fields[i]);
  std::memcpy(p + kFixedBytes, m.header.data(), m.header.size());
  for (std::uint64_t r = 0; r <= s.rows; ++r)
    put(p + s.header_end() + 8 * r, static_cast<std::uint64_t>(V.outerIndexPtr()[r]));
  for (std::uint64_t i = 0; i < s.nnz; ++i)
    put(p + s.columns_at() + 4 * i, static_cast<std::uint32_t>(V.innerIndexPtr()[i]));
  if (s.nnz) std::memcpy(p + s.values_at(), V.valuePtr(), 8 * s.nnz);
  auto put_labels = [&](char* at, const std::vector<std::string>& labels) {
    for (const auto& l : labels) {
      std::memcpy(at, l.data(), l.size());
      at += l.size() + 1;  // the NUL is already there
    }
  };
  put_labels(p + s.row_labels_at(), m.row_labels);
  put_labels(p + s.column_labels_at(), m.column_labels);
  for (std::uint64_t v = 0; v < s.vectors; ++v) {
    if (static_cast<std::uint64_t>(m.column_data[v].size()) != s.cols)
      throw std::logic_error("write_binary_matrix: a column vector's size is not V.cols()");
    if (s.cols) std::memcpy(p + s.vectors_at() + 8 * s.cols * v, m.column_data[v].data(), 8 * s.cols);
  }
  Checksum sum;
  sum.add(p, s.checksum_at());
  put(p + s.checksum_at(), sum.value());
  write_atomically(
      path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

namespace testing {

std::string with_valid_checksum(std::string bytes) {
  if (bytes.size() < 16 || bytes.size() % 8) return bytes;
  Checksum sum;
  sum.add(bytes.data(), bytes.size() - 8);
  const std::uint64_t v = sum.value();
  std::memcpy(bytes.data() + bytes.size() - 8, &v, 8);
  return bytes;
}

}  // namespace testing

}  // namespace unbake::io
