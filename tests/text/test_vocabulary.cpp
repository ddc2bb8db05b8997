#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/text/vocabulary.hpp>

using unbake::text::merge_dictionaries;
using unbake::text::PruneSettings;
using unbake::text::select_terms;
using unbake::text::TermDictionary;

TEST_CASE("vocabulary: TermDictionary gives dense ids and finds every term after growing") {
  TermDictionary d;
  CHECK(d.intern("apple") == 0);
  CHECK(d.intern("pear") == 1);
  CHECK(d.intern("apple") == 0);
  CHECK(d.find("pear") == 1);
  CHECK(d.find("plum") == TermDictionary::kNotFound);
  CHECK(d.intern("") == 2);  // an empty view is a key like any other
  for (int i = 0; i < 20000; ++i) d.intern("term" + std::to_string(i));
  REQUIRE(d.size() == 20003);
  for (int i = 0; i < 20000; ++i) {
    const std::string t = "term" + std::to_string(i);
    const auto id = d.find(t);
    REQUIRE(id == static_cast<std::uint32_t>(i + 3));
    CHECK(d.term(id) == t);
  }
  CHECK(d.term(0) == "apple");
}

TEST_CASE("vocabulary: merging sorts the union by UTF-8 bytes whatever the dictionary order") {
  TermDictionary a, b;
  for (const char* t : {"zebra", "\xc3\xa9t\xc3\xa9", "apple", "Zulu"}) a.intern(t);  // "été"
  for (const char* t : {"mango", "apple", "zebra"}) b.intern(t);
  const auto ab = merge_dictionaries({&a, &b});
  const auto ba = merge_dictionaries({&b, &a}, 2);
  const std::vector<std::string> expected{"Zulu", "apple", "mango", "zebra", "\xc3\xa9t\xc3\xa9"};
  CHECK(ab.terms == expected);
  CHECK(ba.terms == expected);
  for (const auto* m : {&ab, &ba}) {
    const auto& ra = m->remap[m == &ab ? 0 : 1];
    const auto& rb = m->remap[m == &ab ? 1 : 0];
    for (std::uint32_t id = 0; id < a.size(); ++id) CHECK(m->terms[ra[id]] == a.term(id));
    for (std::uint32_t id = 0; id < b.size(); ++id) CHECK(m->terms[rb[id]] == b.term(id));
  }
}

namespace {
// Ten documents; document frequencies 1, 2, 5, 9, 10 for terms a..e.
const std::vector<std::string> kTerms{"a", "b", "c", "d", "e"};
const std::vector<std::uint32_t> kDf{1, 2, 5, 9, 10};
const std::vector<std::uint64_t> kCount{7, 3, 5, 9, 10};

std::vector<std::uint32_t> keep(double min_df, double max_df, std::size_t max_features = 0) {
  return select_terms(kTerms, kDf, kCount, 10, PruneSettings{min_df, max_df, max_features});
}
using Ids = std::vector<std::uint32_t>;
}  // namespace

TEST_CASE("vocabulary: min_df is a count from 1 up and a fraction below 1") {
  CHECK(keep(1, 1.0) == Ids{0, 1, 2, 3, 4});
  CHECK(keep(2, 1.0) == Ids{1, 2, 3, 4});
  CHECK(keep(5, 1.0) == Ids{2, 3, 4});
  CHECK(keep(0.5, 1.0) == Ids{2, 3, 4});  // 0.5 * 10 = 5 documents
  CHECK(keep(0.15, 1.0) == Ids{1, 2, 3, 4});
  CHECK(keep(0, 1.0) == Ids{0, 1, 2, 3, 4});
}

TEST_CASE("vocabulary: max_df is a fraction up to 1 and a count above 1") {
  CHECK(keep(1, 0.95) == Ids{0, 1, 2, 3});  // at most 9.5 documents
  CHECK(keep(1, 0.9) == Ids{0, 1, 2, 3});
  CHECK(keep(1, 0.89) == Ids{0, 1, 2});
  CHECK(keep(1, 1.0) == Ids{0, 1, 2, 3, 4});
  CHECK(keep(1, 2) == Ids{0, 1});  // a count: at most 2 documents
  CHECK(keep(1, 5) == Ids{0, 1, 2});
}

TEST_CASE("vocabulary: max_features keeps the largest corpus counts, ties by term bytes") {
  CHECK(keep(1, 1.0, 1) == Ids{4});        // e: 10
  CHECK(keep(1, 1.0, 2) == Ids{3, 4});     // d: 9
  CHECK(keep(1, 1.0, 3) == Ids{0, 3, 4});  // a: 7
  CHECK(keep(1, 1.0, 9) == Ids{0, 1, 2, 3, 4});
  // Ties: b, c and d all count 4; the bytewise smaller terms win.
  const std::vector<std::uint64_t> tied{1, 4, 4, 4, 6};
  CHECK(select_terms(kTerms, kDf, tied, 10, PruneSettings{1, 1.0, 2}) == Ids{1, 4});
  CHECK(select_terms(kTerms, kDf, tied, 10, PruneSettings{1, 1.0, 3}) == Ids{1, 2, 4});
  // Pruning by df comes first: e (df 10) is gone before the ranking.
  CHECK(select_terms(kTerms, kDf, tied, 10, PruneSettings{1, 0.95, 1}) == Ids{1});
}

TEST_CASE("vocabulary: settings that keep nothing are a usage error naming them") {
  CHECK_THROWS_AS(keep(6, 0.5), unbake::UsageError);  // min_df above max_df
  CHECK_THROWS_AS(keep(11, 1.0), unbake::UsageError);
  try {
    keep(6, 0.5);
  } catch (const unbake::UsageError& e) {
    const std::string msg = e.what();
    CHECK(e.field() == "min_df");
    CHECK(e.other_fields() == std::vector<std::string>{"max_df"});
    CHECK(msg.rfind("min_df 6 ", 0) == 0);
    CHECK(msg.find("max_df 0.5") != std::string::npos);
    CHECK(msg.find("empty vocabulary") != std::string::npos);
  }
  CHECK_THROWS_AS(select_terms({}, {}, {}, 3, PruneSettings{}), unbake::UsageError);
}

TEST_CASE("vocabulary: batched lookups give the ids of one-by-one lookups, growing included") {
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) {
    // Appended, not "w" + ...: GCC 12 warns (-Wrestrict, a false positive) on that operator+.
    std::string w = "w";
    w += std::to_string((i * 7919) % 3001);
    if (i % 3 == 0) w += "-long-suffix";
    words.push_back(std::move(w));
  }
  std::vector<std::string_view> views(words.begin(), words.end());
  TermDictionary one, batch;
  std::vector<std::uint32_t> expected, ids;
  for (auto v : views) expected.push_back(one.intern(v));
  batch.intern_all(views, ids);  // starts from an empty table, so it grows mid-batch
  CHECK(ids == expected);
  REQUIRE(batch.size() == one.size());
  for (std::uint32_t id = 0; id < one.size(); ++id) CHECK(batch.term(id) == one.term(id));

  std::vector<std::string_view> probe{"w0", "absent", "w17-long-suffix", "w17"};
  batch.find_all(probe, ids);
  REQUIRE(ids.size() == 4);
  CHECK(ids[0] == one.find("w0"));
  CHECK(ids[1] == TermDictionary::kNotFound);
  CHECK(ids[2] == one.find("w17-long-suffix"));
  CHECK(ids[3] == one.find("w17"));
}
