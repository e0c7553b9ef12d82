"""Time builds of a generated corpus: ours beside plain Pelican, in one run.

`invoke bench` writes the corpus of tools/corpus.py twice (our content model;
Pelican's own Markdown with its content cache on) and times, for each size
and kind (text only, with photos), the builds a site sees: cold (no output,
no caches), again with no change, after editing one post's text, after
adding one post. Our search indexing (Pagefind) is timed on its own line:
the build under test has it off. Peak memory is the build process's largest
resident size. With text only, `invoke livereload` is timed too: from
saving a post to the browser (Chromium) showing it (tools/bench_live.py).
Also: the search index's size and the bytes one query fetches (Chromium,
empty cache). With `--baseline REF`, our build as it was at that commit is
timed too, on the same corpus in the same run (a column "before"). Prints a
table; writes JSON under bench/results/ (build-<time>.json and
build-latest.json) to compare runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_base.loopback import free_port
from site_gates.browser import CHROMIUM, FLAGS
from site_preview.static_server import serve
from site_search.indexer import index_site
from tools.bench_live import edit_seen_seconds
from tools.checkouts import baseline_checkout
from tools.corpus import (
    Corpus,
    corpus_of,
    edit_post,
    write_our_post,
    write_ours,
    write_plain,
    write_plain_post,
)

ROOT = Path(__file__).resolve().parents[1]
QUERY = "ban doc"  # words of every generated post: the most a query may fetch
STEPS = ("cold", "no change", "edit one post", "add one post")
# Our build as the bench times it: its own caches beside the corpus, no search
# index (timed on its own), Pelican's settings otherwise the site's.
OUR_EXTRA = {"SEARCH": {"index": False}}


@dataclass(frozen=True)
class Run:
    """One timed build."""

    seconds: float
    peak_mb: float


def run(command: list[str], cwd: Path) -> Run:
    """Run `command` (it must succeed); return its wall time and peak memory.

    A checkout other than this one (a baseline) imports its own plugins.
    """
    environment = {**os.environ}
    if cwd != ROOT:
        environment["PYTHONPATH"] = str(cwd / "plugins")
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 (our own commands)
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment,
    )
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.stdout.write(output.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    return Run(seconds, usage.ru_maxrss / 1024)


def our_command(site: Path, code: Path = ROOT) -> list[str]:
    """Return the command of our development build of `site` (by checkout `code`)."""
    extra = [f"{key}={json.dumps(value)}" for key, value in OUR_EXTRA.items()]
    return [
        sys.executable, "-m", "pelican", str(site / "content"),
        "-s", str(code / "pelicanconf.py"), "-o", str(site / "output"), "-e", *extra,
    ]  # fmt: skip


def plain_command(site: Path) -> list[str]:
    """Return the command of plain Pelican's build of `site`."""
    return [
        sys.executable, "-m", "pelican", str(site / "content"),
        "-s", str(site / "settings.py"), "-o", str(site / "output"),
    ]  # fmt: skip


def steps(site: Path, command: list[str], change, code: Path = ROOT) -> dict[str, Run]:
    """Time the four builds of one site; `change(step)` edits or adds a post."""
    for folder in ("output", ".cache", "cache"):
        shutil.rmtree(site / folder, ignore_errors=True)
    runs = {}
    for step in STEPS:
        change(step)
        runs[step] = run(command, code)
    return runs


def best_steps(site: Path, command: list[str], change, repeat: int) -> dict[str, Run]:
    """Run `steps` `repeat` times, from a fresh copy each time; keep each best."""
    pristine = site.with_name(site.name + "-pristine")
    shutil.copytree(site, pristine, symlinks=True)
    best: dict[str, Run] = {}
    for _ in range(repeat):
        shutil.rmtree(site)
        shutil.copytree(pristine, site, symlinks=True)
        for step, timed in steps(site, command, change).items():
            if step not in best or timed.seconds < best[step].seconds:
                best[step] = Run(
                    timed.seconds, max(timed.peak_mb, best.get(step, timed).peak_mb)
                )
    shutil.rmtree(pristine)
    return best


def bench_corpus(
    folder: Path,
    corpus: Corpus,
    repeat: int = 1,
    live: bool = True,
    baseline: Path | None = None,
) -> dict[str, object]:
    """Write `corpus` both ways under `folder`; time both; return the figures.

    With `baseline` (a checkout), our build of that checkout is timed too.
    """
    ours, plain = folder / "ours", folder / "plain"
    write_ours(ours, corpus)
    write_plain(plain, corpus)
    before = folder / "before"
    if baseline is not None:
        shutil.copytree(ours, before, symlinks=True)
    edited = corpus.post(corpus.posts // 2)
    added = corpus.post(corpus.posts)

    def change(step: str, site: Path, write_post, name: str) -> None:
        if step == "edit one post":
            edit_post(
                site / "content" / "posts" / str(edited.year) / edited.slug,
                name,
                "9:00",
            )
        elif step == "add one post":
            write_post(site, added)

    results = {}
    if baseline is not None:
        results["before"] = steps(
            before,
            our_command(before, baseline),
            lambda s: change(s, before, write_our_post, "index.vi.md"),
            baseline,
        )
        shutil.rmtree(before)
    results |= {
        "ours": steps(
            ours,
            our_command(ours),
            lambda s: change(s, ours, write_our_post, "index.vi.md"),
        ),
        "plain": steps(
            plain,
            plain_command(plain),
            lambda s: change(s, plain, write_plain_post, "index.md"),
        ),
    }
    start = time.perf_counter()
    index_site(ours / "output", "pagefind")
    indexing = time.perf_counter() - start
    check = run(
        [sys.executable, "-m", "invoke", "check", "--content", str(ours / "content")],
        ROOT,
    )
    shown = None
    if live:  # a post in the middle of the site, as the edit step
        post = ours / "content" / "posts" / str(edited.year) / edited.slug
        shown = edit_seen_seconds(
            ours, post / "index.vi.md", f"{edited.year}/{edited.slug}/"
        )
    return {
        "posts": corpus.posts,
        "photos": corpus.photos,
        "shape": "photos" if corpus.photos else corpus.shape,
        "repeat": repeat,
        "runs": {
            who: {s: asdict(r) for s, r in runs.items()}
            for who, runs in results.items()
        },
        "search_indexing_seconds": indexing,
        "check_seconds": check.seconds,
        "livereload_seconds": shown,
        "output": str(ours / "output"),
    }


def print_table(figures: dict[str, object]) -> None:
    """Print one corpus's figures: seconds, ratio to plain Pelican, per post."""
    posts = figures["posts"]
    shape = figures["shape"]
    print(f"\n{posts} posts, shape {shape} (best of {figures['repeat']})")
    runs = figures["runs"]
    ours, plain = runs["ours"], runs["plain"]
    before = runs.get("before")
    print(
        f"  {'':16} {'before' if before else '':>8} {'ours':>8} {'plain':>8} "
        f"{'ratio':>6} {'of cold':>8} {'ms/post':>8}"
    )
    for step in STEPS:
        mine, theirs = ours[step]["seconds"], plain[step]["seconds"]
        then = f"{before[step]['seconds']:7.2f}s" if before else ""
        print(
            f"  {step:16} {then:>8} {mine:7.2f}s {theirs:7.2f}s {mine / theirs:5.2f}x "
            f"{mine / ours['cold']['seconds']:7.2f}x {mine / posts * 1000:8.2f}"
        )
    memory = ours["cold"]["peak_mb"], plain["cold"]["peak_mb"]
    then = f"{before['cold']['peak_mb']:6.0f}MB" if before else ""
    print(f"  {'peak memory':16} {then:>8} {memory[0]:6.0f}MB {memory[1]:6.0f}MB")
    indexing = figures["search_indexing_seconds"]
    print(f"  {'search indexing':16} {indexing:7.2f}s (not counted above)")
    print(f"  {'invoke check':16} {figures['check_seconds']:7.2f}s")
    shown = figures["livereload_seconds"]
    if shown:
        print(
            f"  {'livereload':16} {shown['median']:7.2f}s from saving a post to the "
            f"browser showing it (median of {len(shown['runs'])}; slowest "
            f"{shown['slowest']:.2f}s)"
        )


def main() -> None:
    """Bench every size and kind asked for; print the tables; write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", default="1000", help="sizes, e.g. 1000,10000")
    parser.add_argument(
        "--kinds",
        default="text,long,tagged,photos",
        help="corpus shapes: text, long, tagged, photos (comma-separated)",
    )
    parser.add_argument("--no-search", action="store_true", help="skip the browser")
    parser.add_argument("--repeat", type=int, default=1, help="runs; best kept")
    parser.add_argument("--no-live", action="store_true", help="skip livereload")
    parser.add_argument("--baseline", help="a git commit whose build is timed too")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.posts.split(",")]
    kinds = arguments.kinds.split(",")
    results, search = [], {}
    with (
        tempfile.TemporaryDirectory() as temporary,
        baseline_checkout(arguments.baseline, Path(temporary) / "baseline") as baseline,
    ):
        for size in sizes:
            for kind in kinds:
                folder = Path(temporary) / f"{size}-{kind}"
                corpus = corpus_of(size, kind)
                live = not arguments.no_live and kind == "text"
                figures = bench_corpus(folder, corpus, arguments.repeat, live, baseline)
                print_table(figures)
                if not arguments.no_search and not search:
                    search[f"{size} generated posts"] = search_figures(
                        Path(figures["output"])
                    )
                results.append(figures)
                shutil.rmtree(folder)
    for name, values in search.items():
        print(
            f"\nsearch ({name}): index {values['index_bytes'] / 1024:.0f} KB on "
            f"disk ({values['index_files']} files); one query "
            f'("{QUERY}", {values["results"]}) fetches '
            f"{values['query_bytes'] / 1024:.0f} KB of it"
        )
    write_results(
        {"baseline": arguments.baseline, "corpora": results, "search": search}
    )


def write_results(data: dict[str, object]) -> None:
    """Write the figures as bench/results/build-<time>.json and build-latest.json."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stdout.strip()
    data = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        **data,
    }
    folder = ROOT / "bench" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    stamp = data["time"].replace(":", "").replace("-", "")
    for name in (f"build-{stamp}.json", "build-latest.json"):
        (folder / name).write_text(text, encoding="utf-8")
    print(f"\n-> bench/results/build-{stamp}.json")


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


if __name__ == "__main__":
    main()
