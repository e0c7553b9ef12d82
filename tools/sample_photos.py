"""Put real photographs in the sample content, from Debian's wallpaper packages.

The sample posts need photos of a real camera's weight and detail, or page
weight, Lighthouse and screenshots measure a site no reader gets. No photo
of the library's events is free to publish here, so the sample uses
photographs from two freely licensed Debian packages, each marked "ảnh minh
hoạ" on the page and credited in its post, on the about page and in the
README. This tool downloads the packages (`apt-get download`, or give
`--packages DIR` with them unpacked), crops each photo to the shape its
place needs and saves it at most 1800 px wide as a camera would (JPEG q85),
so the pipeline processes it as it would a writer's photo.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
LONGEST_SIDE = 1800
PACKAGES = ("plasma-workspace-wallpapers", "mate-backgrounds")
PLASMA = "usr/share/wallpapers/{}/contents/images"
MATE = "usr/share/backgrounds/mate/nature/{}.jpg"


@dataclass(frozen=True)
class Source:
    """A photograph in a package (a file, or a folder of sizes), its
    photographer and its licence."""

    path: str
    author: str
    licence: str


def plasma(name: str, author: str) -> Source:
    """Return a KDE Plasma wallpaper (LGPL-3, per its metadata.json)."""
    return Source(PLASMA.format(name), author, "LGPL-3, KDE Plasma")


def mate(name: str, author: str) -> Source:
    """Return a MATE nature background (GPL-2+, per the package's copyright)."""
    return Source(MATE.format(name), author, "GPL-2+, MATE")


# Where each photo goes: its path in content/, its source, and its shape
# (width / height; None keeps the photograph's own).
PHOTOS: dict[str, tuple[Source, float | None]] = {
    "posts/2025/hoi-nghi-ban-doc-2025/hoi-nghi-01.jpg": (
        plasma("EveningGlow", "Ian Hex"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/hoi-nghi-02.jpg": (
        plasma("Path", "Risto Saukonpää"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/khai-mac.jpg": (
        plasma("ColdRipple", "Risto Saukonpää"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/ban-doc-01.jpg": (
        plasma("OneStandsOut", "Risto Saukonpää"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/ban-doc-02.jpg": (
        plasma("Kite", "Risto Saukonpää"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/ban-doc-03.jpg": (
        plasma("summer_1am", "Risto Saukonpää"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/am-nhac-01.jpg": (
        plasma("DarkestHour", "Risto Saukonpää"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/am-nhac-02.jpg": (
        mate("TwoWings", "Charles Barbin"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/am-nhac-03.jpg": (
        mate("Aqua", "Charles Barbin"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/khen-thuong-01.jpg": (
        mate("Garden", "Charles Barbin"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/khen-thuong-02.jpg": (
        mate("YellowFlower", "Charles Barbin"),
        None,
    ),
    "posts/2025/hoi-nghi-ban-doc-2025/khen-thuong-03.jpg": (
        mate("LadyBird", "Charles Barbin"),
        None,
    ),
    "posts/2025/khen-thuong-van-hoa-doc-2025/trao-khen.jpg": (
        mate("FreshFlower", "Jens Ansorg"),
        None,
    ),
    "posts/2025/giao-luu-nhac-si-tay-bac/san-khau.jpg": (
        plasma("ColorfulCups", "Dmitri Popov"),
        None,
    ),
    "posts/2025/giao-luu-nhac-si-tay-bac/bieu-dien.jpg": (
        mate("Storm", "Sergey Nazarov"),
        None,
    ),
    "posts/2025/khong-gian-tri-thuc-so/goc-doc-so.jpg": (
        plasma("Grey", "Sigi Sagi"),
        None,
    ),
    "posts/2025/khong-gian-tri-thuc-so/tra-cuu.jpg": (
        mate("Wood", "Jean-François Fortin Tam"),
        None,
    ),
    "posts/2025/phuc-vu-luu-dong-2025/xe-sach.jpg": (
        plasma("BytheWater", "Maciej Wiklo"),
        None,
    ),
    "posts/2025/tap-huan-vietbiblio/lop-tap-huan.jpg": (
        plasma("FallenLeaf", "Martin Klapetek"),
        None,
    ),
    # A book's cover is taller than wide; a portrait 4:5.
    "works/sach-mau-chuyen-ke-ben-bep-lua/bia.jpg": (
        mate("RainDrops", "blackcombwhistler07"),
        2 / 3,
    ),
    "works/sach-mau-nhung-mua-hoa-ban/bia.jpg": (
        mate("GreenMeadow", "Timothy Schellhase, Lapo Calamandrei"),
        2 / 3,
    ),
    "people/tac-gia-mau-mot/chan-dung.jpg": (
        mate("Dune", "Marco Cogoni, Hylke Bons"),
        4 / 5,
    ),
    "people/tac-gia-mau-hai/chan-dung.jpg": (
        mate("Blinds", "Lennart Poettering, Andrea Cimitan"),
        4 / 5,
    ),
}


def unpack(folder: Path) -> Path:
    """Download the packages into `folder` and unpack them; return the root."""
    root = folder / "root"
    for package in PACKAGES:
        subprocess.run(["apt-get", "download", package], cwd=folder, check=True)
    for deb in sorted(folder.glob("*.deb")):
        subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    return root


def crop_to(image: Image.Image, shape: float | None) -> Image.Image:
    """Return the centre of `image` at `shape` (width / height), or all of it."""
    if shape is None:
        return image
    width, height = image.size
    if width / height > shape:
        new_width = round(height * shape)
        left = (width - new_width) // 2
        return image.crop((left, 0, left + new_width, height))
    new_height = round(width / shape)
    top = (height - new_height) // 2
    return image.crop((0, top, width, top + new_height))


def largest(path: Path) -> Path:
    """Return `path`, or the largest JPEG in it when it is a folder of sizes."""
    if not path.is_dir():
        return path
    return max(path.glob("*.jpg"), key=lambda photo: photo.stat().st_size)


def write_photo(source: Path, target: Path, shape: float | None) -> None:
    """Write `source` cropped to `shape`, at most LONGEST_SIDE, as JPEG q85."""
    with Image.open(largest(source)) as image:
        photo = crop_to(image.convert("RGB"), shape)
        photo.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
        target.parent.mkdir(parents=True, exist_ok=True)
        photo.save(target, "JPEG", quality=85, optimize=True, progressive=True)


def credits() -> list[str]:
    """Return one line per photo: where it is, who took it, its licence."""
    return [
        f"{target}: {source.author} ({source.licence})"
        for target, (source, _shape) in PHOTOS.items()
    ]


def main() -> None:
    """Write every sample photo into content/ and print the credits."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--packages", type=Path, help="the packages already unpacked (dpkg -x)"
    )
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = arguments.packages or unpack(Path(folder))
        for target, (source, shape) in PHOTOS.items():
            write_photo(root / source.path, arguments.content / target, shape)
    print("\n".join(credits()))


if __name__ == "__main__":
    main()
