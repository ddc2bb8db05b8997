#pragma once
// Each topic's prevalence per period of time and per group of documents:
// how a topic rises and falls, and who writes about it. A document weighs
// what its mixture says (shares summing to 1), as in a topic's overall
// prevalence, so a bin's prevalences sum to 1.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unbake/report/topics.hpp>

namespace unbake::report {

struct PrevalenceBin {
  std::string value;               // the period ("2021", "2021-03", "2021-03-05") or the group
  long documents = 0;              // documents with this value (empty ones included)
  std::vector<double> prevalence;  // per topic id: the mean mixture of its non-empty documents
};

struct PrevalenceTable {
  std::string column;               // the column or field the values came from
  std::string bin;                  // "year", "month" or "day" over time; "group" for groups
  long without_value = 0;           // documents whose value is empty (or, over time, not a date)
  std::vector<PrevalenceBin> bins;  // periods in time order; groups largest first, ties by name
};

struct IsoDate {
  int year = 0;
  int month = 0;      // 0 when only the year is given
  int day = 0;        // 0 when the day is not given
  int precision = 0;  // 1 year, 2 month, 3 day
};

// "2021", "2021-03", "2021-03-05", and those followed by 'T' or ' ' and a
// time of day (2021-03-05T10:00:00Z); surrounding spaces are ignored. nullopt
// for anything else, or an impossible month or day.
std::optional<IsoDate> parse_iso_date(std::string_view text);

// Over time, binned by the finest of year, month and day that every date
// has, but by year when the dates span three years or more, and by month when
// they span three months or more: a table a person can read.
PrevalenceTable prevalence_over_time(const std::vector<DocumentMixture>& documents,
                                     const std::vector<std::string>& dates, int k, const std::string& column);

PrevalenceTable prevalence_by_group(const std::vector<DocumentMixture>& documents,
                                    const std::vector<std::string>& groups, int k, const std::string& column);

}  // namespace unbake::report
