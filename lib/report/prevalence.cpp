#include <unbake/report/prevalence.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include <unbake/core/errors.hpp>
#include "report/json.hpp"

namespace unbake::report {

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t count) {
  if (s.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string period(const IsoDate& d, int precision) {
  char buf[16];
  if (precision == 1)
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (precision == 2)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

void check_sizes(const std::vector<DocumentMixture>& documents, const std::vector<std::string>& values,
                 const std::string& column) {
  if (documents.size() != values.size())
    throw UsageError(column, "has " + std::to_string(values.size()) + " values for " +
                                 std::to_string(documents.size()) + " documents");
}

// The bins in the order of `order` (values), each the mean of its documents' mixtures.
PrevalenceTable tabulate(const std::vector<DocumentMixture>& documents, const std::vector<std::string>& keys,
                         int k, const std::vector<std::string>& order) {
  std::map<std::string, std::size_t> at;
  PrevalenceTable t;
  for (const auto& value : order) {
    at.emplace(value, t.bins.size());
    t.bins.push_back({value, 0, std::vector<double>(static_cast<std::size_t>(k), 0.0)});
  }
  std::vector<long> non_empty(t.bins.size(), 0);
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (keys[i].empty()) {
      ++t.without_value;
      continue;
    }
    const std::size_t b = at.at(keys[i]);
    ++t.bins[b].documents;
    if (!documents[i].dominant) continue;
    ++non_empty[b];
    for (int f = 0; f < k && f < static_cast<int>(documents[i].mixture.size()); ++f)
      t.bins[b].prevalence[static_cast<std::size_t>(f)] += documents[i].mixture[static_cast<std::size_t>(f)];
  }
  for (std::size_t b = 0; b < t.bins.size(); ++b)
    if (non_empty[b] > 0)
      for (auto& p : t.bins[b].prevalence) p /= static_cast<double>(non_empty[b]);
  return t;
}

}  // namespace

std::optional<IsoDate> parse_iso_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (!digits(s, 0, 4)) return std::nullopt;
  IsoDate d;
  d.year = number(s, 0, 4);
  d.precision = 1;
  std::size_t end = 4;
  if (s.size() > 4 && s[4] == '-' && digits(s, 5, 2)) {
    d.month = number(s, 5, 2);
    d.precision = 2;
    end = 7;
    if (s.size() > 7 && s[7] == '-' && digits(s, 8, 2)) {
      d.day = number(s, 8, 2);
      d.precision = 3;
      end = 10;
    }
  }
  if (end < s.size() && !(d.precision == 3 && (s[end] == 'T' || s[end] == ' '))) return std::nullopt;
  if (d.precision >= 2 && (d.month < 1 || d.month > 12)) return std::nullopt;
  if (d.precision == 3 && (d.day < 1 || d.day > days_in(d.year, d.month))) return std::nullopt;
  return d;
}

PrevalenceTable prevalence_over_time(const std::vector<DocumentMixture>& documents,
                                     const std::vector<std::string>& dates, int k,
                                     const std::string& column) {
  check_sizes(documents, dates, column);
  std::vector<std::optional<IsoDate>> parsed;
  parsed.reserve(dates.size());
  int finest = 3;
  std::set<int> years;
  std::set<int> months;  // year * 12 + month
  for (const auto& text : dates) {
    parsed.push_back(parse_iso_date(text));
    if (!parsed.back()) continue;
    finest = std::min(finest, parsed.back()->precision);
    years.insert(parsed.back()->year);
    if (parsed.back()->precision >= 2) months.insert(parsed.back()->year * 12 + parsed.back()->month);
  }
  int precision = finest;
  if (years.size() >= 3) precision = 1;
  if (precision == 3 && months.size() >= 3) precision = 2;
  std::vector<std::string> keys;
  std::set<std::string> periods;  // "YYYY[-MM[-DD]]" sorts in time order
  for (const auto& d : parsed) {
    keys.push_back(d ? period(*d, precision) : "");
    if (d) periods.insert(keys.back());
  }
  PrevalenceTable t = tabulate(documents, keys, k, {periods.begin(), periods.end()});
  t.column = column;
  t.bin = precision == 1 ? "year" : precision == 2 ? "month" : "day";
  return t;
}

PrevalenceTable prevalence_by_group(const std::vector<DocumentMixture>& documents,
                                    const std::vector<std::string>& groups, int k,
                                    const std::string& column) {
  check_sizes(documents, groups, column);
  std::map<std::string, long> sizes;
  for (const auto& g : groups)
    if (!g.empty()) ++sizes[g];
  std::vector<std::string> order;
  for (const auto& [g, n] : sizes) order.push_back(g);
  std::stable_sort(order.begin(), order.end(),
                   [&sizes](const std::string& a, const std::string& b) { return sizes[a] > sizes[b]; });
  PrevalenceTable t = tabulate(documents, groups, k, order);
  t.column = column;
  t.bin = "group";
  return t;
}

void to_json(nlohmann::json& j, const PrevalenceTable& t) {
  nlohmann::json bins = nlohmann::json::array();
  for (const auto& b : t.bins)
    bins.push_back({{"value", b.value}, {"documents", b.documents}, {"prevalence", b.prevalence}});
  j = {{"column", t.column}, {"bin", t.bin}, {"without_value", t.without_value}, {"bins", std::move(bins)}};
}

}  // namespace unbake::report
