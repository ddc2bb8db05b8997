#include "vectorizer_flags.hpp"

#include <cstddef>
#include <string>

#include <unbake/text/stopwords.hpp>
#include "core/log.hpp"
#include "execution.hpp"
#include "number_flags.hpp"

namespace unbake::app {

void add_table_flags(CLI::App& app, text::ReaderOptions& reader) {
  const std::string tables = "Tables and JSON lines (one document per row)";
  app.add_option(
         "--format", reader.format,
         "How the input is read. auto: a .csv, .tsv, .jsonl or .ndjson file (also .gz) is a table, "
         "standard input '-' JSON lines, and each other file (alone or in a folder) mail, HTML, PDF or "
         "text by its name and first bytes (an .mbox is one document per message); csv, tsv, jsonl: "
         "the input is a table; text, mail, html, pdf: every file is read so")
      ->capture_default_str()
      ->type_name("FORMAT")
      ->group(tables);
  struct Named {
    const char* flag;
    std::string* value;
    const char* type;
    const char* help;
  };
  for (const Named& n : {
           Named{"--text-column", &reader.text_column, "NAME",
                 "CSV/TSV: the header of the column that holds the texts"},
           Named{"--id-column", &reader.id_column, "NAME",
                 "CSV/TSV: the header of the column of document ids (default: row numbers 1, 2, ...)"},
           Named{"--text-field", &reader.text_field, "PATH",
                 "JSON lines: the key, or dotted path (user.bio), of the text in each object"},
           Named{"--id-field", &reader.id_field, "PATH",
                 "JSON lines: the key, or dotted path, of the document id (default: row numbers)"},
       })
    app.add_option(n.flag, *n.value, n.help)->type_name(n.type)->group(tables);
}

void add_vectorizer_flags(CLI::App& app, text::VectorizerOptions& o) {
  const std::string reading = "Reading documents";
  const std::string tokens = "Tokens";
  const std::string weights = "Vocabulary and weights";

  app.add_option_function<std::vector<std::string>>(
         "--ext",
         [&o](const std::vector<std::string>& exts) {
           o.reader.extensions.clear();
           // "txt" and ".txt" mean the same; "" keeps files with no extension.
           for (const auto& e : exts) o.reader.extensions.push_back(e.empty() || e[0] == '.' ? e : "." + e);
         },
         "File name ending to read (repeatable; replaces the default list). '' selects files without an "
         "extension, as in 20 Newsgroups. Compared case-insensitively. Default: .txt .md .text '' .eml .mbox "
         ".html .htm .pdf")
      ->allow_extra_args(false)
      ->type_name("EXT")
      ->group(reading);
  app.add_option("--exclude", o.reader.exclude,
                 "Leave out files and folders matching this shell pattern (repeatable): a pattern without "
                 "'/' matches names ('*.log'), one with '/' paths below the folder ('drafts/*')")
      ->allow_extra_args(false)
      ->type_name("GLOB")
      ->group(reading);
  app.add_flag("--include-readme", o.reader.include_readme,
               "Read README, LICENSE, COPYING, CHANGELOG and similar files at the folder's root as documents "
               "(left out by default: they describe the corpus)")
      ->group(reading);
  app.add_flag("--dedupe", o.reader.dedupe,
               "Keep only the first of documents with exactly the same text (they are counted and listed "
               "either way)")
      ->group(reading);
  app.add_option("--meta", o.reader.meta,
                 "Keep this table column / JSON field with each document in the JSON report (repeatable)")
      ->type_name("NAME")
      ->allow_extra_args(false)
      ->group(reading);
  app.add_option(
         "--time-column", o.reader.time_column,
         "The table column / JSON field of each document's date (ISO 8601: 2021, 2021-03, 2021-03-05, "
         "2021-03-05T10:00): the JSON report gives each topic's prevalence per year, month or day")
      ->type_name("NAME")
      ->group(reading);
  app.add_option(
         "--group-column", o.reader.group_column,
         "The table column / JSON field of each document's group (source, author, party): the JSON report "
         "gives each topic's prevalence per group")
      ->type_name("NAME")
      ->group(reading);
  app.add_option("--labels", o.reader.labels,
                 "Judge the topics against known labels: 'folder' (a document's first folder) or the table "
                 "column / JSON field that holds them; the report gives each topic's labels, NMI and ARI")
      ->type_name("folder|NAME")
      ->group(reading);
  add_number(app, "--max-file-mb", o.reader.max_file_mb, "Skip (and list as skipped) files larger than this")
      ->type_name("MB")
      ->group(reading);
  app.add_option(
         "--encoding", o.reader.encoding,
         "Text encoding: 'auto' reads UTF-8 and falls back to windows-1252 for files that are not "
         "valid UTF-8; any other name is an ICU converter (latin1, shift_jis, ...) used for every file")
      ->capture_default_str()
      ->group(reading);

  add_table_flags(app, o.reader);

  app.add_flag("--strip-accents", o.tokenizer.strip_accents,
               "Remove accents after folding (cafe and caf\xc3\xa9 become one term)")
      ->group(tokens);
  add_number(app, "--min-token-length", o.tokenizer.min_token_length,
             "Drop tokens shorter than this many characters (after folding; a Han character counts as two, "
             "so one-character Chinese words stay)")
      ->type_name("N")
      ->group(tokens);
  app.add_flag("--keep-numbers", o.tokenizer.keep_numbers,
               "Keep tokens made only of digits (dropped by default)")
      ->group(tokens);
  app.add_option("--stopwords", o.tokenizer.stopwords,
                 "Stopword lists to drop (several add up). 'auto': each document's language is identified "
                 "(all documents, or 2,000 spread over a larger corpus) and the lists of the languages of at "
                 "least 5% of them apply to all. Or a language code with a built-in list (" +
                     text::available_stopword_languages() +
                     "), a file with one word per line, or 'none'. Default: auto")
      ->allow_extra_args(false)
      ->type_name("auto|LANG|FILE|none")
      ->group(tokens);
  app.add_option("--stem", o.tokenizer.stem,
                 "Reduce words to their Snowball stem in this language (english, french, ...; default: no "
                 "stemming)")
      ->type_name("LANG")
      ->group(tokens);
  add_number(app, "--ngram", o.tokenizer.ngram,
             "1 = single words; 2 = words plus pairs of adjacent kept words")
      ->type_name("N")
      ->group(tokens);

  add_number(app, "--min-df", o.min_df,
             "Drop terms found in fewer documents than this: a count when >= 1, a fraction of the "
             "documents when < 1")
      ->type_name("N|FRACTION")
      ->group(weights);
  add_number(app, "--max-df", o.max_df,
             "Drop terms found in more documents than this: a fraction of the documents when <= 1, a "
             "count when > 1")
      ->type_name("FRACTION|N")
      ->group(weights);
  add_number(app, "--max-features", o.max_features,
             "Keep only this many terms, those with the largest total count (0 = all)")
      ->type_name("N")
      ->group(weights);
  app.add_flag_callback(
         "--raw-tf", [&o] { o.sublinear_tf = false; },
         "Term frequency: the raw count (scikit-learn's default) instead of 1 + ln(count)")
      ->group(weights);
  app.add_flag_callback(
         "--sublinear-tf", [&o] { o.sublinear_tf = true; },
         "Term frequency 1 + ln(count), the default (kept so that older command lines run)")
      ->group(weights);
  app.add_flag_callback(
         "--no-idf", [&o] { o.use_idf = false; },
         "Do not weight terms by inverse document frequency ln((1+n)/(1+df))+1")
      ->group(weights);
  app.add_option_function<std::string>(
         "--norm", [&o](const std::string& name) { o.norm = text::parse_norm(name); },
         "Scale each document row to unit length: l2 (Euclidean), l1 (sum) or none")
      ->check(CLI::IsMember({"l2", "l1", "none"}))
      ->default_str(text::to_string(o.norm))
      ->type_name("NORM")
      ->group(weights);

  add_threads_flag(app);
}

void log_skipped(const std::vector<text::SkippedFile>& skipped) {
  constexpr std::size_t kListed = 10;
  for (std::size_t i = 0; i < skipped.size() && i < kListed; ++i)
    log().warn("skipped {}: {}", skipped[i].path, skipped[i].reason);
  if (skipped.size() > kListed) log().warn("... and {} more skipped files", skipped.size() - kListed);
  for (std::size_t i = kListed; i < skipped.size(); ++i)
    log().debug("skipped {}: {}", skipped[i].path, skipped[i].reason);
}

}  // namespace unbake::app
