"""Time the build of a generated corpus: our content model beside plain Pelican.

Writes N posts (with photos) twice, once as our bundles with YAML front matter,
once in Pelican's native Markdown metadata, and builds each the same way in
this run, so the figures compare our checks and reader with Pelican's own.
Also measures the search index (Pagefind) of the corpus and of the sample
site: its size on disk and the bytes a reader's browser fetches for one
query on /search/ (Chromium, empty cache). Prints the figures and writes
JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from tools.browser import CHROMIUM, FLAGS
from tools.lighthouse import free_port
from tools.static_server import serve

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = "- key: su-kien\n  vi: Sự kiện\n  en: Events\n"
PARAGRAPH = (
    "Thư viện tỉnh Lào Cai phục vụ bạn đọc tại chỗ, lưu động và trực tuyến; "
    "bài này là văn bản mẫu để đo thời gian dựng trang. "
) * 6


# Words of the sample site's posts: each generated post gets its own sentence
# of them, so the search index holds a realistic spread of words.
VOCABULARY = sorted(
    {
        word.strip('.,:;()“”"*!?').lower()
        for path in (ROOT / "content" / "posts").rglob("index.vi.md")
        for word in path.read_text("utf-8").split()
        if word.isalpha() or word.strip('.,:;()“”"*!?').isalpha()
    }
)
QUERY = "ban doc"  # in every generated post: the most a query may fetch


def sentence(number: int) -> str:
    """Return a sentence of 40 words of the vocabulary, the same for a number."""
    chosen = random.Random(number).choices(VOCABULARY, k=40)  # noqa: S311 (corpus)
    return " ".join(chosen).capitalize() + "."


def write_photo(path: Path) -> None:
    """Write a small JPEG (sizes are read from headers, so size barely matters)."""
    Image.new("RGB", (64, 48), (120, 80, 40)).save(path, "JPEG")


def write_corpus(root: Path, count: int) -> tuple[Path, Path]:
    """Write `count` posts as bundles and as plain Pelican files; return both roots."""
    ours, plain = root / "ours", root / "plain"
    (ours / "data").mkdir(parents=True)
    (ours / "data" / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    shutil.copyfile(ROOT / "data" / "library.yml", ours / "data" / "library.yml")
    shutil.copytree(ROOT / "data" / "library", ours / "data" / "library")
    for number in range(count):
        slug = f"bai-mau-{number:05d}"
        bundle = ours / "content" / "posts" / "2025" / slug
        flat = plain / "content" / slug
        bundle.mkdir(parents=True)
        flat.mkdir(parents=True)
        photos = "\n".join(f"![Ảnh {i}](anh-{i}.jpg)" for i in range(3))
        body = (
            f"{PARAGRAPH}\n\n{photos}\n\n*Chú thích nhóm ảnh.*\n\n"
            f"{sentence(number)}\n\n{PARAGRAPH}\n"
        )
        for i in range(3):
            write_photo(bundle / f"anh-{i}.jpg")
            write_photo(flat / f"anh-{i}.jpg")
        (bundle / "index.md").write_text(
            f"---\ntitle: Bài mẫu số {number}\ndate: 2025-11-06 14:00\n"
            f"category: su-kien\ntags: [mẫu, tag-{number % 20}]\n---\n\n{body}",
            encoding="utf-8",
        )
        flat_body = body.replace("](anh-", "]({static}anh-")
        (flat / "index.md").write_text(
            f"Title: Bài mẫu số {number}\nDate: 2025-11-06 14:00\n"
            f"Category: su-kien\nTags: mẫu, tag-{number % 20}\nSlug: {slug}\n\n"
            + flat_body,
            encoding="utf-8",
        )
    return ours, plain


PLAIN_SETTINGS = """
SITENAME = "bench"
PATH = "content"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
STATIC_PATHS = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
DEFAULT_PAGINATION = 10
TAG_SAVE_AS = "tag/{slug}/index.html"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
"""
# Plain Pelican writing its own feeds, for comparison with site_feeds.
PLAIN_FEED_SETTINGS = (
    PLAIN_SETTINGS
    + """
FEED_DOMAIN = "https://bench.example"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
"""
)


def timed(command: list[str]) -> float:
    """Return the wall time of `command`, which must succeed."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    """Build the corpus both ways, print the figures, write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        ours, plain = write_corpus(Path(folder), arguments.posts)
        (plain / "settings.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
        (plain / "feeds.py").write_text(PLAIN_FEED_SETTINGS, encoding="utf-8")
        runs = {
            "check (ours)": [
                python,
                "-m",
                "invoke",
                "check",
                "--content",
                str(ours / "content"),
            ],
            "build (ours)": [
                python,
                "-m",
                "invoke",
                "build",
                "--content",
                str(ours / "content"),
                "--output",
                str(ours / "output"),
            ],
            "build (plain Pelican)": [
                python,
                "-m",
                "pelican",
                str(plain / "content"),
                "-s",
                str(plain / "settings.py"),
                "-o",
                str(plain / "output"),
            ],
            "build (plain + its feeds)": [
                python,
                "-m",
                "pelican",
                str(plain / "content"),
                "-s",
                str(plain / "feeds.py"),
                "-o",
                str(plain / "output-feeds"),
            ],
        }
        results = {
            name: min(timed(cmd) for _ in range(arguments.repeat))
            for name, cmd in runs.items()
        }
        feeds = {
            name: feed_bytes(output)
            for name, output in (
                ("ours", ours / "output"),
                ("plain + its feeds", plain / "output-feeds"),
            )
        }
        sample = Path(folder) / "sample"
        subprocess.run(
            [python, "-m", "invoke", "build", "--output", str(sample)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        search = {
            f"{arguments.posts} generated posts": search_figures(ours / "output"),
            "sample site": search_figures(sample),
        }
    baseline = results["build (plain Pelican)"]
    print(f"{arguments.posts} posts, 3 photos each, best of {arguments.repeat}:")
    for name, seconds in results.items():
        per_post = seconds / arguments.posts * 1000
        ratio = seconds / baseline
        print(
            f"  {name:24} {seconds:6.2f} s  {per_post:5.2f} ms/post {ratio:4.2f}x plain"
        )
    for name, (files, total, largest) in feeds.items():
        print(
            f"  feeds ({name}): {files} files, {total / 1024:.0f} KB, "
            f"all.rss.xml/all.atom.xml {largest / 1024:.0f} KB"
        )
    for name, figures in search.items():
        print(
            f"  search ({name}): index {figures['index_bytes'] / 1024:.0f} KB on "
            f"disk ({figures['index_files']} files); one query "
            f'("{QUERY}", {figures["results"]}) fetches '
            f"{figures['query_bytes'] / 1024:.0f} KB of it"
        )
    out = ROOT / "bench" / "results" / "build.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "posts": arguments.posts,
                "seconds": results,
                "feeds": feeds,
                "search": search,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def search_figures(output: Path) -> dict[str, object]:
    """Return the index's size on disk and the bytes one query fetches of it."""
    files = [p for p in (output / "pagefind").rglob("*") if p.is_file()]
    port = free_port()
    server, url = serve(output, port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            # Pagefind fetches from a worker too: counted from the network.
            sizes: list[int] = []
            page.context.on(
                "requestfinished",
                lambda request: (
                    sizes.append(
                        sum(
                            request.sizes()[k]
                            for k in ("responseBodySize", "responseHeadersSize")
                        )
                    )
                    if "/pagefind/" in request.url
                    else None
                ),
            )
            page.goto(f"{url}/search/?q={QUERY}", wait_until="networkidle")
            page.wait_for_selector(".search-result, .search__status:not(:empty)")
            page.wait_for_load_state("networkidle")
            fetched = sum(sizes)
            results = page.locator(".search__status").inner_text()
            browser.close()
    finally:
        server.shutdown()
    return {
        "index_files": len(files),
        "index_bytes": sum(p.stat().st_size for p in files),
        "query_bytes": fetched,
        "results": results,
    }


def feed_bytes(output: Path) -> tuple[int, int, int]:
    """Return the number of feed files, their bytes, and the site feed's bytes."""
    files = [p for p in (output / "feeds").rglob("*") if p.is_file()]
    site = [p.stat().st_size for p in files if p.name.startswith("all.")]
    return len(files), sum(p.stat().st_size for p in files), max(site, default=0)


if __name__ == "__main__":
    main()
