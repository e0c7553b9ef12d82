"""Which derivatives a photo gets and where they go: arithmetic only, no I/O."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from photo_groups import Photo

from .renditions import SUFFIX, Rendition, fitted
from .settings import MediaSettings


@dataclass(frozen=True)
class PhotoPlan:
    """Every derivative of one photo, and the addresses templates need."""

    photo: Photo
    renditions: tuple[Rendition, ...]
    siteurl: str = ""
    crops: dict[str, Rendition] = field(default_factory=dict)

    def url(self, rendition: Rendition) -> str:
        """Return the full address of a derivative."""
        return f"{self.siteurl}/{rendition.path}"

    def of_format(self, fmt: str) -> list[Rendition]:
        """Return the responsive versions in `fmt`, narrowest first."""
        return [r for r in self.renditions if r.fmt == fmt and not r.crop]

    def srcset(self, fmt: str) -> str:
        """Return a srcset of the versions in `fmt`."""
        return ", ".join(f"{self.url(r)} {r.width}w" for r in self.of_format(fmt))

    def largest(self, fmt: str) -> Rendition:
        """Return the widest version in `fmt` (the lightbox and no-JS link)."""
        return self.of_format(fmt)[-1]


def widths_for(photo_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Return the configured widths narrower than the photo, plus its own if smaller."""
    chosen = [w for w in widths if w < photo_width]
    if photo_width <= max(widths):
        chosen.append(photo_width)
    else:
        chosen.append(max(widths))
    return tuple(sorted(set(chosen)))


def media_name(photo: Photo, cfg: MediaSettings) -> PurePosixPath:
    """Return the photo's path under /media/ without suffix: media/posts/2025/x/anh."""
    relative = PurePosixPath(photo.path.resolve().relative_to(cfg.content).as_posix())
    return PurePosixPath(cfg.url_path) / relative.with_suffix("")


def plan(photo: Photo, cfg: MediaSettings, with_crops: bool = False) -> PhotoPlan:
    """Return the plan of `photo` (its crops too when it is a cover)."""
    base = media_name(photo, cfg)
    renditions = []
    for width in widths_for(photo.width, cfg.widths):
        height = max(1, round(photo.height * width / photo.width))
        for fmt in cfg.formats:
            renditions.append(
                Rendition(f"{base}-{width}.{SUFFIX[fmt]}", width, height, fmt)
            )
    crops = {}
    if with_crops:
        for name, (width, height) in cfg.crops.items():
            size = fitted(photo.width, photo.height, width, height)
            suffix = SUFFIX[cfg.crop_format]
            crops[name] = Rendition(
                f"{base}-{name}.{suffix}", *size, cfg.crop_format, name
            )
    return PhotoPlan(photo, (*renditions, *crops.values()), cfg.siteurl, crops)


def decode_width(photo: Photo, rendition: Rendition) -> int:
    """Return how wide the decoded photo must be for `rendition` to stay sharp."""
    if not rendition.crop:
        return rendition.width
    region_width = min(photo.width, photo.height * rendition.width / rendition.height)
    return min(photo.width, math.ceil(photo.width * rendition.width / region_width))
