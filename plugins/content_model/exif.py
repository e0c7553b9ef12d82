"""EXIF orientation: which photos a browser shows turned a quarter.

A leaf module (it imports nothing): the content check reads photo sizes with
it, and media_pipeline turns photos upright with the same rule.
"""

from __future__ import annotations

from collections.abc import Mapping

ORIENTATION_TAG = 0x0112
# Orientations 5-8 turn the photo a quarter: its width and height swap.
QUARTER_TURNS = frozenset({5, 6, 7, 8})


def quarter_turned(exif: Mapping[int, object]) -> bool:
    """Return whether a photo with these EXIF tags is shown turned a quarter."""
    return exif.get(ORIENTATION_TAG) in QUARTER_TURNS
