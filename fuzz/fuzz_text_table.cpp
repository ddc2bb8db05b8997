// A table of texts (CSV or TSV) as fit and vectorize read it: the records
// themselves, then the table as documents with its first column as the text
// and its second as the ids. Bad content must end in InputError or
// UsageError; every row listed must read (or skip) without throwing.
#include <unbake/core/errors.hpp>
#include <unbake/text/table_documents.hpp>
#include "fuzz_documents.hpp"
#include "text/delimited_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > (1 << 14)) return 0;
  const bool tsv = data[0] % 2 == 1;
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string path = unbake::fuzz::write_input(data + 1, size - 1, tsv ? ".tsv" : ".csv");
  unbake::text::ReaderOptions options;
  std::size_t rows = 0;
  try {
    unbake::text::DelimitedRecords records(bytes, "fuzz", tsv ? '\t' : ',');
    unbake::text::DelimitedRecord r;
    bool header = true;
    while (records.next(r)) {
      if (r.cells.empty()) unbake::fuzz::broken("a record without cells");
      if (header) {
        options.text_column = r.cells[0];
        if (r.cells.size() > 1) options.id_column = r.cells[1];
        header = false;
      } else {
        ++rows;
      }
    }
  } catch (const unbake::InputError&) {
    return 0;
  }
  try {
    const auto source = unbake::text::table_documents(path, options);
    if (source.ids.size() != rows)
      unbake::fuzz::broken("table rows differ from the records after the header");
    unbake::fuzz::read_every_document(source);
  } catch (const unbake::InputError&) {
  } catch (const unbake::UsageError&) {
  }
  return 0;
}
