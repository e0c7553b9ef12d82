"""What comments add to an article on a phone: requests and bytes, before and
after the reader scrolls to the thread, beside the same article without them.

Builds the sample site for production twice (COMMENTS off, then naming an
Isso started here with one approved comment), serves each as a host does
(compressed), opens the model article in Chromium at 390x844 and counts
every response with its bytes on the wire. Run: `python tools/comments_weight.py`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_base.loopback import free_port
from site_comments.local import local_comments
from site_preview.static_server import serve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_gates.browser import CHROMIUM, FLAGS  # noqa: E402
from tests.support.comments import moderate, new_comment  # noqa: E402

ARTICLE = "/2025/hoi-nghi-ban-doc-2025/"


def build(output: Path, siteurl: str, comments: str) -> None:
    """Build the sample site for production into `output`."""
    subprocess.run(
        [
            sys.executable, "-m", "pelican", "content", "-s", "publishconf.py",
            "-o", str(output), "-e", f"SITEURL={json.dumps(siteurl)}",
            f"COMMENTS={json.dumps(comments)}", "SEARCH={\"index\": false}",
        ],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def weigh(url: str) -> list[tuple[str, int, int, int]]:
    """Return (moment, requests, bytes on the wire) on load and after scrolling."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        client = page.context.new_cdp_session(page)
        client.send("Network.enable")
        wire: dict[str, int] = {}
        names: dict[str, str] = {}
        client.on(
            "Network.requestWillBeSent",
            lambda e: names.__setitem__(e["requestId"], e["request"]["url"]),
        )
        client.on(
            "Network.loadingFinished",
            lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]),
        )
        page.goto(url, wait_until="networkidle")
        loaded = (len(wire), sum(wire.values()))
        page.locator("footer.site-footer").scroll_into_view_if_needed()
        page.wait_for_timeout(1500)
        page.wait_for_load_state("networkidle")
        scrolled = (len(wire), sum(wire.values()))
        browser.close()
    if "-v" in sys.argv:
        for request, size in wire.items():
            print(f"{size:>7}  {names.get(request)}")
    return [loaded, scrolled]


def said(requests: int, size: int) -> str:
    """Return "3 requests, 4.2 KB"."""
    return f"{requests} requests, {size / 1024:.1f} KB"


def main() -> None:
    """Print the table."""
    work = Path(tempfile.mkdtemp())
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    rows = []
    try:
        build(work / "off", origin, "")
        server, _ = serve(work / "off", port)
        rows.append(("comments off", weigh(origin + ARTICLE)))
        server.shutdown()
        server.server_close()
        with local_comments(work / "isso", [origin]) as isso:
            build(work / "on", origin, isso.address)
            _, _, body = new_comment(
                isso, ARTICLE, origin, text="Hội nghị rất bổ ích, cảm ơn thư viện."
            )
            moderate(isso, json.loads(body)["id"])
            server, _ = serve(work / "on", port)
            rows.append(("comments on", weigh(origin + ARTICLE)))
            server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| the model article, 390x844 | on load | after scrolling to the end |")
    print("| --- | --- | --- |")
    for name, (loaded, scrolled) in rows:
        print(f"| {name} | {said(*loaded)} | {said(*scrolled)} |")
    (_, ((off1, offb1), (off2, offb2))), (_, ((on1, onb1), (on2, onb2))) = rows
    added = said(on1 - off1, onb1 - offb1), said(on2 - off2, onb2 - offb2)
    print(f"| comments add | {added[0]} | {added[1]} |")


if __name__ == "__main__":
    main()
