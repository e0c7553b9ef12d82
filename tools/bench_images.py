"""Benchmark the photo pipeline beside a naive loop and the one-decode floor.

Generates N camera-size photos (4000x3000 JPEG, quality 90, photo-like) and
times, in one run, the same outputs (JPEG at the --widths) made by:
  (a) our pipeline, cold cache, on every core;
  (b) our pipeline again, warm (it must encode 0 photos);
  (c) a plain loop in one process that opens the photo once per output and
      resizes without draft mode (what most plugins do);
  (d) the floor: one process, one decode with draft mode, every size from it.
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
from tools.browser import CHROMIUM, FLAGS

ROOT = Path(__file__).resolve().parents[1]

CAMERA = (4000, 3000)
QUALITY = 82


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


def planned(sources: list[Photo], cfg) -> list:
    """Plan every photo as the build does (its digest, hashed or remembered)."""
    digests = source_digests(cfg.content)
    return [plan(photo, cfg, digest=digests.digest(photo.path)) for photo in sources]


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

    The sample photos are small placeholders; a real report's photos are
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


def main() -> None:
    """Run the four timings side by side and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=16)
    parser.add_argument("--widths", type=int, nargs="+", default=[1600, 400])
    parser.add_argument(
        "--no-phone", action="store_true", help="skip the phone download measurement"
    )
    arguments = parser.parse_args()
    cores = os.cpu_count() or 1
    work = ROOT / ".cache" / "bench-images"
    sources = photos(work / "sources", arguments.photos)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        settings = {
            "PATH": str(work / "sources"),
            "SITEURL": "",
            "MEDIA": {
                "widths": arguments.widths,
                "formats": ["jpeg"],
                "crops": {},
                "encoding": {"jpeg": {"quality": QUALITY}},
                "cache_path": str(base / "cache"),
            },
        }
        cfg = load_settings(settings)
        (base / "c").mkdir()
        (base / "d").mkdir()
        cold_start = time.perf_counter()
        cold = publish_photos(planned(sources, cfg), cfg, base / "a")
        a = time.perf_counter() - cold_start
        warm_start = time.perf_counter()
        warm = publish_photos(planned(sources, cfg), cfg, base / "b")
        b = time.perf_counter() - warm_start
        c = timed(naive, sources, arguments.widths, base / "c")
        d = timed(floor, sources, arguments.widths, base / "d")
    n = len(sources)
    figures = {
        "photos": n,
        "widths": arguments.widths,
        "cores": cores,
        "a_cold_s_per_photo": a / n,
        "b_warm_s_per_photo": b / n,
        "b_warm_encoded": warm.encoded,
        "c_naive_s_per_photo": c / n,
        "d_floor_s_per_photo": d / n,
        "a_encoded": cold.encoded,
        "target_a_s_per_photo": 1.2 * d / n / cores,
    }
    print(f"{n} photos 4000x3000, JPEG at {arguments.widths}, {cores} cores")
    print(f"  (a) ours, cold     {a / n:6.3f} s/photo  ({cold.encoded} encoded)")
    print(f"  (b) ours, warm     {b / n:6.3f} s/photo  ({warm.encoded} encoded)")
    print(f"  (c) naive loop     {c / n:6.3f} s/photo")
    print(f"  (d) floor, 1 core  {d / n:6.3f} s/photo")
    target = 1.2 * d / n / cores
    verdict = "met" if a / n <= target else "NOT met"
    print(f"  target (a) <= 1.2 x (d) / cores = {target:.3f} s/photo: {verdict}")
    print(f"  (c)/(a) = {c / a:.1f}x faster than the naive loop")
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
    shutil.rmtree(work / "out", ignore_errors=True)


if __name__ == "__main__":
    main()
