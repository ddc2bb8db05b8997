#pragma once
// Pieces both HTML pages share (private to the library): escaping, numbers
// written the same way on every machine, and the page's frame.
#include <ostream>
#include <string>
#include <string_view>

namespace unbake::report::html {

// Text for an element or a quoted attribute: & < > " ' escaped.
std::string escape(std::string_view text);

// Fixed notation with exactly `digits` decimals ("1.00"), for columns of shares.
std::string fixed(double value, int digits);

// JSON text for a <script type="application/json"> block: '<' written as
// \u003c, so no string from the corpus can close the block or open a comment.
std::string script_json(std::string_view json);

// Fixed notation with `digits` decimals, no trailing zeros ("0.25", "3"):
// short, and free of the locale.
std::string number(double value, int digits = 4);

// The head (title, Content-Security-Policy, style) and the opening body tag;
// page_end closes it with the shared script.
// `style` is added to the page's own (per-page classes).
void page_start(std::ostream& out, std::string_view title, std::string_view kind,
                std::string_view style = {});
void page_end(std::ostream& out);

}  // namespace unbake::report::html
