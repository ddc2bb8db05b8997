#!/usr/bin/python3
"""Loads one of unbake's HTML reports in headless Chromium and checks it.

    check_report.py KIND PAGE.html REPORT.json SHOTS_DIR [--name NAME] [--expect-text TEXT]...
    check_report.py --probe

KIND is fit (PAGE from `unbake fit --html`, REPORT from the same run's --json)
or sweep (`unbake sweep --html/--json`). The page must set data-ready="1" on
<body> within 20 s; then the checks run against the page contract (sections,
topic cards and the relevance slider, the topic map, the document search, the
sweep chart) and the browser's console (no error, no Content Security Policy
report). Each section is saved as SHOTS_DIR/NAME-SECTION.png (NAME defaults to
KIND). --expect-text: text that must appear in document.body.innerText, as
text (used with planted markup, which must show literally and never run).

Prints one line per check ("ok: ..." or "FAIL: ..."). Exit 0 when every check
passes, 1 on any failure, 77 ("skipped: ...") when python3-selenium, chromium
or chromedriver is missing. --probe only looks for those three. Nothing here
measures time: the waits are for events, bounded so a broken page fails.
"""
import argparse
import base64
import json
import os
import re
import shutil
import sys
import tempfile

READY_TIMEOUT = 20  # seconds for body[data-ready="1"]
CHANGE_TIMEOUT = 5  # seconds for the page to react to the slider or the search

FIT_SECTIONS = ["overview", "topics", "map", "terms", "documents", "convergence"]
SWEEP_SECTIONS = ["overview", "sweep"]

# Recorded in the page before any of its own scripts run: a call of alert,
# confirm or prompt (what planted markup such as onerror=alert(1) would do).
DIALOG_HOOK = """
window.__unbakeDialogs = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = function (message) { window.__unbakeDialogs.push(name + '(' + String(message) + ')'); };
}
"""


def find_program(env, candidates):
    given = os.environ.get(env)
    if given:
        return given if os.access(given, os.X_OK) else None
    for c in candidates:
        path = c if os.path.isabs(c) else shutil.which(c)
        if path and os.access(path, os.X_OK):
            return path
    return None


def probe():
    """(selenium module, chromium path, chromedriver path), or exits 77."""
    try:
        import selenium
        from selenium import webdriver  # noqa: F401
    except ImportError:
        print("skipped: needs python3-selenium (Debian: apt-get install python3-selenium)")
        sys.exit(77)
    chromium = find_program("CHROMIUM", ["/usr/bin/chromium", "chromium", "chromium-browser"])
    if not chromium:
        print("skipped: needs chromium (Debian: apt-get install chromium)")
        sys.exit(77)
    driver = find_program("CHROMEDRIVER", ["/usr/bin/chromedriver", "chromedriver"])
    if not driver:
        print("skipped: needs chromedriver (Debian: apt-get install chromium-driver)")
        sys.exit(77)
    return selenium, chromium, driver


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, what):
        print(f"ok: {what}")
        self.passed += 1

    def fail(self, what):
        print(f"FAIL: {what}")
        self.failed += 1

    def check(self, condition, what, why=""):
        if condition:
            self.ok(what)
        else:
            self.fail(f"{what}{': ' + why if why else ''}")
        return condition


def short(value, n=300):
    s = str(value)
    return s if len(s) <= n else s[:n] + "..."


def start_browser(chromium, driver_path, tmp):
    """Chromium's profile and scratch files go to tmp (removed after)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(arg)
    options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # A real dialog stays open for check_dialogs to find, instead of being
    # dismissed by the next command.
    options.set_capability("unhandledPromptBehavior", "ignore")
    env = dict(os.environ, TMPDIR=tmp)
    return webdriver.Chrome(service=Service(driver_path, env=env), options=options)


class Page:
    """The browser session and what it gathered: console entries, dialogs."""

    def __init__(self, driver):
        self.d = driver
        self.console = []
        self.real_dialogs = []

    def js(self, script, *args):
        from selenium.common.exceptions import UnexpectedAlertPresentException
        for _ in range(5):
            try:
                return self.d.execute_script(script, *args)
            except UnexpectedAlertPresentException:
                self.take_dialog()
        return self.d.execute_script(script, *args)

    def take_dialog(self):
        from selenium.common.exceptions import NoAlertPresentException
        try:
            alert = self.d.switch_to.alert
            self.real_dialogs.append(alert.text)
            alert.accept()
            return True
        except NoAlertPresentException:
            return False

    def gather_console(self):
        try:
            self.console += self.d.get_log("browser")
        except Exception as e:  # a driver without the log endpoint
            self.console.append({"level": "SEVERE", "message": f"(could not read the console: {e})"})

    def wait_for(self, condition, timeout):
        from selenium.common.exceptions import TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            WebDriverWait(self.d, timeout, poll_frequency=0.05).until(lambda _: condition())
            return True
        except TimeoutException:
            return False


def words_by_card(page):
    return page.js("""
        return Array.from(document.querySelectorAll('article.topic')).map(a =>
          [a.getAttribute('data-topic'),
           Array.from(a.querySelectorAll('ol.words li')).map(li => li.getAttribute('data-word'))]);""")


def set_lambda(page, value):
    page.js("""
        const s = document.getElementById('lambda');
        s.value = arguments[0];
        s.dispatchEvent(new Event('input', {bubbles: true}));""", str(value))


def check_sections(c, page, wanted, absent):
    for sid in wanted:
        state = page.js("""
            const all = document.querySelectorAll('section[id="' + arguments[0] + '"]');
            if (all.length === 0) return 'missing';
            if (all.length > 1) return all.length + ' sections with this id';
            const s = all[0];
            return (s.innerText.trim().length > 0 || s.children.length > 0) ? 'ok' : 'empty';""", sid)
        c.check(state == "ok", f'section#{sid} is present and not empty', state)
    for sid, why in absent:
        n = page.js("return document.querySelectorAll('section[id=\"' + arguments[0] + '\"]').length", sid)
        c.check(n == 0, f"no section#{sid} ({why})", f"{n} found")


def check_fit(c, page, report):
    topics = report.get("topics") or []
    ids = [str(t["id"]) for t in topics]
    absent = []
    wanted = list(FIT_SECTIONS)
    for extra in ("time", "groups"):
        if report.get(extra):
            wanted.append(extra)
        else:
            absent.append((extra, f"the report's {extra} is {json.dumps(report.get(extra))}"))
    check_sections(c, page, wanted, absent)

    # Topic cards, in the JSON's order.
    cards = words_by_card(page)
    card_ids = [cid for cid, _ in cards]
    c.check(card_ids == ids, f"{len(ids)} topic cards, ids {ids} in the report's order",
            f"the page has {card_ids}")
    bare = [cid for cid, words in cards if not words or any(not w for w in words)]
    c.check(cards and not bare, "every card lists its words (ol.words li[data-word])",
            f"cards without words or with an empty data-word: {bare}")

    # The relevance slider.
    has_slider = page.js("""
        const s = document.getElementById('lambda');
        return !!s && s.type === 'range' && s.min === '0' && s.max === '1' && s.step === '0.05';""")
    if c.check(has_slider, 'input#lambda is a range 0..1, step 0.05'):
        initial = page.js("return document.getElementById('lambda').value")
        set_lambda(page, 1)
        at_one = words_by_card(page)
        set_lambda(page, 0)
        changed = page.wait_for(lambda: words_by_card(page) != at_one, CHANGE_TIMEOUT)
        at_zero = words_by_card(page)
        moved = [a[0] for a, b in zip(at_one, at_zero) if a[1] != b[1]]
        c.check(changed and moved, "λ = 0 reorders the words of at least one card (against λ = 1)",
                "no card changed")
        if moved:
            print(f"   cards reordered at λ = 0: {moved}; first: {at_zero[0][1][:6] if at_zero else []}")
        # λ = 1 ranks by weight: the words the JSON also lists keep its order.
        set_lambda(page, 1)
        page.wait_for(lambda: words_by_card(page) == at_one, CHANGE_TIMEOUT)
        weights = {str(t["id"]): {w["word"]: w["weight"] for w in t["words"]} for t in topics}
        unordered = []
        for cid, words in words_by_card(page):
            seq = [weights.get(cid, {})[w] for w in words if w in weights.get(cid, {})]
            if any(b > a for a, b in zip(seq, seq[1:])):
                unordered.append(cid)
        c.check(not unordered, "λ = 1 orders every card's words by the report's weights",
                f"out of order in cards {unordered}")
        set_lambda(page, initial)

    # The topic map.
    circles = page.js("""
        const m = document.querySelector('svg#topic-map');
        return m ? Array.from(m.querySelectorAll('circle[data-topic]')).map(e => e.getAttribute('data-topic')) : null;""")
    if c.check(circles is not None, "svg#topic-map exists"):
        c.check(sorted(circles) == sorted(ids) and len(circles) == len(ids),
                f"the map has one circle per topic ({len(ids)})", f"circles for {circles}")

    check_search(c, page, report)


def check_search(c, page, report):
    rows = lambda: page.js("""
        return Array.from(document.querySelectorAll('tr.doc')).map(r => [!r.hasAttribute('hidden'), r.textContent]);""")
    box = page.js("const b = document.getElementById('doc-search'); return !!b && b.type === 'search';")
    if not c.check(box, "input#doc-search (type search) exists"):
        return
    before = rows()
    total = len(before)
    shown_before = sum(1 for v, _ in before if v)
    if not c.check(shown_before > 1, f"document rows (tr.doc) are listed: {shown_before} shown of {total}",
                   "need at least two shown rows to test the search"):
        return
    docs = report.get("documents") or []
    texts = [t.lower() for _, t in before]
    # The first document that the page lists (the JSON's first, on small corpora).
    path = next((d["path"] for d in docs if any(d["path"].lower() in t for t in texts)), None)
    if not c.check(path is not None, "a row shows the path of one of the report's documents",
                   "no row contains any document path"):
        return
    paths = [d["path"].lower() for d in docs]
    tokens = [t for t in re.split(r"[^0-9A-Za-z]+", path.rsplit(".", 1)[0]) if len(t) >= 3 and not t.isdigit()]
    if not c.check(tokens, f"a search word in the path '{path}'", "none of three letters or more"):
        return
    # The word from that path that the fewest paths contain: it must filter.
    word = min(tokens, key=lambda t: (sum(t.lower() in p for p in paths), -len(t)))

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    search = page.d.find_element(By.ID, "doc-search")
    page.js("arguments[0].scrollIntoView({block: 'center'})", search)

    def type_in(text):
        search.send_keys(Keys.CONTROL, "a")
        search.send_keys(Keys.BACKSPACE)
        if text:
            search.send_keys(text)

    def shown():
        return [i for i, (v, _) in enumerate(rows()) if v]

    type_in(word.lower())
    page.wait_for(lambda: len(shown()) != shown_before, CHANGE_TIMEOUT)
    hits = shown()
    c.check(0 < len(hits) < shown_before,
            f"searching '{word.lower()}' filters the rows: {len(hits)} of {shown_before} shown",
            "expected fewer rows, and at least one")
    after = rows()
    stray = [i for i in hits if word.lower() not in after[i][1].lower()]
    c.check(not stray, f"every row shown for '{word.lower()}' contains it",
            f"rows {stray[:5]} do not")

    type_in(word.upper())
    page.wait_for(lambda: shown() == hits, CHANGE_TIMEOUT)
    c.check(shown() == hits, f"the search is case-insensitive ('{word.upper()}' shows the same rows)",
            f"{len(shown())} rows shown")

    type_in("")
    page.wait_for(lambda: len(shown()) == shown_before, CHANGE_TIMEOUT)
    c.check(len(shown()) == shown_before, f"clearing the search shows all {shown_before} rows again",
            f"{len(shown())} shown")


def check_sweep(c, page, report):
    check_sections(c, page, SWEEP_SECTIONS, [])
    ks = sorted(str(r["k"]) for r in report.get("results") or [])
    got = page.js("""
        const s = document.querySelector('svg#sweep-chart');
        return s ? Array.from(s.querySelectorAll('g.k')).map(g => g.getAttribute('data-k')) : null;""")
    if c.check(got is not None, "svg#sweep-chart exists"):
        c.check(sorted(got, key=lambda k: (len(k or ""), k)) == sorted(ks, key=lambda k: (len(k), k)),
                f"the chart has one g.k per k swept ({', '.join(ks)})", f"g.k for {got}")


def check_safety(c, page, expect_texts):
    page.wait_for(lambda: page.js("return document.readyState") == "complete", CHANGE_TIMEOUT)
    handlers = page.js("""
        return Array.from(document.querySelectorAll('[onerror]'))
          .map(e => e.outerHTML.slice(0, 120));""")
    c.check(not handlers, "no element carries an onerror attribute (no img[onerror])",
            short(handlers))
    text = page.js("return document.body.innerText")
    for t in expect_texts:
        if t in text:
            c.ok(f"the page shows {t!r} as text")
        else:
            in_source = page.js("return document.body.textContent.includes(arguments[0])", t)
            c.fail(f"the page does not show {t!r} as text"
                   + (" (it is in textContent, but not shown)" if in_source else ""))
    page.take_dialog()
    dialogs = (page.js("return window.__unbakeDialogs || []") or []) + page.real_dialogs
    c.check(not dialogs, "no alert, confirm or prompt was called", short(dialogs))


def check_console(c, page):
    page.gather_console()
    severe = [e for e in page.console if e.get("level") == "SEVERE"]
    csp = [e for e in page.console
           if re.search(r"Refused to|Content Security Policy", e.get("message", ""), re.I)]
    c.check(not severe, "no console message of level SEVERE",
            "; ".join(short(e.get("message")) for e in severe[:5]))
    c.check(not csp, "no 'Refused to' / Content Security Policy message",
            "; ".join(short(e.get("message")) for e in csp[:5]))
    others = [e for e in page.console if e not in severe and e not in csp]
    for e in others[:5]:
        print(f"   console {e.get('level')}: {short(e.get('message'), 200)}")


def screenshots(c, page, sections, shots_dir, name):
    os.makedirs(shots_dir, exist_ok=True)
    saved, failed = [], []
    for sid in sections:
        el = page.js('return document.querySelector(\'section[id="\' + arguments[0] + \'"]\')', sid)
        if el is None:
            continue
        out = os.path.join(shots_dir, f"{name}-{sid}.png")
        try:
            page.js("window.scrollTo(0, 0)")
            r = page.js("""
                const b = arguments[0].getBoundingClientRect();
                return [b.left + window.scrollX, b.top + window.scrollY, b.width, b.height];""", el)
            x, y, w, h = r
            clip = {"x": x, "y": y, "width": max(w, 1), "height": max(min(h, 4000), 1), "scale": 1}
            shot = page.d.execute_cdp_cmd("Page.captureScreenshot",
                                          {"format": "png", "clip": clip, "captureBeyondViewport": True})
            with open(out, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        except Exception:
            try:  # without the DevTools command: the element, scrolled into view
                page.js("arguments[0].scrollIntoView()", el)
                el.screenshot(out)
            except Exception as e:
                failed.append(f"{sid} ({short(e, 100)})")
                continue
        saved.append(os.path.basename(out))
    c.check(not failed, f"screenshots saved in {shots_dir}: {', '.join(saved)}", f"not saved: {failed}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--probe", action="store_true", help="only look for selenium, chromium, chromedriver")
    ap.add_argument("kind", nargs="?", choices=["fit", "sweep"])
    ap.add_argument("page", nargs="?")
    ap.add_argument("report", nargs="?")
    ap.add_argument("shots", nargs="?")
    ap.add_argument("--name", help="screenshot name prefix (default: KIND)")
    ap.add_argument("--expect-text", action="append", default=[], metavar="TEXT",
                    help="text that document.body.innerText must contain (repeatable)")
    args = ap.parse_args()

    selenium, chromium, driver_path = probe()
    if args.probe:
        print(f"ok: selenium {selenium.__version__}, {chromium}, {driver_path}")
        return 0
    if not (args.kind and args.page and args.report and args.shots):
        ap.error("KIND PAGE.html REPORT.json SHOTS_DIR are required")

    c = Checks()
    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    url = "file://" + os.path.abspath(args.page)

    tmp = tempfile.mkdtemp(prefix="check_report-")
    try:
        return run(c, args, report, url, selenium, chromium, driver_path, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(c, args, report, url, selenium, chromium, driver_path, tmp):
    from selenium.common.exceptions import WebDriverException
    try:
        driver = start_browser(chromium, driver_path, tmp)
    except WebDriverException as e:
        c.fail(f"headless Chromium did not start: {short(getattr(e, 'msg', None) or e)}")
        return 1
    page = Page(driver)
    try:
        print(f"   browser: Chromium {driver.capabilities.get('browserVersion')}, selenium {selenium.__version__}")
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DIALOG_HOOK})
        driver.set_page_load_timeout(60)
        driver.get(url)
        ready = page.wait_for(lambda: page.js(
            "return document.body && document.body.getAttribute('data-ready')") == "1", READY_TIMEOUT)
        if not c.check(ready, f'body[data-ready="1"] within {READY_TIMEOUT} s'):
            check_console(c, page)
            os.makedirs(args.shots, exist_ok=True)
            driver.save_screenshot(os.path.join(args.shots, f"{args.name or args.kind}-not-ready.png"))
            return finish(c, args)
        csp = page.js("""
            const m = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
            return m ? m.getAttribute('content') : null;""")
        c.check(csp is not None and re.search(r"default-src\s+'none'", csp),
                "a Content-Security-Policy meta with default-src 'none'", f"content: {csp}")
        if args.kind == "fit":
            check_fit(c, page, report)
            sections = FIT_SECTIONS + ["time", "groups"]
        else:
            check_sweep(c, page, report)
            sections = SWEEP_SECTIONS
        page.gather_console()
        screenshots(c, page, sections, args.shots, args.name or args.kind)
        check_safety(c, page, args.expect_text)
        check_console(c, page)
    except WebDriverException as e:
        c.fail(f"the browser session broke: {short(getattr(e, 'msg', None) or e)}")
    finally:
        driver.quit()
    return finish(c, args)


def finish(c, args):
    print(f"check_report {args.name or args.kind}: {c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
