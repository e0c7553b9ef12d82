"""Screenshots of key pages at phone and desktop widths, to look at as a reader would.

Builds the sample site for a 127.0.0.1 address (`invoke preview`), serves it
as a host would (site_preview/static_server.py) and saves PNGs of the home
page, the model article, the albums, a person, a song and a search, in
Vietnamese and English, at 320, 390 and 1280 px, the first screen (`-top`)
and the whole page, into
bench/screenshots/ (git-ignored); prints the header's height and the bytes
of the first screen.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_base.loopback import free_port
from site_gates.browser import CHROMIUM, FLAGS
from site_preview.static_server import serve
from tools.lighthouse import build

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "screenshots"
PAGES = {
    "home": "/",
    "article": "/2025/hoi-nghi-ban-doc-2025/",
    "galleries": "/galleries/",
    "person": "/people/phung-chien/",
    "song": "/works/chieu-muong-hum/",
    "search": "/search/?q=hoi+nghi",
    "home-en": "/en/",
    "article-en": "/en/2025/hoi-nghi-ban-doc-2025/",
    "galleries-en": "/en/galleries/",
    "person-en": "/en/people/phung-chien/",
    "song-en": "/en/works/chieu-muong-hum/",
    "search-en": "/en/search/?q=readers+conference",
}
WIDTHS = {320: 640, 390: 844, 1280: 800}


def measure(page) -> dict[str, float]:
    """Return the header's height and the bytes the first screen loaded."""
    header = page.eval_on_selector(".site-header", "e => e.getBoundingClientRect()")
    transferred = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".concat(performance.getEntriesByType('navigation'))"
        ".reduce((sum, e) => sum + (e.transferSize || 0), 0)"
    )
    return {"header_px": round(header["height"]), "first_screen_bytes": transferred}


def main() -> None:
    """Build, serve, shoot every page at every width, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", help="a build to shoot (default: build one)")
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    figures = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        port = free_port()
        siteurl = f"http://127.0.0.1:{port}"
        output = Path(arguments.output or Path(folder) / "output")
        if not arguments.output:
            build(output, siteurl)
        server, _url = serve(output, port)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for width, height in WIDTHS.items():
                for name, path in PAGES.items():
                    # A new context each time: an empty cache, as a first visit.
                    context = browser.new_context(
                        viewport={"width": width, "height": height}
                    )
                    page = context.new_page()
                    page.goto(siteurl + path, wait_until="networkidle")
                    figures[f"{name}-{width}"] = measure(page)
                    page.screenshot(path=OUT / f"{name}-{width}-top.png")
                    page.screenshot(path=OUT / f"{name}-{width}.png", full_page=True)
                    context.close()
        finally:
            browser.close()
            server.shutdown()
    for shot, values in figures.items():
        print(
            f"{shot:18} header {values['header_px']:>4} px, first screen "
            f"{values['first_screen_bytes'] / 1024:>6.1f} KB"
        )
    (OUT / "figures.json").write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    print(f"Screenshots in {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
