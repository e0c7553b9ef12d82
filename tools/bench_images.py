"""Benchmark the photo pipeline beside a naive loop and the one-decode floor.

Generates N camera-size photos (4000x3000 JPEG, quality 90, photo-like), or
copies yours (--sources), and times, in one run, best of --repeat rounds:
  - our pipeline making JPEG at the --widths, cold (no digests, no cache:
    every photo hashed and encoded), on every core, and again warm (nothing
    may be hashed or encoded);
  - a plain loop in one process that opens the photo once per output and
    resizes without draft mode (what most plugins do);
  - the floor: one process, one decode with draft mode, every size from it;
  - our pipeline with the site's defaults (media_pipeline DEFAULTS: every
    width and format), cold and warm, and cold with the four share and
    search-engine crops of every photo (as if each were a post's cover).
Then builds the site and measures the image bytes a 390 px wide phone loads
for the model article before scrolling. Prints figures; writes JSON under
bench/results/.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from media_pipeline import imaging
from media_pipeline.cache import source_digests
from media_pipeline.pipeline import publish_photos
from media_pipeline.plan import plan
from media_pipeline.settings import load_settings
from photo_groups import Photo
from site_build.digests import INDEX, shared_digests
from site_build.output import OutputFiles
from site_gates.browser import CHROMIUM, FLAGS
from tests.support import project_settings

ROOT = Path(__file__).resolve().parents[1]

CAMERA = (4000, 3000)
QUALITY = 82
# The target: our two JPEG sizes within 1.2x the floor per core.
TARGET_RATIO = 1.2


def camera_photo(path: Path, seed: int) -> None:
    """Write a 4000x3000 JPEG q90 with photo-like content: gradients, shapes, grain."""
    small = Image.new("RGB", (400, 300))
    draw = ImageDraw.Draw(small)
    for y in range(300):
        draw.line(
            [(0, y), (400, y)], fill=(40 + y // 3, 90 + (seed * 37) % 100, 160 - y // 4)
        )
    for i in range(12):
        x, y = (seed * 53 + i * 97) % 360, (seed * 31 + i * 61) % 260
        draw.ellipse(
            [x, y, x + 40 + i * 3, y + 30 + i * 2],
            fill=((i * 40) % 255, 120, (seed * 20) % 255),
        )
    image = small.resize(CAMERA, Image.Resampling.BICUBIC).filter(
        ImageFilter.GaussianBlur(3)
    )
    grain = Image.effect_noise(CAMERA, 18).convert("RGB")
    Image.blend(image, grain, 0.12).save(path, "JPEG", quality=90)


def photos(folder: Path, count: int) -> list[Photo]:
    """Generate the corpus once; reuse it between runs."""
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for number in range(count):
        path = folder / f"camera-{number:03d}.jpg"
        if not path.exists():
            camera_photo(path, number)
        result.append(
            Photo(
                src=path.name, path=path, alt="bench", width=CAMERA[0], height=CAMERA[1]
            )
        )
    return result


def existing_photos(folder: Path, count: int) -> list[Photo]:
    """Return up to `count` JPEG photos of `folder`, upright sizes read."""
    result = []
    for path in sorted(folder.glob("*.jp*g"))[:count]:
        with Image.open(path) as image:
            width, height = ImageOps.exif_transpose(image).size
        result.append(
            Photo(src=path.name, path=path, alt="bench", width=width, height=height)
        )
    return result


def naive(sources: list[Photo], widths: list[int], out: Path) -> None:
    """(c) Open the photo once per output, no draft mode, one process."""
    for photo in sources:
        for width in widths:
            with Image.open(photo.path) as image:
                upright = ImageOps.exif_transpose(image).convert("RGB")
                height = round(upright.height * width / upright.width)
                resized = upright.resize((width, height), Image.Resampling.LANCZOS)
                resized.save(
                    out / f"{photo.path.stem}-{width}.jpg",
                    "JPEG",
                    quality=QUALITY,
                    optimize=True,
                    progressive=True,
                )


def floor(sources: list[Photo], widths: list[int], out: Path) -> None:
    """(d) One decode with draft mode per photo, every size from it, one process."""
    for photo in sources:
        image = imaging.load(photo.path, max(widths))
        for width in widths:
            data = imaging.encode(
                imaging.resized(image, width), "jpeg", {"quality": QUALITY}, "#ffffff"
            )
            (out / f"{photo.path.stem}-{width}.jpg").write_bytes(data)


def pipeline_run(
    sources: list[Photo], settings: dict, output: Path, *, crops: bool, cold: bool
) -> dict:
    """Plan and publish `sources` as a build does; return the time and counts.

    Cold: no digests index and no derivative cache (the photos are hashed and
    encoded). Warm: both as the last run left them, read from disk as a new
    build would (nothing may be hashed or encoded).
    """
    cfg = load_settings(settings)
    if cold:
        shutil.rmtree(cfg.cache, ignore_errors=True)
        (cfg.facts.content.parent / INDEX).unlink(missing_ok=True)
    shared_digests.cache_clear()
    start = time.perf_counter()
    digests = source_digests(cfg.facts.content)
    plans = [
        plan(
            photo,
            cfg,
            cfg.crops if crops else None,
            digest=digests.digest(photo.path),
        )
        for photo in sources
    ]
    stats = publish_photos(plans, cfg, OutputFiles(output))
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "s_per_photo": seconds / len(sources),
        "encoded": stats.encoded,
        "hashed": digests.hashed,
        "files": stats.encoded + stats.cached,
    }


def timed(function, *arguments) -> float:
    start = time.perf_counter()
    function(*arguments)
    return time.perf_counter() - start


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, *_args) -> None:
        """Say nothing."""


def image_bytes(page, url: str) -> int:
    """Return the image bytes `page` downloads when it opens `url`."""
    sizes: list[int] = []

    def count(response) -> None:
        if response.request.resource_type == "image":
            sizes.append(len(response.body()))

    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    return sum(sizes)


MODEL_ARTICLE = "posts/2025/hoi-nghi-ban-doc-2025"


def site_with_camera_photos(folder: Path) -> Path:
    """Copy the site's content and data, the model article's photos made camera-size.

    The sample photos are at most 1800 px wide; a real report's photos are
    12-megapixel JPEGs, and those are what a phone's download depends on.
    """
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "data", folder / "data")
    for number, photo in enumerate(
        sorted((folder / "content" / MODEL_ARTICLE).glob("*.jpg"))
    ):
        camera_photo(photo, number)
    return folder / "content"


def phone_bytes() -> dict[str, int]:
    """Build the site and sum the image bytes a 390 px phone loads before scrolling."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        content = site_with_camera_photos(Path(folder) / "site")
        output = Path(folder) / "output"
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output))
        )
        url = f"http://127.0.0.1:{server.server_port}"
        build = [
            sys.executable,
            "-m",
            "invoke",
            "preview",
            "--siteurl",
            url,
            "--content",
            str(content),
            "--output",
            str(output),
        ]
        subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for ratio in (1, 2, 3):
                page = browser.new_page(
                    viewport={"width": 390, "height": 844}, device_scale_factor=ratio
                )
                results[f"dpr{ratio}"] = image_bytes(
                    page, f"{url}/{MODEL_ARTICLE[6:]}/"
                )
                page.close()
            browser.close()
        server.shutdown()
    return results


LABELS = {
    "jpeg cold": "ours, JPEG {widths}, cold",
    "jpeg warm": "ours, same, warm",
    "naive": "naive loop, 1 core",
    "floor": "floor (1 decode), 1 core",
    "site cold": "site defaults, cold",
    "site warm": "site defaults, warm",
    "site+crops cold": "site defaults + 4 crops each, cold",
}


def bench_sources(arguments: argparse.Namespace, work: Path) -> list[Photo]:
    """Return the photos to time: generated camera photos, or copies of yours."""
    if not arguments.sources:
        return photos(work / "sources", arguments.photos)
    # Copied, so that the digests index and caches stay under .cache/.
    given = work / "given"
    shutil.rmtree(given, ignore_errors=True)
    given.mkdir(parents=True)
    for path in sorted(arguments.sources.glob("*.jp*g"))[: arguments.photos]:
        shutil.copy2(path, given / path.name)
    return existing_photos(given, arguments.photos)


def measure(sources: list[Photo], arguments: argparse.Namespace) -> dict:
    """Time every run, best of --repeat rounds; return the figures."""
    folder = sources[0].path.parent
    n = len(sources)
    figures: dict = {"photos": n, "folder": str(folder), "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        jpeg_only = project_settings(
            PATH=str(folder),
            MEDIA={
                "widths": arguments.widths,
                "formats": ["jpeg"],
                "crops": {},
                "encoding": {"jpeg": {"quality": QUALITY}},
                "cache_path": str(base / "cache"),
            },
        )
        site = project_settings(
            PATH=str(folder), MEDIA={"cache_path": str(base / "site")}
        )
        runs = {
            "jpeg cold": (jpeg_only, False, True),
            "jpeg warm": (jpeg_only, False, False),
            "site cold": (site, False, True),
            "site warm": (site, False, False),
            "site+crops cold": (site, True, True),
        }
        # Best of --repeat rounds, the floor inside each round: this machine
        # is shared, and the comparison is between runs seconds apart.
        for _round in range(arguments.repeat):
            for name, (settings, crops, cold) in runs.items():
                out = base / name.replace(" ", "-")
                run = pipeline_run(sources, settings, out, crops=crops, cold=cold)
                if name not in figures or run["seconds"] < figures[name]["seconds"]:
                    figures[name] = run
            out = base / "floor"
            out.mkdir(exist_ok=True)
            seconds = timed(floor, sources, arguments.widths, out)
            if seconds < figures.get("floor", {}).get("seconds", float("inf")):
                figures["floor"] = {"seconds": seconds, "s_per_photo": seconds / n}
        (base / "naive").mkdir()
        seconds = timed(naive, sources, arguments.widths, base / "naive")
        figures["naive"] = {"seconds": seconds, "s_per_photo": seconds / n}
        (folder.parent / INDEX).unlink(missing_ok=True)
    return figures


def report(figures: dict, sources: list[Photo], widths: list[int]) -> None:
    """Print the figures as a table, the target's verdict with them."""
    cores = figures["cores"]
    floor_per_core = figures["floor"]["s_per_photo"] / cores
    figures["target_jpeg_s_per_photo"] = TARGET_RATIO * floor_per_core
    size = f"{sources[0].width}x{sources[0].height}"
    print(f"{figures['photos']} photos {size} from {figures['folder']}, {cores} cores")
    print(f"  {'':<34} {'s/photo':>8} {'encoded':>8} {'hashed':>7}")
    for name, label in LABELS.items():
        row = figures[name]
        counts = ""
        if "encoded" in row:
            counts = f"{row['encoded']:>8} {row['hashed']:>7}  ({row['files']} files)"
        print(f"  {label.format(widths=widths):<34} {row['s_per_photo']:8.3f} {counts}")
        if name == "floor":
            ratio = figures["jpeg cold"]["s_per_photo"] / floor_per_core
            verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
            print(
                f"  ours / (floor / {cores} cores) = {ratio:.2f}"
                f" (target {TARGET_RATIO}: {verdict})"
            )


def main() -> None:
    """Run the timings side by side and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="best of N rounds")
    parser.add_argument(
        "--sources",
        type=Path,
        help="a folder of your own JPEG photos instead of generated ones",
    )
    parser.add_argument("--widths", type=int, nargs="+", default=[1600, 400])
    parser.add_argument(
        "--no-phone", action="store_true", help="skip the phone download measurement"
    )
    arguments = parser.parse_args()
    sources = bench_sources(arguments, ROOT / ".cache" / "bench-images")
    figures = measure(sources, arguments)
    report(figures, sources, arguments.widths)
    if not arguments.no_phone:
        figures["phone_image_bytes"] = phone_bytes()
        for ratio, total in figures["phone_image_bytes"].items():
            kilobytes = total / 1024
            print(
                f"  model article, 390 px phone, {ratio}: {kilobytes:.0f} KB of images"
            )
    out = ROOT / "bench" / "results" / "images.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
