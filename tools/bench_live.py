"""Time `invoke livereload` as a writer sees it: save a post, see it in the browser.

Starts the live preview of a site, opens one post in Chromium, appends a
sentence to the post's file, and measures the time until the page in the
browser shows it (Playwright waits for the text). Repeated, the median and
the slowest are kept. Used by tools/bench_build.py (`invoke bench`).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_base.loopback import free_port
from site_gates.browser import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parents[1]


def wait_for_server(url: str, process: subprocess.Popen, seconds: float) -> None:
    """Wait until `url` answers (the first build is done), or fail."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the live preview stopped before serving")
        try:
            urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 (local)
        except OSError:
            time.sleep(0.2)
        else:
            return
    raise SystemExit("the live preview did not answer in time")


def record_time(site: Path) -> int:
    """Return when the build record was last written (0: never)."""
    record = site / ".cache" / "build" / "records.json"
    return record.stat().st_mtime_ns if record.exists() else 0


def wait_for_build_end(site: Path, after: int, seconds: float = 900) -> None:
    """Wait until a build that started after `after` (ns) has saved its record.

    A build drops its record when it starts and writes it when it ends: the
    record must be written after `after` and hold the output folder's entry.
    """
    record = site / ".cache" / "build" / "records.json"
    output = str((site / "output").resolve())
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if record_time(site) > after:
            try:
                if output in json.loads(record.read_text("utf-8")):
                    time.sleep(0.3)  # livereload's last reload, if any
                    return
            except (OSError, ValueError):
                pass
        time.sleep(0.05)


def edit_seen_seconds(site: Path, post: Path, url_path: str, edits: int = 5) -> dict:
    """Return how long the browser took to show each edit of `post` (seconds)."""
    port = free_port()
    command = [sys.executable, "-m", "invoke", "livereload", "--port", str(port)]
    command += ["--content", str(site / "content"), "--output", str(site / "output")]
    process = subprocess.Popen(  # noqa: S603 (our own task)
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    seen = []
    try:
        url = f"http://127.0.0.1:{port}/{url_path}"
        started = time.time_ns()
        wait_for_server(url, process, 900)
        # With a site in output/, the preview serves it at once and builds
        # beside it: the measure starts once that build has ended.
        wait_for_build_end(site, started)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            page.goto(url)
            page.wait_for_function(
                "() => window.LiveReload !== undefined", timeout=20000
            )
            time.sleep(1.5)  # livereload.js connects its socket
            for number in range(edits):
                words = f"Câu sửa số {number} của phép đo."
                edited = time.time_ns()
                start = time.perf_counter()
                with post.open("a", encoding="utf-8") as stream:
                    stream.write(f"\n{words}\n")
                page.wait_for_function(
                    "words => document.body && document.body.innerText.includes(words)",
                    arg=words,
                    timeout=60000,
                    polling=20,
                )
                seen.append(time.perf_counter() - start)
                wait_for_build_end(site, edited)  # its search index too
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "median": statistics.median(seen),
        "slowest": max(seen),
        "runs": seen,
    }
