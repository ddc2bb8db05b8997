// JSON lines as fit and vectorize read them, with the first object's first
// key as the text field and its second (if any) as the id field. Bad content
// must end in InputError or UsageError; every row listed must read (or skip)
// without throwing.
#include <unbake/core/errors.hpp>
#include <unbake/text/table_documents.hpp>
#include "fuzz_documents.hpp"
#include "text/json_lines.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 14)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::string path = unbake::fuzz::write_input(data, size, ".jsonl");
  unbake::text::ReaderOptions options;
  try {
    unbake::text::JsonLines lines(bytes, "fuzz", "auto");
    unbake::text::JsonRecord r;
    if (lines.next(r)) {
      const auto keys = r.keys();
      if (!keys.empty()) options.text_field = keys[0];
      if (keys.size() > 1) options.id_field = keys[1];
    }
  } catch (const unbake::InputError&) {
    return 0;
  }
  try {
    const auto source = unbake::text::table_documents(path, options);
    unbake::fuzz::read_every_document(source);
  } catch (const unbake::InputError&) {
  } catch (const unbake::UsageError&) {
  }
  return 0;
}
