#include "text/html_text.hpp"

#ifdef UNBAKE_HAVE_GUMBO
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <vector>
#endif

namespace unbake::text {

#ifdef UNBAKE_HAVE_GUMBO

namespace {

// Elements whose content is not read as text by a visitor of the page.
bool invisible(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:  // its <title> is taken on its own
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

// Elements that end a line, so that words of adjacent cells, items and
// paragraphs are not glued together.
bool breaks_line(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

void append_text(std::string& out, const char* text) {
  if (!text) return;
  if (!out.empty() && out.back() != '\n' && out.back() != ' ') out.push_back(' ');
  out.append(text);
}

// Depth-first with an explicit stack: a page nested a million levels deep
// must not exhaust the thread's stack. A null node marks a line end after an
// element's children.
void visible_text(const GumboNode* root, std::string& out) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!node) {
      if (!out.empty() && out.back() != '\n') out.push_back('\n');
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        append_text(out, node->v.text.text);
        break;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboVector* children =
            node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
        if (node->type != GUMBO_NODE_DOCUMENT) {
          if (invisible(node->v.element.tag)) break;
          if (breaks_line(node->v.element.tag)) stack.push_back(nullptr);
        }
        for (unsigned i = children->length; i-- > 0;)
          stack.push_back(static_cast<const GumboNode*>(children->data[i]));
        break;
      }
      default:  // comments, whitespace between tags
        break;
    }
  }
}

// The page's <title>, which a visitor sees in the tab and a search result.
const GumboNode* find_title(const GumboNode* root) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TITLE) return node;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) continue;
    const GumboVector* children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    for (unsigned i = children->length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
  return nullptr;
}

// An upper estimate of how deep the page nests its elements: start tags
// minus end tags, leaving out void elements and those a following sibling
// closes (p, li, td, ...). gumbo's time and memory grow with the square of the
// depth (20,000 levels took 3 GB), so a page nested deeper than any
// hand-written one is refused before parsing.
std::size_t nesting_estimate(std::string_view html) {
  static constexpr std::string_view kNotNesting[] = {
      "area",  "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",   "param", "source",
      "track", "wbr",  "p",  "li",  "td",    "th", "tr",  "dt",    "dd",   "option", "!",     "?"};
  std::size_t depth = 0, deepest = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size();
       i = html.find('<', i + 1)) {
    const bool closing = html[i + 1] == '/';
    std::size_t start = i + 1 + (closing ? 1 : 0), end = start;
    while (end < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '!' || html[end] == '?'))
      ++end;
    if (end == start) continue;
    std::string name(html.substr(start, end - start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool counted = true;
    for (auto skip : kNotNesting)
      if (name == skip || (skip.size() == 1 && name.starts_with(skip))) counted = false;
    if (!counted) continue;
    if (closing) {
      depth -= depth > 0;
    } else {
      const auto gt = html.find('>', end);
      if (gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/') continue;  // <div/>
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

}  // namespace

bool html_available() { return true; }

HtmlText html_visible_text(std::string_view html) {
  if (nesting_estimate(html) > kMaxHtmlDepth)
    return {std::nullopt,
            "HTML nested deeper than " + std::to_string(kMaxHtmlDepth) + " elements (not read)"};
  // gumbo takes a length as size_t but counts positions in unsigned ints.
  if (html.size() > static_cast<std::size_t>(UINT_MAX / 2)) html = html.substr(0, UINT_MAX / 2);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string out;
  if (const GumboNode* title = find_title(output->document)) {
    const GumboVector& children = title->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT) append_text(out, child->v.text.text);
    }
    out.push_back('\n');
  }
  visible_text(output->document, out);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return {std::move(out), ""};
}

#else

bool html_available() { return false; }
HtmlText html_visible_text(std::string_view) {
  return {std::nullopt, "HTML: this build has no HTML reader (gumbo)"};
}

#endif

}  // namespace unbake::text
