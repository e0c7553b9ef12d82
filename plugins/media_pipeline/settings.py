"""The derivatives of every photo, declared as data: defaults here, MEDIA overrides."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from site_base.settings import SettingsError, merged_settings
from site_build.facts import SiteFacts, site_facts

from .cache import CacheLayout
from .renditions import FORMATS

MAX_WIDTH = 2560

DEFAULTS: dict[str, Any] = {
    # Widths of the responsive versions (never wider than the photo itself).
    # 720: a phone at 2x draws a full-width photo 712 px wide (360 CSS px)
    # and would otherwise fetch the 960 version, a third bigger.
    "widths": [480, 720, 960, 1600],
    # Formats offered with <picture>, best first; the last is the <img> fallback.
    # Chosen by measure (`invoke bench-formats`: SSIM against the resized
    # original, 12 photos, 480 to 1600 px): AVIF q68 is as sharp as JPEG q82
    # in 70% of its bytes. WebP as sharp takes 74-83% of the JPEG's bytes for
    # 6x its encode time, and only a browser without AVIF would ever fetch
    # it: those few get the JPEG, and the build is a third faster.
    "formats": ["avif", "jpeg"],
    # Encoder options per format (Pillow's save() keywords). AVIF's speed 8
    # makes files 10% smaller than speed 10 at the same SSIM, in 3x the time.
    "encoding": {
        "avif": {"quality": 68, "speed": 8},
        "webp": {"quality": 84, "method": 4},
        "jpeg": {"quality": 82},
    },
    # Named crops for social previews and structured data: [width, height]. Made
    # only for the photos a plugin asks them of (through PHOTO_PLANS).
    "crops": {
        "og": [1200, 630],
        "16x9": [1200, 675],
        "4x3": [1200, 900],
        "1x1": [1200, 1200],
    },
    "crop_format": "jpeg",
    # JPEG has no transparency: transparent photos are laid on the page background.
    "background": "#ffffff",
    # Derivatives are kept here, outside output/, keyed by source bytes and spec.
    "cache_path": ".cache/media",
    # Worker processes; None: one per core.
    "workers": None,
    # URL path of the derivatives, under SITEURL.
    "url_path": "media",
    # URL path of the index of posts with photos, under SITEURL (and /<lang>/).
    "galleries_url": "galleries/",
}


@dataclass(frozen=True)
class MediaSettings:
    """Checked MEDIA settings plus what the pipeline needs from Pelican's."""

    widths: tuple[int, ...]
    formats: tuple[str, ...]
    encoding: dict[str, dict[str, Any]]
    crops: dict[str, tuple[int, int]]
    crop_format: str
    background: str
    cache: Path
    workers: int
    url_path: str
    galleries_url: str
    # SITEURL (the derivatives' addresses), content/ and the site's folder.
    facts: SiteFacts

    @property
    def fallback(self) -> str:
        """Return the format of the <img> every browser can show."""
        return self.formats[-1]

    @cached_property
    def layout(self) -> CacheLayout:
        """Return where this configuration's derivatives are cached."""
        used = {*self.formats, self.crop_format}
        return CacheLayout(self.cache, {fmt: self.spec_digest(fmt) for fmt in used})

    def spec_digest(self, fmt: str) -> str:
        """Return a digest of how `fmt` is made: when it changes, re-encode."""
        spec = {
            "format": fmt,
            "encoding": self.encoding[fmt],
            "background": self.background,
            "pipeline": 1,
        }
        return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[
            :12
        ]


def load_settings(settings: dict[str, Any]) -> MediaSettings:
    """Merge MEDIA over the defaults (without changing `settings`) and check it."""
    merged = merged_settings(settings, "MEDIA", DEFAULTS)
    widths = tuple(sorted(set(merged["widths"])))
    if not widths or any(
        not isinstance(w, int) or not 0 < w <= MAX_WIDTH for w in widths
    ):
        raise SettingsError(
            f"MEDIA['widths'] must be whole numbers from 1 to {MAX_WIDTH}"
        )
    formats = tuple(merged["formats"])
    if not formats or any(f not in FORMATS for f in formats):
        raise SettingsError(f"MEDIA['formats'] must be some of {FORMATS}")
    if any(fmt not in merged["encoding"] for fmt in (*formats, merged["crop_format"])):
        raise SettingsError("MEDIA['encoding'] needs options for every format used")
    crops = {name: (int(w), int(h)) for name, (w, h) in merged["crops"].items()}
    facts = site_facts(settings)
    return MediaSettings(
        widths=widths,
        formats=formats,
        encoding={k: dict(v) for k, v in merged["encoding"].items()},
        crops=crops,
        crop_format=merged["crop_format"],
        background=merged["background"],
        cache=facts.root / merged["cache_path"],
        workers=merged["workers"] or os.cpu_count() or 1,
        url_path=merged["url_path"].strip("/"),
        galleries_url=merged["galleries_url"].strip("/") + "/",
        facts=facts,
    )
