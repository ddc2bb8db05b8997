#!/usr/bin/python3
"""Loads an unbake HTML page in headless Chromium ROUNDS times and prints the
time from navigation start until the page was ready (body data-ready-ms, set
by the page's script), median and range. Needs python3-selenium, chromium and
chromium-driver (scripts/install-deps.sh installs them).

usage: html_render.py PAGE.html [ROUNDS]
"""
import pathlib
import statistics
import sys


def main():
    page = pathlib.Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("html_render.py: python3-selenium is not installed")
        return 1
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    except Exception as e:  # no browser: say so and stop
        print(f"html_render.py: cannot start headless Chromium: {e}".splitlines()[0])
        return 1
    times = []
    try:
        for _ in range(rounds):
            driver.get(page.as_uri())
            WebDriverWait(driver, 60).until(
                lambda d: d.execute_script("return document.body && document.body.dataset.ready === '1'"))
            times.append(int(driver.execute_script("return document.body.dataset.readyMs")))
    finally:
        driver.quit()
    print(f"{page.name}: ready {statistics.median(times)} ms after navigation start "
          f"(median of {rounds}; {min(times)}-{max(times)} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
