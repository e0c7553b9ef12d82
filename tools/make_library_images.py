"""Make the sample logo and podcast artwork of data/library.yml (labelled samples).

The library's real logo and artwork replace these files; the build checks
their sizes (the podcast artwork must be at least 1400x1400 px).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

LOGO_SIZE = 512
ARTWORK_SIZE = 1400
GREEN, CREAM, INK = (20, 83, 45), (250, 246, 234), (24, 24, 24)


def _book(draw: ImageDraw.ImageDraw, centre: int, width: int, top: int) -> None:
    """Draw an open book: two pages and a spine, the logo's only figure."""
    half = width // 2
    draw.polygon(
        [
            (centre, top + 30),
            (centre - half, top),
            (centre - half, top + width // 2),
            (centre, top + width // 2 + 30),
        ],
        fill=CREAM,
    )
    draw.polygon(
        [
            (centre, top + 30),
            (centre + half, top),
            (centre + half, top + width // 2),
            (centre, top + width // 2 + 30),
        ],
        fill=CREAM,
    )
    draw.line(
        [(centre, top + 30), (centre, top + width // 2 + 30)], fill=GREEN, width=6
    )


def logo(path: Path, label: str) -> None:
    """Write a square PNG logo: a book on green, the label, marked as a sample."""
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), GREEN)
    draw = ImageDraw.Draw(image)
    _book(draw, LOGO_SIZE // 2, 300, 90)
    draw.text((LOGO_SIZE // 2, 380), label, fill=CREAM, font_size=40, anchor="mm")
    draw.text(
        (LOGO_SIZE // 2, 440),
        "logo mau / sample logo",
        fill=CREAM,
        font_size=26,
        anchor="mm",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)


def artwork(path: Path, title: str) -> None:
    """Write the 1400x1400 JPEG podcast artwork, labelled as a sample."""
    image = Image.new("RGB", (ARTWORK_SIZE, ARTWORK_SIZE), GREEN)
    draw = ImageDraw.Draw(image)
    _book(draw, ARTWORK_SIZE // 2, 700, 220)
    centre = ARTWORK_SIZE // 2
    draw.text((centre, 1000), title, fill=CREAM, font_size=96, anchor="mm")
    draw.text((centre, 1120), "Bai hat / Songs", fill=CREAM, font_size=72, anchor="mm")
    draw.rectangle([300, 1220, 1100, 1300], fill=CREAM)
    draw.text(
        (centre, 1260), "anh mau / sample artwork", fill=INK, font_size=48, anchor="mm"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85, optimize=True)


def main() -> None:
    """Write logo.png and podcast.jpg into the folder given (default data/library/).

    `--generic` makes the template's (no library's name on them).
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=Path("data/library"))
    parser.add_argument("--generic", action="store_true")
    arguments = parser.parse_args()
    logo(arguments.folder / "logo.png", "" if arguments.generic else "THU VIEN LAO CAI")
    title = "Thu vien" if arguments.generic else "Thu vien tinh Lao Cai"
    artwork(arguments.folder / "podcast.jpg", title)


if __name__ == "__main__":
    main()
