"""Which derivatives a photo gets and where they go: arithmetic only, no I/O."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

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
    digest: str = ""  # of the source's bytes

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
    """Return the photo's path under /media/ without suffix: media/posts/2025/x/anh.

    Photos outside content/ (the library's logo in data/) keep their path
    from the site folder: media/data/library/logo.
    """
    source = photo.path.resolve()
    inside = (
        cfg.facts.content
        if source.is_relative_to(cfg.facts.content)
        else cfg.facts.content.parent
    )
    relative = PurePosixPath(source.relative_to(inside).as_posix())
    return PurePosixPath(cfg.url_path) / relative.with_suffix("")


def fingerprint(source_digest: str, spec_digest: str) -> str:
    """Return the 10 hex digits in a derivative's name: its source and its making.

    A replaced photo, or new encoder settings, give new names: what a browser
    or CDN cached under the old name is never shown again, so derivatives
    can be cached for a year (like the theme's fingerprinted files).
    """
    return hashlib.sha256(f"{source_digest}:{spec_digest}".encode()).hexdigest()[:10]


def plan(
    photo: Photo,
    cfg: MediaSettings,
    crops: Mapping[str, tuple[int, int]] | None = None,
    *,
    digest: str,
    responsive: bool = True,
) -> PhotoPlan:
    """Return the plan of `photo` (whose bytes have `digest`): sizes and `crops`."""
    base = media_name(photo, cfg)
    specs = cfg.layout.spec_digests

    def name(shape: str, fmt: str) -> str:
        return f"{base}-{shape}.{fingerprint(digest, specs[fmt])}.{SUFFIX[fmt]}"

    renditions = []
    for width in widths_for(photo.width, cfg.widths) if responsive else ():
        height = max(1, round(photo.height * width / photo.width))
        for fmt in cfg.formats:
            renditions.append(Rendition(name(str(width), fmt), width, height, fmt))
    made = {}
    for crop, (width, height) in (crops or {}).items():
        size = fitted(photo.width, photo.height, width, height)
        fmt = cfg.crop_format
        made[crop] = Rendition(name(crop, fmt), *size, fmt, crop)
    return PhotoPlan(
        photo, (*renditions, *made.values()), cfg.facts.siteurl, made, digest
    )


class PhotoPlans:
    """Every photo the build publishes, planned once, with every crop asked for.

    The media generator adds the photos of the pages it knows in its
    `generate_context`; a later plugin adds its own (the feeds' logo and
    podcast artwork) in its `generate_context`, through the context
    (`PHOTO_PLANS`); all of them are encoded in `generate_output`.
    """

    def __init__(self, cfg: MediaSettings, digest_of: Callable[[Path], str]) -> None:
        self.cfg = cfg
        self.digest_of = digest_of
        self._plans: dict[Path, PhotoPlan] = {}
        self._wanted: dict[Path, tuple[bool, dict[str, tuple[int, int]]]] = {}

    def add(
        self,
        photo: Photo,
        crops: Mapping[str, tuple[int, int]] | None = None,
        *,
        responsive: bool = True,
    ) -> PhotoPlan:
        """Plan `photo` with `crops` (name: (width, height)) besides earlier ones.

        `responsive=False` asks for the crops only (a logo that no page shows).
        """
        known = self._wanted.get(photo.path)
        was_responsive, known_crops = known or (False, {})
        wanted = (was_responsive or responsive, {**known_crops, **(crops or {})})
        if wanted != known:
            self._wanted[photo.path] = wanted
            self._plans[photo.path] = plan(
                photo,
                self.cfg,
                wanted[1],
                digest=self.digest_of(photo.path),
                responsive=wanted[0],
            )
        return self._plans[photo.path]

    def all(self) -> list[PhotoPlan]:
        """Return every plan, in the order the photos were first added."""
        return list(self._plans.values())


def decode_width(photo: Photo, rendition: Rendition) -> int:
    """Return how wide the decoded photo must be for `rendition` to stay sharp."""
    if not rendition.crop:
        return rendition.width
    region_width = min(photo.width, photo.height * rendition.width / rendition.height)
    return min(photo.width, math.ceil(photo.width * rendition.width / region_width))
