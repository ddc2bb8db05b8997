#include <unbake/report/html_report.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unbake/core/errors.hpp>
#include <unbake/quality/topic_map.hpp>
#include <unbake/report/topics.hpp>
#include <unbake/text/language.hpp>
#include <unbake/text/reader.hpp>
#include "report/html.hpp"
#include "report/thousands.hpp"

namespace unbake::report {

void HtmlOptions::validate() const {
  if (documents < 0)
    throw UsageError("html_documents", "must be 0 or more, got " + std::to_string(documents));
  if (snippet_chars < 0)
    throw UsageError("html_snippet_chars", "must be 0 or more, got " + std::to_string(snippet_chars));
  if (words < 1) throw UsageError("html_words", "must be at least 1, got " + std::to_string(words));
}

std::vector<std::size_t> html_documents(const FitReport& report, const HtmlOptions& options) {
  const auto& docs = report.topics.documents;
  const std::size_t n = docs.size();
  const auto target = static_cast<std::size_t>(options.documents);
  std::set<std::size_t> chosen;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(docs[i].path, i);
  for (const auto& topic : report.topics.topics)
    for (const auto& d : topic.top_documents)
      if (const auto it = index.find(d.path); it != index.end()) chosen.insert(it->second);
  if (n <= target) {
    for (std::size_t i = 0; i < n; ++i) chosen.insert(i);
  } else {
    for (std::size_t i = 0; i < target && chosen.size() < target; ++i) chosen.insert(i * n / target);
  }
  return {chosen.begin(), chosen.end()};
}

namespace {

using html::escape;
using html::number;

// Colours by topic id, spread around the hue circle by the golden angle.
std::string topic_color(int id) { return "hsl(" + number(std::fmod(id * 137.508, 360.0), 1) + ", 55%, 47%)"; }
std::string topic_style(int id) { return "--topic:" + topic_color(id); }

std::string percent(double share) { return number(100 * share, 1) + "%"; }

// A string as a JSON string (quotes and escapes), for the data block.
std::string json_string(std::string_view s) { return nlohmann::json(std::string(s)).dump(); }

// Everything the pictures and the script need about the topics' words.
struct WordModel {
  const nmf::Matrix* H = nullptr;
  const std::vector<std::string>* words = nullptr;  // per column
  nmf::Matrix P;                                    // smoothed unit-sum rows
  std::vector<double> marginal;                     // p(w) over the topics, by prevalence
  std::vector<std::vector<long>> candidates;        // per topic: columns by weight, best first
  std::vector<double> row_sum;                      // of H, for weight shares
};

WordModel word_model(const FitReport& report, const nmf::Matrix& H, const std::vector<std::string>& words,
                     const HtmlOptions& options) {
  WordModel m;
  m.H = &H;
  m.words = &words;
  m.P = quality::word_distributions(H);
  const auto k = static_cast<std::size_t>(H.rows());
  std::vector<double> prevalence(k, k ? 1.0 / static_cast<double>(k) : 0.0);
  double total = 0;
  for (const auto& t : report.topics.topics) total += t.prevalence;
  if (total > 0)
    for (const auto& t : report.topics.topics)
      if (static_cast<std::size_t>(t.id) < k)
        prevalence[static_cast<std::size_t>(t.id)] = t.prevalence / total;
  Eigen::VectorXd weights(static_cast<Eigen::Index>(k));
  for (std::size_t t = 0; t < k; ++t) weights[static_cast<Eigen::Index>(t)] = prevalence[t];
  const Eigen::VectorXd marginal = m.P.transpose() * weights;
  m.marginal.assign(marginal.data(), marginal.data() + marginal.size());
  for (Eigen::Index t = 0; t < H.rows(); ++t) {
    m.candidates.push_back(top_terms(H, t, options.words));
    m.row_sum.push_back(H.row(t).sum());
  }
  return m;
}

// A word's share of its topic's weight, as the other reports give it.
double share(const WordModel& m, long t, long j) {
  const double s = m.row_sum[static_cast<std::size_t>(t)];
  return s > 0 ? (*m.H)(t, j) / s : 0.0;
}
const std::string& word(const WordModel& m, long j) { return (*m.words)[static_cast<std::size_t>(j)]; }

void overview(std::ostream& out, const FitReport& r) {
  const auto& c = r.corpus;
  out << "<section id=\"overview\">\n<h2>Overview</h2>\n<table class=\"facts\">\n";
  auto row = [&](std::string_view name, const std::string& value) {
    out << "<tr><th>" << name << "</th><td>" << value << "</td></tr>\n";
  };
  row("corpus", escape(c.root));
  row("documents", fmt::format("{} read, {} skipped, {} empty", thousands(c.documents),
                               thousands(static_cast<long>(c.skipped.size())), thousands(c.empty_documents)));
  if (const auto notes = text::describe_not_read(c.not_read, c.duplicates.size(), c.deduplicated);
      !notes.empty())
    row("not read", escape(notes));
  row("languages", escape(text::describe_stopwords(c.languages, c.stopwords)));
  row("vocabulary", fmt::format("{} terms, {} non-zeros", thousands(c.vocabulary), thousands(c.nnz)));
  row("model",
      escape(fmt::format("{}, k = {}, {} iterations, {}, relative error {}",
                         nmf::to_string(r.nmf.config.solver), r.nmf.config.k, r.nmf.iterations,
                         r.nmf.converged ? "converged" : "not converged", number(r.nmf.relative_error))));
  row("quality", fmt::format("coherence {}, diversity {}", number(r.topics.coherence, 3),
                             number(r.topics.diversity, 3)));
  if (r.labels)
    row("labels",
        escape(fmt::format("NMI {}, ARI {} of the dominant topics against {} ({} labels, {} documents)",
                           number(r.labels->nmi, 3), number(r.labels->ari, 3), r.labels->source,
                           r.labels->labels, thousands(r.labels->documents))));
  out << "</table>\n";
  if (!c.skipped.empty()) {
    out << "<details><summary>" << c.skipped.size() << " skipped files</summary>\n<table class=\"grid\">\n";
    constexpr std::size_t kShown = 200;
    for (std::size_t i = 0; i < c.skipped.size() && i < kShown; ++i)
      out << "<tr><td>" << escape(c.skipped[i].path) << "</td><td>" << escape(c.skipped[i].reason)
          << "</td></tr>\n";
    out << "</table>\n";
    if (c.skipped.size() > kShown)
      out << "<p class=\"note\">(the first " << kShown << "; the JSON has all)</p>\n";
    out << "</details>\n";
  }
  if (!c.not_read.ignored.empty()) {
    out << "<details><summary>files ignored by extension</summary>\n<table class=\"grid\">\n";
    for (const auto& [ext, n] : c.not_read.ignored)
      out << "<tr><td>" << escape(ext.empty() ? "(none)" : ext) << "</td><td class=\"num\">" << n
          << "</td></tr>\n";
    out << "</table>\n</details>\n";
  }
  out << "<details><summary>settings</summary>\n<pre>"
      << escape(nlohmann::json::parse(to_json_string(r.settings)).dump(2))
      << "</pre>\n</details>\n</section>\n";
}

using Snippets = std::map<std::string_view, std::string_view>;

void topic_cards(std::ostream& out, const FitReport& r, const WordModel& m, const Snippets& snippets) {
  const auto shown = static_cast<std::size_t>(std::max(1, r.settings.topics.top_words));
  const std::size_t candidates = m.candidates.empty() ? 0 : m.candidates.front().size();
  out << "<section id=\"topics\">\n<h2>Topics</h2>\n<div class=\"controls\"><label for=\"lambda\">rank words "
         "by "
         "relevance, &lambda; = <span id=\"lambda-value\">1.00</span></label><input type=\"range\" "
         "id=\"lambda\" "
         "min=\"0\" max=\"1\" step=\"0.05\" value=\"1\"><span class=\"note\">&lambda; = 1 ranks by weight in "
         "the "
         "topic; towards 0, by how much more the topic uses a word than the corpus does (among its "
      << candidates << " heaviest words)</span></div>\n<div class=\"cards\">\n";
  for (const auto& t : r.topics.topics) {
    const long row = t.id;
    out << "<article class=\"topic\" id=\"topic-" << t.id << "\" data-topic=\"" << t.id << "\" style=\""
        << topic_style(t.id) << "\">\n<h3>Topic " << t.id + 1 << ": " << escape(t.label) << "</h3>\n"
        << "<div class=\"stats\">prevalence " << percent(t.prevalence) << " &middot; coherence "
        << number(t.coherence, 2) << " &middot; exclusivity " << number(t.exclusivity, 2)
        << " &middot; dominant in " << t.dominant_documents << " documents</div>\n<ol class=\"words\">\n";
    const auto& columns = m.candidates[static_cast<std::size_t>(row)];
    const double top = columns.empty() ? 1.0 : std::max(share(m, row, columns.front()), 1e-300);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const long j = columns[i];
      const double s = share(m, row, j);
      out << "<li data-word=\"" << escape(word(m, j)) << "\"" << (i >= shown ? " hidden" : "")
          << "><span class=\"w\">" << escape(word(m, j))
          << "</span><span class=\"bar\" style=\"width:" << number(100 * s / top, 1)
          << "%\"></span><span class=\"v\">" << number(s, 4) << "</span></li>\n";
    }
    out << "</ol>\n<ul class=\"docs\">\n";
    for (const auto& d : t.top_documents) {
      out << "<li><span class=\"path\">" << escape(d.path) << "</span> (" << html::fixed(d.weight, 2) << ")";
      if (const auto it = snippets.find(d.path); it != snippets.end() && !it->second.empty())
        out << "<span class=\"snippet\">" << escape(it->second) << "</span>";
      out << "</li>\n";
    }
    out << "</ul>\n</article>\n";
  }
  out << "</div>\n</section>\n";
}

constexpr double kMapSize = 480, kMapPad = 46;

double map_radius(std::size_t k) {
  return k <= 10 ? 42.0 : std::max(14.0, 42.0 * std::sqrt(10.0 / static_cast<double>(k)));
}

void topic_map(std::ostream& out, const FitReport& r, const WordModel& m, int threads) {
  const auto points = quality::classical_mds(quality::jensen_shannon_distances(*m.H, threads));
  double lo_x = 0, hi_x = 0, lo_y = 0, hi_y = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto [x, y] = points[i];
    if (i == 0 || x < lo_x) lo_x = x;
    if (i == 0 || x > hi_x) hi_x = x;
    if (i == 0 || y < lo_y) lo_y = y;
    if (i == 0 || y > hi_y) hi_y = y;
  }
  const double span = std::max({hi_x - lo_x, hi_y - lo_y, 1e-12});
  const double scale = (kMapSize - 2 * kMapPad) / span;
  const double radius = map_radius(points.size());
  double most = 0;
  for (const auto& t : r.topics.topics) most = std::max(most, t.prevalence);
  out << "<section id=\"map\">\n<h2>Intertopic map</h2>\n<p class=\"note\">Topics placed by classical "
         "multidimensional scaling of the Jensen&ndash;Shannon distances between their word distributions: "
         "near "
         "topics use the same words. <span id=\"map-word\">circles: topic prevalence</span>; hover a word "
         "anywhere on the page to see its weight in each topic.</p>\n"
      << "<svg id=\"topic-map\" viewBox=\"0 0 " << kMapSize << " " << kMapSize << "\" width=\"" << kMapSize
      << "\" height=\"" << kMapSize << "\" role=\"img\" aria-label=\"intertopic map\">\n"
      << "<line class=\"gridline\" x1=\"" << kMapSize / 2 << "\" y1=\"0\" x2=\"" << kMapSize / 2 << "\" y2=\""
      << kMapSize << "\"/><line class=\"gridline\" x1=\"0\" y1=\"" << kMapSize / 2 << "\" x2=\"" << kMapSize
      << "\" y2=\"" << kMapSize / 2 << "\"/>\n";
  const double cx = (lo_x + hi_x) / 2, cy = (lo_y + hi_y) / 2;
  for (const auto& t : r.topics.topics) {
    const auto [x, y] = points[static_cast<std::size_t>(t.id)];
    const double px = kMapSize / 2 + (x - cx) * scale, py = kMapSize / 2 - (y - cy) * scale;
    const double rr = most > 0 ? radius * std::sqrt(t.prevalence / most) : radius / 2;
    out << "<a href=\"#topic-" << t.id << "\"><title>Topic " << t.id + 1 << ": " << escape(t.label) << " ("
        << percent(t.prevalence) << ")</title><circle data-topic=\"" << t.id << "\" cx=\"" << number(px, 2)
        << "\" cy=\"" << number(py, 2) << "\" r=\"" << number(rr, 2) << "\" data-r=\"" << number(rr, 2)
        << "\" fill=\"" << topic_color(t.id) << "\" fill-opacity=\"0.5\" stroke=\"" << topic_color(t.id)
        << "\"/><text x=\"" << number(px, 2) << "\" y=\"" << number(py + 4, 2) << "\" text-anchor=\"middle\">"
        << t.id + 1 << "</text></a>\n";
  }
  out << "</svg>\n</section>\n";
}

void terms_view(std::ostream& out, const WordModel& m) {
  // Seriated: each word goes to the topic that weighs it most, words grouped
  // by that topic and heaviest first (Chuang et al. 2012, Termite).
  constexpr std::size_t kPerTopic = 5;
  std::set<long> chosen;
  for (const auto& columns : m.candidates)
    for (std::size_t i = 0; i < columns.size() && i < kPerTopic; ++i) chosen.insert(columns[i]);
  struct Row {
    long column;
    long topic;
    double weight;
  };
  std::vector<Row> rows;
  double most = 0;
  for (const long j : chosen) {
    long best = 0;
    double best_share = -1;
    for (long t = 0; t < static_cast<long>(m.candidates.size()); ++t) {
      const double s = share(m, t, j);
      most = std::max(most, s);
      if (s > best_share) best = t, best_share = s;
    }
    rows.push_back({j, best, best_share});
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.topic != b.topic) return a.topic < b.topic;
    if (a.weight != b.weight) return a.weight > b.weight;
    return word(m, a.column) < word(m, b.column);
  });
  const auto k = static_cast<long>(m.candidates.size());
  constexpr double kLabel = 130, kCell = 22, kRow = 16, kTop = 24;
  out << "<section id=\"terms\">\n<h2>Words &times; topics</h2>\n<p class=\"note\">The " << kPerTopic
      << " heaviest words of each topic, grouped by the topic that weighs each most; circle area follows the "
         "word's share of the topic.</p>\n<svg id=\"term-matrix\" width=\""
      << number(kLabel + kCell * static_cast<double>(k) + 10, 0) << "\" height=\""
      << number(kTop + kRow * static_cast<double>(rows.size()) + 6, 0)
      << "\" role=\"img\" aria-label=\"term matrix\">\n";
  for (long t = 0; t < k; ++t)
    out << "<text x=\"" << number(kLabel + kCell * (static_cast<double>(t) + 0.5), 1)
        << "\" y=\"14\" text-anchor=\"middle\">" << t + 1 << "</text>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = kTop + kRow * (static_cast<double>(i) + 0.5);
    out << "<g data-word=\"" << escape(word(m, rows[i].column)) << "\"><text x=\"" << number(kLabel - 6, 0)
        << "\" y=\"" << number(y + 4, 1) << "\" text-anchor=\"end\">" << escape(word(m, rows[i].column))
        << "</text>";
    for (long t = 0; t < k; ++t) {
      const double s = share(m, t, rows[i].column);
      if (most <= 0 || s < most * 1e-3) continue;
      out << "<circle cx=\"" << number(kLabel + kCell * (static_cast<double>(t) + 0.5), 1) << "\" cy=\""
          << number(y, 1) << "\" r=\"" << number(7.5 * std::sqrt(s / most), 2) << "\" fill=\""
          << topic_color(static_cast<int>(t)) << "\"/>";
    }
    out << "</g>\n";
  }
  out << "</svg>\n";
  // Cosine similarity of the topics' word weights.
  const nmf::Matrix& H = *m.H;
  out << "<h3>Topic similarity</h3>\n<p class=\"note\">Cosine similarity of the topics' word weights (1: the "
         "same "
         "words in the same proportions).</p>\n<table class=\"heat\" id=\"topic-similarity\">\n<tr><td></td>";
  for (long t = 0; t < k; ++t) out << "<th class=\"num\">" << t + 1 << "</th>";
  out << "</tr>\n";
  const nmf::Matrix gram = H * H.transpose();
  for (long a = 0; a < k; ++a) {
    out << "<tr><th class=\"num\">" << a + 1 << "</th>";
    for (long b = 0; b < k; ++b) {
      const double na = std::sqrt(gram(a, a)), nb = std::sqrt(gram(b, b));
      const double cos = na > 0 && nb > 0 ? gram(a, b) / (na * nb) : 0.0;
      out << "<td style=\"background:rgba(47,111,176," << number(cos, 3) << ")\" title=\"" << a + 1 << " and "
          << b + 1 << ": " << number(cos, 3) << "\">" << (a == b ? "" : number(cos, 2)) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n</section>\n";
}

// Rects take their colour from the page's per-topic classes (.t0, .t1, ...):
// the bars are most of a large page.
std::string mixture_bar(const std::vector<double>& mixture) {
  constexpr double kWidth = 120;
  std::string out = "<svg class=\"mix\" width=\"120\" height=\"10\">";
  std::string title;
  double x = 0;
  for (std::size_t t = 0; t < mixture.size(); ++t) {
    const double w = kWidth * mixture[t];
    if (w >= 0.5) {
      out += "<rect class=\"t" + std::to_string(t) + "\" x=\"" + number(x, 1) + "\" width=\"" + number(w, 1) +
             "\" height=\"10\"/>";
      title += (title.empty() ? "" : ", ") + std::to_string(t + 1) + ": " + percent(mixture[t]);
    }
    x += w;
  }
  return out + "<title>" + title + "</title></svg>";
}

void documents_view(std::ostream& out, const FitReport& r, const std::vector<std::size_t>& listed,
                    const std::vector<std::string>& snippets) {
  const auto& docs = r.topics.documents;
  out << "<section id=\"documents\">\n<h2>Documents</h2>\n<p class=\"note\">"
      << thousands(static_cast<long>(listed.size())) << " of " << thousands(static_cast<long>(docs.size()))
      << " documents: every topic's top documents and others spread evenly over the corpus.</p>\n"
      << "<div class=\"controls\"><input type=\"search\" id=\"doc-search\" placeholder=\"search names and "
         "text\" aria-label=\"search documents\"><select id=\"doc-topic\" aria-label=\"dominant "
         "topic\"><option "
         "value=\"\">any dominant topic</option>";
  for (const auto& t : r.topics.topics)
    out << "<option value=\"" << t.id << "\">" << t.id + 1 << ": " << escape(t.label) << "</option>";
  out << "</select><span id=\"doc-count\"></span></div>\n<table class=\"grid "
         "docs\">\n<thead><tr><th>document</th>"
         "<th>topic</th><th>mixture</th><th>opening</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const auto& d = docs[listed[i]];
    const std::string dominant = d.dominant ? std::to_string(*d.dominant) : "";
    out << "<tr class=\"doc\" data-dominant=\"" << dominant << "\"><td class=\"path\">" << escape(d.path)
        << "</td><td class=\"num\">" << (d.dominant ? std::to_string(*d.dominant + 1) : "&ndash;")
        << "</td><td>" << mixture_bar(d.mixture) << "</td><td class=\"snippet\">"
        << escape(i < snippets.size() ? snippets[i] : "") << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

// A line chart of `values` against 1, 2, ... in an SVG of the given size.
void line_chart(std::ostream& out, std::string_view id, const std::vector<double>& values,
                std::string_view x_name, std::string_view y_name) {
  constexpr double kW = 640, kH = 220, kLeft = 64, kBottom = 30, kTopPad = 12, kRight = 12;
  double lo = 0, hi = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == 0 || values[i] < lo) lo = values[i];
    if (i == 0 || values[i] > hi) hi = values[i];
  }
  if (hi <= lo) hi = lo + 1;
  const double n = std::max<double>(1, static_cast<double>(values.size()) - 1);
  auto px = [&](double i) { return kLeft + (kW - kLeft - kRight) * i / n; };
  auto py = [&](double v) { return kTopPad + (kH - kTopPad - kBottom) * (1 - (v - lo) / (hi - lo)); };
  out << "<svg id=\"" << id << "\" width=\"" << kW << "\" height=\"" << kH << "\" role=\"img\" aria-label=\""
      << escape(y_name) << "\">\n<line class=\"axis\" x1=\"" << kLeft << "\" y1=\"" << kH - kBottom
      << "\" x2=\"" << kW - kRight << "\" y2=\"" << kH - kBottom << "\"/><line class=\"axis\" x1=\"" << kLeft
      << "\" y1=\"" << kTopPad << "\" x2=\"" << kLeft << "\" y2=\"" << kH - kBottom << "\"/>\n";
  out << "<text x=\"" << kLeft - 6 << "\" y=\"" << kTopPad + 8 << "\" text-anchor=\"end\">" << number(hi, 4)
      << "</text><text x=\"" << kLeft - 6 << "\" y=\"" << kH - kBottom << "\" text-anchor=\"end\">"
      << number(lo, 4) << "</text><text x=\"" << kLeft << "\" y=\"" << kH - 8 << "\">0</text><text x=\""
      << kW - kRight << "\" y=\"" << kH - 8 << "\" text-anchor=\"end\">"
      << values.size() - (values.empty() ? 0 : 1) << " " << escape(x_name)
      << "</text>\n<polyline fill=\"none\" stroke=\"#2f6fb0\" stroke-width=\"2\" points=\"";
  for (std::size_t i = 0; i < values.size(); ++i)
    out << (i ? " " : "") << number(px(static_cast<double>(i)), 1) << "," << number(py(values[i]), 1);
  out << "\"/>\n</svg>\n";
}

void convergence(std::ostream& out, const FitReport& r) {
  out << "<section id=\"convergence\">\n<h2>Convergence</h2>\n<p class=\"note\">The solver's objective ("
      << escape(nmf::to_string(r.nmf.config.solver)) << ") after the start and after each of its "
      << r.nmf.iterations << " iterations; "
      << (r.nmf.converged ? "it converged." : "it stopped at the iteration limit.") << "</p>\n";
  if (r.nmf.objective_trace.empty())
    out << "<p>The solver kept no trace.</p>\n";
  else
    line_chart(out, "objective", r.nmf.objective_trace, "iterations", "objective");
  out << "</section>\n";
}

void prevalence_view(std::ostream& out, std::string_view id, std::string_view title,
                     const PrevalenceTable& table, const FitReport& r) {
  double most = 0;
  for (const auto& b : table.bins)
    for (const double p : b.prevalence) most = std::max(most, p);
  out << "<section id=\"" << id << "\">\n<h2>" << title
      << "</h2>\n<p class=\"note\">Each topic's prevalence per " << escape(table.bin) << " of <code>"
      << escape(table.column) << "</code>"
      << (table.without_value ? fmt::format(" ({} documents without a value left out)", table.without_value)
                              : "")
      << ".</p>\n<table class=\"grid heat\">\n<tr><th>topic</th>";
  for (const auto& b : table.bins)
    out << "<th class=\"num\" title=\"" << b.documents << " documents\">" << escape(b.value) << "</th>";
  out << "</tr>\n";
  for (const auto& t : r.topics.topics) {
    out << "<tr><th><span class=\"swatch\" style=\"" << topic_style(t.id) << "\"></span>" << t.id + 1 << ": "
        << escape(t.label) << "</th>";
    for (const auto& b : table.bins) {
      const double p = static_cast<std::size_t>(t.id) < b.prevalence.size()
                           ? b.prevalence[static_cast<std::size_t>(t.id)]
                           : 0.0;
      out << "<td style=\"background:rgba(47,111,176," << number(most > 0 ? p / most : 0, 3) << ")\" title=\""
          << percent(p) << "\">" << number(100 * p, 0) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n</section>\n";
}

// What the script needs: per topic its candidate words with p(w|t) and p(w),
// per word its weight in every topic.
void data_block(std::ostream& out, const FitReport& r, const WordModel& m) {
  std::string json = "{\"shown_words\":" + std::to_string(std::max(1, r.settings.topics.top_words)) +
                     ",\"map_radius\":" + number(map_radius(m.candidates.size()), 2) + ",\"topics\":[";
  std::set<long> all;
  for (const auto& t : r.topics.topics) {
    if (&t != &r.topics.topics.front()) json += ',';
    json += "{\"id\":" + std::to_string(t.id) + ",\"words\":[";
    const auto& columns = m.candidates[static_cast<std::size_t>(t.id)];
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const long j = columns[i];
      all.insert(j);
      json += (i ? "," : "") + std::string("[") + json_string(word(m, j)) + "," +
              fmt::format("{:.6g}", m.P(t.id, j)) + "," +
              fmt::format("{:.6g}", m.marginal[static_cast<std::size_t>(j)]) + "]";
    }
    json += "]}";
  }
  json += "],\"word_topics\":{";
  for (auto it = all.begin(); it != all.end(); ++it) {
    json += (it == all.begin() ? "" : ",") + json_string(word(m, *it)) + ":[";
    for (Eigen::Index t = 0; t < m.P.rows(); ++t) json += (t ? "," : "") + fmt::format("{:.4g}", m.P(t, *it));
    json += "]";
  }
  json += "}}";
  out << "<script type=\"application/json\" id=\"unbake-data\">" << html::script_json(json) << "</script>\n";
}

}  // namespace

void write_html_report(std::ostream& out, const FitReport& report, const nmf::Matrix& H,
                       const std::vector<std::string>& words, const std::vector<std::size_t>& listed,
                       const std::vector<std::string>& snippets, const HtmlOptions& options,
                       const Execution& exec) {
  options.validate();
  if (static_cast<std::size_t>(H.cols()) != words.size() ||
      static_cast<std::size_t>(H.rows()) != report.topics.topics.size())
    throw Error(fmt::format("HTML report: H is {} x {} but there are {} topics and {} words", H.rows(),
                            H.cols(), report.topics.topics.size(), words.size()));
  const WordModel m = word_model(report, H, words, options);
  Snippets by_path;
  for (std::size_t i = 0; i < listed.size() && i < snippets.size(); ++i)
    by_path.emplace(report.topics.documents[listed[i]].path, snippets[i]);
  std::string classes;
  for (std::size_t t = 0; t < report.topics.topics.size(); ++t)
    classes += ".t" + std::to_string(t) + "{fill:" + topic_color(static_cast<int>(t)) + "}";
  html::page_start(out, "unbake: topics of " + report.corpus.root, "fit", classes);
  out << "<header class=\"page\"><h1>Topics of " << escape(report.corpus.root) << "</h1><p>"
      << report.topics.topics.size() << " topics &middot; " << thousands(report.corpus.documents)
      << " documents &middot; made by unbake</p></header>\n<nav class=\"views\"><a "
         "href=\"#overview\">overview</a><a "
         "href=\"#topics\">topics</a><a href=\"#map\">map</a><a href=\"#terms\">words</a><a "
         "href=\"#documents\">documents</a><a href=\"#convergence\">convergence</a>"
      << (report.over_time ? "<a href=\"#time\">time</a>" : "")
      << (report.by_group ? "<a href=\"#groups\">groups</a>" : "") << "</nav>\n<main>\n";
  overview(out, report);
  topic_cards(out, report, m, by_path);
  topic_map(out, report, m, exec.threads);
  terms_view(out, m);
  documents_view(out, report, listed, snippets);
  convergence(out, report);
  if (report.over_time) prevalence_view(out, "time", "Over time", *report.over_time, report);
  if (report.by_group) prevalence_view(out, "groups", "By group", *report.by_group, report);
  out << "</main>\n";
  data_block(out, report, m);
  html::page_end(out);
}

}  // namespace unbake::report
