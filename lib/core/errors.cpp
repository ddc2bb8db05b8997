#include <unbake/core/errors.hpp>

#include <utility>

namespace unbake {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `text` with every whole-word occurrence of a name in `fields` replaced by
// name(field). Whole words only: the field "k" must not touch "kept".
std::string rename_fields(const std::string& text, const std::vector<std::string>& fields,
                          const UsageError::Namer& name) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_char(text[end])) ++end;
    const std::string word = text.substr(i, end - i);
    bool is_field = false;
    for (const auto& f : fields) is_field = is_field || f == word;
    out += is_field ? name(word) : word;
    i = end;
  }
  return out;
}

}  // namespace

UsageError::UsageError(const std::string& message)
    : UsageError(std::make_shared<const Parts>(Parts{{}, {}, message, {}})) {}

UsageError::UsageError(std::string field, std::string detail, std::vector<std::string> others)
    : UsageError(
          std::make_shared<const Parts>(Parts{{}, std::move(field), std::move(detail), std::move(others)})) {}

UsageError::UsageError(std::shared_ptr<const Parts> parts)
    : Error(compose(*parts, [](const std::string& field) { return field; })), parts_(std::move(parts)) {}

const std::string& UsageError::field() const noexcept { return parts_->field; }
const std::string& UsageError::detail() const noexcept { return parts_->detail; }
const std::vector<std::string>& UsageError::other_fields() const noexcept { return parts_->others; }

std::string UsageError::message(const Namer& name) const { return compose(*parts_, name); }

UsageError UsageError::within(const std::string& where) const {
  Parts parts = *parts_;
  parts.where = parts.where.empty() ? where : where + ": " + parts.where;
  return UsageError(std::make_shared<const Parts>(std::move(parts)));
}

std::string UsageError::compose(const Parts& parts, const Namer& name) {
  std::string out = parts.where.empty() ? std::string() : parts.where + ": ";
  if (parts.field.empty()) return out + parts.detail;
  return out + name(parts.field) + " " + rename_fields(parts.detail, parts.others, name);
}

}  // namespace unbake
