#!/usr/bin/env bash
# fit --html and sweep --html in a browser: headless Chromium (through
# tests/browser/check_report.py) opens each page from the file, waits for its
# script to finish and checks the sections, the topic cards and the relevance
# slider, the map, the document search, the sweep chart and a quiet console;
# a screenshot of each section goes to report-screenshots/ beside the binary.
# Without a browser: no http(s) src or href, no external script or style, the
# Content-Security-Policy meta before any script, and the same bytes from two
# fits. Planted markup in a document's name and text (</script><img onerror>,
# <b>) shows as text and never runs.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
[ -n "$py" ] || { echo "skipped: needs python3"; exit 77; }
check=$src/tests/browser/check_report.py
"$py" "$check" --probe >probe.txt 2>&1
case $? in
  0) ;;
  77) cat probe.txt; exit 77 ;;
  *) fail "check_report.py --probe: $(head -c 600 probe.txt)"; finish ;;
esac
shots=$(dirname "$bin")/report-screenshots
mkdir -p "$shots" || { fail "cannot make $shots"; finish; }

# html_run CMD...: CMD (with --html PAGE --json REPORT) must succeed.
html_run() { expect_ok "$@"; }

# browser_check KIND PAGE REPORT [ARGS...]: check_report.py's lines, indented.
browser_check() {
  "$py" "$check" "$1" "$2" "$3" "$shots" "${@:4}" >check.txt 2>&1
  local got=$?
  sed 's/^/  /' check.txt
  [ "$got" -eq 0 ] || fail "$2 in the browser (check_report.py exited $got)"
}

# static_checks PAGE: what the page's bytes must show without a browser.
static_checks() {
  "$py" - "$1" <<'PY' || fail "$1: external references or no Content-Security-Policy"
import re, sys
from html.parser import HTMLParser
page = sys.argv[1]
text = open(page, encoding="utf-8").read()
problems = []
class Scan(HTMLParser):
    csp = None        # the CSP meta's content
    csp_late = False  # a script or style came before it
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content") or ""
        if tag in ("script", "style", "link") and self.csp is None:
            self.csp_late = True
        if tag == "script" and "src" in a:
            problems.append(f"<script src={a['src']!r}>: scripts must be inline")
        if tag == "link" and "stylesheet" in (a.get("rel") or "").lower():
            problems.append(f"<link rel=stylesheet href={a.get('href')!r}>: styles must be inline")
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "srcset", "action", "poster", "data") and value and \
               re.match(r"\s*(https?:)?//", value, re.I):
                problems.append(f"<{tag} {name}={value!r}>")
    handle_startendtag = handle_starttag
scan = Scan()
scan.feed(text)
if scan.csp is None:
    problems.append("no <meta http-equiv=Content-Security-Policy>")
elif not re.search(r"default-src\s+'none'", scan.csp):
    problems.append(f"the CSP does not say default-src 'none': {scan.csp!r}")
if scan.csp_late:
    problems.append("a script or style comes before the CSP meta (the policy would not cover it)")
for m in re.finditer(r"url\(\s*['\"]?\s*(https?:)?//[^)]*\)", text, re.I):
    problems.append(f"CSS {m.group(0)[:80]}")
for p in problems:
    print(f"  {page}: {p}")
sys.exit(1 if problems else 0)
PY
}

corpus=$src/corpora/default

# The fit's page.
html_run "$bin" fit "$corpus" -k 6 --html fit.html --json fit.json
if [ -s fit.html ]; then
  static_checks fit.html
  browser_check fit fit.html fit.json
  # The same input, the same bytes.
  html_run "$bin" fit "$corpus" -k 6 --html fit2.html --json fit2.json
  cmp -s fit.html fit2.html || fail "two fits of the same folder gave different pages: $(cmp fit.html fit2.html 2>&1)"
else
  fail "fit --html wrote no page"
fi

# The sweep's page.
html_run "$bin" sweep "$corpus" -k 4:6 --html sweep.html --json sweep.json
if [ -s sweep.html ]; then
  static_checks sweep.html
  browser_check sweep sweep.html sweep.json
else
  fail "sweep --html wrote no page"
fi

# Planted markup: a document whose path and text close the script and add an
# image with an error handler. Its path is '</script><img src=x onerror=alert(1)><b>bold</b>.txt'
# (the '/'s make folders '<' and 'script><img src=x onerror=alert(1)><b>bold<').
cp -r "$corpus" hostile
planted='</script><img src=x onerror=alert(1)>'
dir="hostile/<"'/script><img src=x onerror=alert(1)><b>bold<'
mkdir -p "$dir"
printf '%s and <b>bold</b>: a note on the moon, the stars and a small telescope.\n' "$planted" >"$dir/b>.txt"
html_run "$bin" fit hostile -k 6 --html hostile.html --json hostile.json
if [ -s hostile.html ]; then
  "$py" - hostile.json <<'PY' || fail "the planted document was not read"
import json, sys
paths = [d["path"] for d in json.load(open(sys.argv[1]))["documents"]]
assert "</script><img src=x onerror=alert(1)><b>bold</b>.txt" in paths, [p for p in paths if "<" in p]
PY
  static_checks hostile.html
  browser_check fit hostile.html hostile.json --name hostile \
    --expect-text '</script>' --expect-text "$planted" --expect-text '<b>bold</b>'
else
  fail "fit --html wrote no page for the planted corpus"
fi
finish
