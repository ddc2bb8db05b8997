#include "report/html.hpp"

#include <cmath>

#include <fmt/format.h>

#include <unbake/core/version.hpp>

namespace unbake::report::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string script_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

std::string number(double value, int digits) {
  if (!std::isfinite(value)) return "0";
  std::string s = fmt::format("{:.{}f}", value, digits);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string fixed(double value, int digits) {
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, digits) : "0";
}

namespace {

// Nothing may be fetched: no scripts, styles, images, fonts or connections
// from anywhere; the inline ones are allowed (the page is one file). No
// eval is allowed either.
constexpr std::string_view kPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'";

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --line: #d8dce3; --paper: #fff; --wash: #f4f6f9; --accent: #2f6fb0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--wash); }
header.page { background: var(--ink); color: #fff; padding: 14px 24px; }
header.page h1 { margin: 0; font-size: 20px; font-weight: 600; }
header.page p { margin: 2px 0 0; color: #c9d1de; font-size: 13px; }
nav.views { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); padding: 6px 24px; }
nav.views a { margin-right: 14px; color: var(--accent); text-decoration: none; font-weight: 500; }
main { max-width: 1280px; margin: 0 auto; padding: 8px 24px 40px; }
section { scroll-margin-top: 44px; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 16px 0; }
section > h2 { margin: 0 0 10px; font-size: 17px; }
.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; }
table.facts th { color: var(--muted); font-weight: 500; white-space: nowrap; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 4px 8px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(290px, 1fr)); gap: 12px; }
article.topic { border: 1px solid var(--line); border-left: 6px solid var(--topic); border-radius: 5px; padding: 8px 10px; }
article.topic h3 { margin: 0; font-size: 15px; }
article.topic .stats { color: var(--muted); font-size: 12px; margin: 2px 0 6px; }
ol.words { list-style: none; margin: 0; padding: 0; }
ol.words li { display: grid; grid-template-columns: 8.5em 1fr 3.6em; align-items: center; gap: 6px; font-size: 13px; }
ol.words li .w { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
ol.words li .bar { height: 9px; background: var(--topic); border-radius: 2px; }
ol.words li .v { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
ol.words li:hover .w { text-decoration: underline; }
ul.docs { margin: 6px 0 0; padding-left: 16px; font-size: 12.5px; }
ul.docs li { margin: 2px 0; }
ul.docs .path { font-weight: 500; word-break: break-all; }
ul.docs .snippet { color: var(--muted); display: block; }
.controls { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; font-size: 14px; }
.controls input[type=search] { width: 22em; padding: 4px 6px; }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .gridline { stroke: var(--line); stroke-width: 1; }
.mix { display: inline-block; vertical-align: middle; }
table.docs td.snippet { color: var(--muted); font-size: 12.5px; max-width: 46em; }
table.docs td.path { word-break: break-all; max-width: 24em; font-size: 13px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; background: var(--topic); margin-right: 4px; }
.heat td { width: 26px; height: 22px; text-align: center; font-size: 10px; padding: 0; border: 1px solid #fff; }
details summary { cursor: pointer; color: var(--accent); }
pre { background: var(--wash); padding: 8px; overflow: auto; font-size: 12px; }
@media print {
  nav.views, .controls { display: none; }
  body { background: #fff; }
  section { break-inside: avoid-page; border: none; }
  ol.words li[hidden] { display: none; }
}
)css";

// The interactions. Everything it needs is in the page: the JSON block
// "unbake-data" and the data-* attributes of the static parts.
constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  var block = document.getElementById("unbake-data");
  var data = block ? JSON.parse(block.textContent) : {};
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  // Relevance (Sievert & Shirley 2014): lambda * log p(w|t) + (1 - lambda) * log(p(w|t) / p(w)),
  // over each topic's candidate words; lambda = 1 ranks by weight.
  var slider = document.getElementById("lambda");
  if (slider && data.topics) {
    var shown = data.shown_words || 10;
    var label = document.getElementById("lambda-value");
    var rerank = function () {
      var lambda = parseFloat(slider.value);
      if (label) label.textContent = lambda.toFixed(2);
      data.topics.forEach(function (topic) {
        var list = document.querySelector('article.topic[data-topic="' + topic.id + '"] ol.words');
        if (!list) return;
        var items = {};
        each(list.children, function (li) { items[li.getAttribute("data-word")] = li; });
        var ranked = topic.words.map(function (w, i) {
          return { word: w[0], score: lambda * Math.log(w[1]) + (1 - lambda) * Math.log(w[1] / w[2]), order: i };
        });
        ranked.sort(function (a, b) { return (b.score - a.score) || (a.order - b.order); });
        ranked.forEach(function (r, i) {
          var li = items[r.word];
          if (!li) return;
          li.hidden = i >= shown;
          list.appendChild(li);
        });
      });
    };
    slider.addEventListener("input", rerank);
    slider.addEventListener("change", rerank);
  }

  // A word's weight in every topic, shown by the map's circles.
  var circles = document.querySelectorAll("#topic-map circle[data-topic]");
  var restore = function () { each(circles, function (c) { c.setAttribute("r", c.getAttribute("data-r")); }); };
  if (circles.length && data.word_topics) {
    var caption = document.getElementById("map-word");
    var showWord = function (word) {
      var weights = data.word_topics[word];
      if (!weights) return;
      var most = Math.max.apply(null, weights) || 1;
      each(circles, function (c) {
        var w = weights[parseInt(c.getAttribute("data-topic"), 10)] || 0;
        c.setAttribute("r", (data.map_radius * Math.sqrt(w / most)).toFixed(2));
      });
      if (caption) caption.textContent = "circles: the weight of \u201c" + word + "\u201d in each topic";
    };
    each(document.querySelectorAll("[data-word]"), function (el) {
      el.addEventListener("mouseenter", function () { showWord(el.getAttribute("data-word")); });
      el.addEventListener("mouseleave", function () {
        restore();
        if (caption) caption.textContent = "circles: topic prevalence";
      });
    });
  }

  // Document search and topic filter.
  var search = document.getElementById("doc-search");
  var filter = document.getElementById("doc-topic");
  var rows = document.querySelectorAll("tr.doc");
  var count = document.getElementById("doc-count");
  var apply = function () {
    var q = search ? search.value.trim().toLowerCase() : "";
    var t = filter ? filter.value : "";
    var visible = 0;
    each(rows, function (row) {
      var ok = (!t || row.getAttribute("data-dominant") === t) &&
               (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) visible += 1;
    });
    if (count) count.textContent = visible + " of " + rows.length + " listed documents";
  };
  if (search) search.addEventListener("input", apply);
  if (filter) filter.addEventListener("change", apply);
  if (rows.length) apply();

  // For bench/html_report.sh: when the page was ready, since navigation began.
  if (window.performance) document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.body.setAttribute("data-ready", "1");
})();
)js";

}  // namespace

void page_start(std::ostream& out, std::string_view title, std::string_view kind, std::string_view style) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kPolicy << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"" << kName << " " << kVersion << "\">\n"
      << "<title>" << escape(title) << "</title>\n<style>" << kStyle << style << "</style>\n</head>\n"
      << "<body data-report=\"" << escape(kind) << "\">\n";
}

void page_end(std::ostream& out) { out << "<script>" << kScript << "</script>\n</body>\n</html>\n"; }

}  // namespace unbake::report::html
