"""The site on DevTools' "Slow 3G": first paint and search, beside a baseline.

Builds the sample site (and, with --baseline, the site as it was at a git
commit, in a temporary worktree), serves each as a host would (gzip, cache
headers: site_preview/static_server.py) and opens it in headless Chromium
with DevTools' Slow 3G conditions (2,000 ms round trip, 50 KB/s each way;
the network only, as the preset) and an empty cache, three times each:

- the first contentful paint of each page;
- search as a reader on a phone does it: the search page loaded, a tap on
  the field, the words typed one key every 200 ms, and the time from the
  last key to the first result on screen.

Prints the medians and writes them to bench/results/slow_3g.json. A
benchmark, not a test: the figures move with the machine's load.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from site_gates.browser import CHROMIUM, FLAGS
from site_preview.static_server import serve
from tools.checkouts import site_builds, write_results

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["/", "/2025/hoi-nghi-ban-doc-2025/", "/search/", "/galleries/"]
# DevTools' "Slow 3G" preset, as Chromium's own throttling table has it.
SLOW_3G = {
    "offline": False,
    "latency": 2000,
    "downloadThroughput": 50 * 1024,
    "uploadThroughput": 50 * 1024,
}
PHONE = {"width": 390, "height": 844}
TARGET_MS = 2600
SEARCH_PAGE = "/search/"
QUERY = "hoi nghi ban doc"
KEY_DELAY_MS = 200  # a thumb on a phone's keyboard
SEARCH_TARGET_MS = 4000
SEARCH = f"search '{QUERY}', last key to results"


@contextmanager
def slow_page(browser: Browser, *, cache: bool) -> Iterator[Page]:
    """Yield a phone's page on Slow 3G, its cache empty (and off unless `cache`)."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        if not cache:
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        yield page
    finally:
        context.close()


def search_time(browser: Browser, url: str) -> float:
    """Return ms from the last key of QUERY to the first result, cold, on Slow 3G.

    The cache is on: the files fetched at the first key are read from it.
    """
    with slow_page(browser, cache=True) as page:
        page.goto(url + SEARCH_PAGE, wait_until="load", timeout=120_000)
        page.click("#search-query")
        page.type("#search-query", QUERY, delay=KEY_DELAY_MS)
        typed = page.evaluate("() => performance.now()")
        page.wait_for_selector(".search-result", timeout=120_000)
        return page.evaluate("() => performance.now()") - typed


def first_paint(browser: Browser, url: str) -> float:
    """Return the first contentful paint of `url` in ms, cold, on Slow 3G."""
    with slow_page(browser, cache=False) as page:
        page.goto(url, wait_until="load", timeout=120_000)
        # The paint may be reported just after the load event.
        paint = page.wait_for_function(
            "() => performance.getEntriesByName('first-contentful-paint')[0]",
            timeout=60_000,
        )
        return paint.evaluate("entry => entry.startTime")


def measure(site: tuple[Path, int], pages: list[str], runs: int) -> dict[str, float]:
    """Serve a built site; return each page's median first paint, and search's."""
    server, url = serve(*site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                figures = {
                    page: statistics.median(
                        first_paint(browser, url + page) for _ in range(runs)
                    )
                    for page in pages
                }
                figures[SEARCH] = statistics.median(
                    search_time(browser, url) for _ in range(runs)
                )
                return figures
            finally:
                browser.close()
    finally:
        server.shutdown()


def main() -> None:
    """Build, measure, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=PAGES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", help="a git commit to measure beside this tree")
    arguments = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with site_builds(folder, arguments.baseline) as builds:
            for name, site in builds.items():
                results[name] = measure(site, arguments.pages, arguments.runs)
    columns = [name for name in ("baseline", "now") if name in results]
    print(f"Slow 3G, 390x844, empty cache, median of {arguments.runs} (ms)")
    print(f"{'first contentful paint':44}" + "".join(f"{c:>10}" for c in columns))
    for row in [*arguments.pages, SEARCH]:
        target = SEARCH_TARGET_MS if row == SEARCH else TARGET_MS
        figures = "".join(f"{results[c][row]:>10.0f}" for c in columns)
        print(f"{row:44}{figures}   (target {target})")
    write_results("slow_3g", arguments.baseline, arguments.runs, results)


if __name__ == "__main__":
    main()
