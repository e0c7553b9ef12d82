"""Make labelled placeholder photos for the sample content (no real photos here)."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = (1200, 800)


def placeholder(path: Path, label: str) -> None:
    """Write a JPEG whose colours come from `label`, with the label written on it."""
    digest = hashlib.sha256(label.encode()).digest()
    top, bottom = digest[:3], digest[3:6]
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE[1]):
        mix = y / SIZE[1]
        colour = tuple(
            int(a * (1 - mix) + b * mix) for a, b in zip(top, bottom, strict=True)
        )
        draw.line([(0, y), (SIZE[0], y)], fill=colour)
    draw.rectangle([40, 40, SIZE[0] - 40, 140], fill=(255, 255, 255))
    draw.text(
        (60, 70), f"Anh minh hoa (placeholder): {label}", fill=(0, 0, 0), font_size=36
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=70, optimize=True)


def main() -> None:
    """Write one placeholder per file name given."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    for path in parser.parse_args().files:
        placeholder(path, path.stem)


if __name__ == "__main__":
    main()
