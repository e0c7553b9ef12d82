"""Which formats and encoder settings earn their time: bytes and SSIM per width.

For every photo in a folder (camera or real photos; see the README's
"Benchmarks"), decodes it as the pipeline does, resizes it to each width
(from the decoded photo, and each from the next wider one: is that as sharp?)
and encodes it with each candidate setting on one core, then prints, per format,
setting and width: encode time, size and SSIM against the resized original
(tools/ssim.py). The last table compares formats at equal quality: for each
width, the smallest setting of each format whose mean SSIM reaches that of
the site's JPEG, with its bytes and time. Writes JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image

from media_pipeline import imaging
from media_pipeline.settings import DEFAULTS
from tools.ssim import ssim

ROOT = Path(__file__).resolve().parents[1]

# (format, Pillow options): one core each, as the pool's workers run them.
CANDIDATES: list[tuple[str, dict]] = [
    *(("jpeg", {"quality": q}) for q in (76, 82, 88)),
    *(("webp", {"quality": q, "method": 4}) for q in (78, 80, 82, 84, 86)),
    ("webp", {"quality": 84, "method": 2}),
    *(("avif", {"quality": q, "speed": 8}) for q in (60, 64, 66, 68, 70)),
    ("avif", {"quality": 68, "speed": 6}),
    *(("avif", {"quality": q, "speed": 10}) for q in (66, 68, 70, 72)),
]


@dataclass
class Measure:
    """One encode of one photo at one width."""

    fmt: str
    setting: str
    width: int
    seconds: float
    size: int
    ssim: float


def label(options: dict) -> str:
    """Return the options as a short label: q60 s8."""
    short = {"quality": "q", "speed": "s", "method": "m"}
    return " ".join(f"{short.get(k, k)}{v}" for k, v in options.items())


def one_core(fmt: str, options: dict) -> dict:
    """Return `options` for one core (AVIF would start a thread per core)."""
    return {**options, "max_threads": 1} if fmt == "avif" else options


def measure_photo(path: Path, widths: list[int]) -> tuple[dict, list[Measure]]:
    """Return decode/resize times and every candidate's measures for one photo."""
    start = time.perf_counter()
    image = imaging.load(path, max(widths))
    steps = {"decode": time.perf_counter() - start}
    measures = []
    references = {}
    for width in widths:
        start = time.perf_counter()
        reference = references[width] = imaging.resized(image, width)
        steps[f"resize {width}"] = time.perf_counter() - start
        for fmt, options in CANDIDATES:
            start = time.perf_counter()
            data = imaging.encode(reference, fmt, one_core(fmt, options), "#ffffff")
            seconds = time.perf_counter() - start
            with Image.open(io.BytesIO(data)) as decoded:
                score = ssim(reference, decoded)
            measures.append(
                Measure(fmt, label(options), reference.width, seconds, len(data), score)
            )
    # Each width from the next wider one instead of from the decoded photo.
    larger = image
    for width in sorted(widths, reverse=True):
        start = time.perf_counter()
        larger = imaging.resized(larger, width)
        steps[f"resize {width} from wider"] = time.perf_counter() - start
        steps[f"SSIM {width} from wider"] = ssim(references[width], larger)
    return steps, measures


def summarise(measures: list[Measure]) -> dict[tuple[str, str, int], dict]:
    """Return the mean time, size and SSIM per (format, setting, width)."""
    groups: dict[tuple[str, str, int], list[Measure]] = {}
    for measure in measures:
        groups.setdefault((measure.fmt, measure.setting, measure.width), []).append(
            measure
        )
    return {
        key: {
            "ms": 1000 * statistics.mean(m.seconds for m in group),
            "kb": statistics.mean(m.size for m in group) / 1024,
            "ssim": statistics.mean(m.ssim for m in group),
        }
        for key, group in groups.items()
    }


def equal_quality(table: dict, widths: list[int]) -> list[dict]:
    """Return, per width and format, the smallest setting as good as the site's JPEG."""
    site_jpeg = label(DEFAULTS["encoding"]["jpeg"])
    rows = []
    for width in widths:
        target = table[("jpeg", site_jpeg, width)]["ssim"]
        for fmt in ("jpeg", "webp", "avif"):
            good = [
                (figures["kb"], setting, figures)
                for (f, setting, w), figures in table.items()
                if f == fmt and w == width and figures["ssim"] >= target
            ]
            if good:
                kb, setting, figures = min(good, key=lambda row: row[0])
                rows.append({"width": width, "fmt": fmt, "setting": setting, **figures})
    return rows


def main() -> None:
    """Measure every candidate on every photo; print the tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path, help="a folder of JPEG photos")
    parser.add_argument("--widths", type=int, nargs="+", default=[480, 960, 1600])
    parser.add_argument("--limit", type=int, default=0, help="first N photos only")
    arguments = parser.parse_args()
    paths = sorted(arguments.folder.glob("*.jp*g"))[: arguments.limit or None]
    if not paths:
        parser.exit(
            1,
            f"No JPEG photos in {arguments.folder}: give a folder of "
            "photos, or run ./dev bench-images first to generate some.\n",
        )
    steps: dict[str, list[float]] = {}
    measures: list[Measure] = []
    for path in paths:
        photo_steps, photo_measures = measure_photo(path, arguments.widths)
        for name, seconds in photo_steps.items():
            steps.setdefault(name, []).append(seconds)
        measures.extend(photo_measures)
        print(f"  {path.name}", flush=True)
    table = summarise(measures)
    print(f"\n{len(paths)} photos; one core; mean per photo")
    for name, values in steps.items():
        mean = statistics.mean(values)
        shown = f"{mean:.4f}" if name.startswith("SSIM") else f"{1000 * mean:.0f} ms"
        print(f"  {name:<28} {shown:>8}")
    print(f"\n  {'format':<6} {'setting':<10} {'width':>5} {'ms':>7} {'KB':>7} SSIM")
    for (fmt, setting, width), figures in sorted(table.items()):
        print(
            f"  {fmt:<6} {setting:<10} {width:>5} {figures['ms']:7.0f}"
            f" {figures['kb']:7.1f} {figures['ssim']:.4f}"
        )
    rows = equal_quality(table, arguments.widths)
    print("\nAt the SSIM of the site's JPEG: the smallest setting of each format")
    for row in rows:
        print(
            f"  {row['width']:>5} {row['fmt']:<5} {row['setting']:<10}"
            f" {row['ms']:7.0f} ms {row['kb']:7.1f} KB SSIM {row['ssim']:.4f}"
        )
    out = ROOT / "bench" / "results" / "photo-formats.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    figures = {
        "photos": [p.name for p in paths],
        "steps": {k: statistics.mean(v) for k, v in steps.items()},
        "measures": [asdict(m) for m in measures],
        "equal_quality": rows,
    }
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
