"""Lighthouse (mobile) on key pages of the production build, served as a host would.

Builds the sample site for a 127.0.0.1 address, serves it compressed with
cache headers (site_preview/static_server.py), runs Lighthouse 12.8.2 (npm, pinned)
with Debian's Chromium on each page, prints a table and writes the four
scores, LCP, CLS, TBT and bytes to bench/results/lighthouse.json. A
benchmark, not a test: the performance score moves with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from site_base.loopback import free_port
from site_gates.browser import CHROMIUM, FLAGS
from site_preview.static_server import serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "/",
    "/2025/hoi-nghi-ban-doc-2025/",
    "/people/phung-chien/",
    "/galleries/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "LCP ms": "largest-contentful-paint",
    "CLS": "cumulative-layout-shift",
    "TBT ms": "total-blocking-time",
    "KB": "total-byte-weight",
}


def build(
    output: Path, siteurl: str, root: Path = ROOT, *, quiet: bool = False
) -> None:
    """Build the site of the checkout `root` for `siteurl` into `output`.

    With `invoke preview`; the checkout's own plugins come first on the
    import path (the project's virtual environment has this one's installed).
    """
    command = [sys.executable, "-m", "invoke", "preview", "--siteurl", siteurl]
    subprocess.run(
        [*command, "--output", str(output)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "plugins")},
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def audit(url: str, report: Path) -> dict[str, float]:
    """Run Lighthouse (mobile, its default) on `url`; return scores and metrics."""
    flags = " ".join(["--headless=new", *FLAGS])
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    result = json.loads(report.read_text("utf-8"))
    figures = {
        name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    for label, audit_id in METRICS.items():
        value = result["audits"][audit_id]["numericValue"]
        if label == "KB":
            value /= 1024
        figures[label] = round(value, 3) if label == "CLS" else round(value)
    return figures


def main() -> None:
    """Build, serve, audit each page, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=PAGES)
    arguments = parser.parse_args()
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "output"
        build(output, siteurl)
        server, _url = serve(output, port)
        try:
            for page in arguments.pages:
                results[page] = audit(siteurl + page, Path(folder) / "report.json")
        finally:
            server.shutdown()
    columns = [*CATEGORIES, *METRICS]
    print(f"{'page':34}" + "".join(f"{c[:11]:>12}" for c in columns))
    for page, figures in results.items():
        print(f"{page:34}" + "".join(f"{figures[c]:>12}" for c in columns))
    out = ROOT / "bench" / "results" / "lighthouse.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
