"""What a derivative is: formats, their types and suffixes, sizes, the crop rule.

A leaf module (it imports nothing of its package): settings, plans, markup,
the cache and the Pillow code share these without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("avif", "webp", "jpeg")
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
SUFFIX = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}


@dataclass(frozen=True)
class Rendition:
    """One derivative: its file name under /media/, size and format."""

    path: str
    width: int
    height: int
    fmt: str
    crop: str = ""


def fitted(
    source_width: int, source_height: int, width: int, height: int
) -> tuple[int, int]:
    """Return the largest size of ratio width:height the source fills unscaled up."""
    scale = min(1.0, source_width / width, source_height / height)
    return max(1, round(width * scale)), max(1, round(height * scale))
