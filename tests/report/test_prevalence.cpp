// Topic prevalence per period and per group: ISO dates, the choice of bin,
// and bins that are means of their documents' mixtures.
#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/report/prevalence.hpp>

using namespace unbake;
using namespace unbake::report;

namespace {

DocumentMixture doc(std::vector<double> mixture) {
  DocumentMixture d;
  d.mixture = std::move(mixture);
  const double total = std::accumulate(d.mixture.begin(), d.mixture.end(), 0.0);
  if (total > 0)
    d.dominant = static_cast<int>(std::max_element(d.mixture.begin(), d.mixture.end()) - d.mixture.begin());
  return d;
}

std::vector<std::string> values(const PrevalenceTable& t) {
  std::vector<std::string> out;
  for (const auto& b : t.bins) out.push_back(b.value);
  return out;
}

}  // namespace

TEST_CASE("ISO dates: year, month, day, a time of day, impossible dates are not dates") {
  auto d = parse_iso_date(" 2021-03-05T10:00:00Z ");
  REQUIRE(d);
  CHECK(d->year == 2021);
  CHECK(d->month == 3);
  CHECK(d->day == 5);
  CHECK(d->precision == 3);
  CHECK(parse_iso_date("1999")->precision == 1);
  CHECK(parse_iso_date("1999-12")->precision == 2);
  CHECK(parse_iso_date("2024-02-29"));
  for (const char* bad : {"", "99", "2023-02-29", "2021-13", "2021-00-10", "2021-04-31", "March 2021",
                          "2021x", "2021-03T10:00", "20210305"})
    CHECK_MESSAGE(!parse_iso_date(bad), bad);
}

TEST_CASE("over time: the bin follows the dates' span and precision, each bin is its documents' mean") {
  const std::vector<DocumentMixture> docs{doc({1, 0}), doc({0, 1}), doc({0.5, 0.5}), doc({0, 0}),
                                          doc({1, 0})};
  // Three days of one month: by day.
  auto t = prevalence_over_time(docs, {"2021-03-01", "2021-03-01", "2021-03-02", "2021-03-03", "not a date"},
                                2, "d");
  CHECK(t.bin == "day");
  CHECK(values(t) == std::vector<std::string>{"2021-03-01", "2021-03-02", "2021-03-03"});
  CHECK(t.without_value == 1);
  CHECK(t.bins[0].documents == 2);
  CHECK(t.bins[0].prevalence == std::vector<double>{0.5, 0.5});
  CHECK(t.bins[1].prevalence == std::vector<double>{0.5, 0.5});
  CHECK(t.bins[2].documents == 1);                           // an empty document counts
  CHECK(t.bins[2].prevalence == std::vector<double>{0, 0});  // but weighs nothing
  // Three months: by month; three years: by year; one date without a month: by year.
  CHECK(
      prevalence_over_time(docs, {"2021-01-05", "2021-02-01", "2021-03-09", "2021-03-10", ""}, 2, "d").bin ==
      "month");
  auto years =
      prevalence_over_time(docs, {"2019-06-01", "2020-01-01", "2021-12-31", "2020-05-05", "2019"}, 2, "d");
  CHECK(years.bin == "year");
  CHECK(values(years) == std::vector<std::string>{"2019", "2020", "2021"});
  CHECK(prevalence_over_time(docs, {"2021-03-01", "2021", "2021-03-02", "", ""}, 2, "d").bin == "year");
  CHECK_THROWS_AS(prevalence_over_time(docs, {"2021"}, 2, "d"), UsageError);
}

TEST_CASE("by group: largest first, ties by name, prevalences sum to 1") {
  const std::vector<DocumentMixture> docs{doc({0.2, 0.8}), doc({0.6, 0.4}), doc({1, 0}), doc({0, 1}),
                                          doc({0.3, 0.7})};
  auto t = prevalence_by_group(docs, {"b", "a", "b", "c", ""}, 2, "source");
  CHECK(t.bin == "group");
  CHECK(values(t) == std::vector<std::string>{"b", "a", "c"});
  CHECK(t.without_value == 1);
  CHECK(t.bins[0].prevalence[0] == doctest::Approx(0.6));
  CHECK(t.bins[0].prevalence[1] == doctest::Approx(0.4));
  for (const auto& b : t.bins)
    CHECK(std::accumulate(b.prevalence.begin(), b.prevalence.end(), 0.0) == doctest::Approx(1.0));
}
