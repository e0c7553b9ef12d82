"""The editor's page, /admin/, on a laptop and on a phone: bytes and time to sign-in.

Builds the sample site as published (`invoke preview`) and, with --baseline,
the site as it was at a git commit (in a temporary worktree, with that
commit's own front-end packages when its package-lock.json differs: an
older editor), serves each as a host would (gzip, cache headers:
site_preview/static_server.py) and opens /admin/ in headless Chromium with
an empty cache, until its sign-in button can be pressed:

- laptop: 1280x800, the network and processor as they are;
- phone: 390x844, Lighthouse's mobile conditions (150 ms round trip,
  1.6 Mb/s down, 750 kb/s up, the processor four times slower).

Prints the medians (bytes over the network, milliseconds from navigation to
the button) and writes them to bench/results/editor_first_use.json. A
benchmark, not a test: the figures move with the machine's load.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from site_gates.browser import CHROMIUM, FLAGS
from site_preview.static_server import serve
from tools.checkouts import site_builds, write_results

ROOT = Path(__file__).resolve().parents[1]
DEVICES = {
    "laptop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "network": {
            "offline": False,
            "latency": 150,
            "downloadThroughput": 1.6 * 1024 * 1024 / 8,
            "uploadThroughput": 750 * 1024 / 8,
        },
        "cpu": 4,
    },
}
# The first sign-in button of either editor ("Đăng nhập bằng mã truy cập",
# "Đăng nhập bằng GitHub"): the page is ready to be used.
SIGN_IN = re.compile(r"^Đăng nhập")


def first_use(browser: Browser, url: str, device: dict) -> tuple[float, float]:
    """Return (bytes received, ms) from opening `url` to a sign-in button shown."""
    context = browser.new_context(viewport=device["viewport"], locale="vi-VN")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        received: list[float] = []
        cdp.on(
            "Network.loadingFinished",
            lambda event: received.append(event["encodedDataLength"]),
        )
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if "network" in device:
            cdp.send("Network.emulateNetworkConditions", device["network"])
        if "cpu" in device:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": device["cpu"]})
        page.goto(url, wait_until="commit")
        page.get_by_role("button", name=SIGN_IN).first.wait_for(timeout=120_000)
        elapsed = page.evaluate("() => performance.now()")
        return sum(received), elapsed
    finally:
        context.close()


def measure(site: tuple[Path, int], runs: int) -> dict[str, float]:
    """Return the medians of each device's bytes and time for the build `site`."""
    output, port = site
    server, _ = serve(output, port)
    results: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                url = f"http://127.0.0.1:{port}/admin/"
                for name, device in DEVICES.items():
                    found = [first_use(browser, url, device) for _ in range(runs)]
                    results[f"{name} KB"] = (
                        statistics.median(b for b, _ in found) / 1024
                    )
                    results[f"{name} ms"] = statistics.median(t for _, t in found)
            finally:
                browser.close()
    finally:
        server.shutdown()
    return results


def main() -> None:
    """Build, measure, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", help="a git commit to measure beside this tree")
    arguments = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with site_builds(folder, arguments.baseline) as builds:
            for name, site in builds.items():
                results[name] = measure(site, arguments.runs)
    columns = [name for name in ("baseline", "now") if name in results]
    print(f"/admin/ to its sign-in button, empty cache, median of {arguments.runs}")
    print(f"{'':12}" + "".join(f"{c:>10}" for c in columns))
    for row in results["now"]:
        print(f"{row:12}" + "".join(f"{results[c][row]:>10.0f}" for c in columns))
    write_results("editor_first_use", arguments.baseline, arguments.runs, results)


if __name__ == "__main__":
    main()
