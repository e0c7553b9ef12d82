"""What a build shows: drafts and future-dated posts only in development builds."""

from __future__ import annotations

from typing import Any

from .state import BUILD


def hold_back(_generator: Any, metadata: dict[str, Any]) -> None:
    """Skip drafts and posts dated after BUILD_TIME when the settings say so.

    Decided on every build from the metadata, after Pelican's content cache, so
    a cached post still appears once its date has come.
    """
    cfg = BUILD.check.cfg
    if metadata.get("status") == "draft" and not cfg.show_drafts:
        metadata["status"] = "skip"
    date = metadata.get("date")
    if date is not None and date > cfg.build_time and not cfg.show_future:
        metadata["status"] = "skip"
