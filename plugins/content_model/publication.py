"""What a build shows: drafts and future-dated posts only in development builds."""

from __future__ import annotations

from typing import Any


def hold_back(generator: Any, metadata: dict[str, Any]) -> None:
    """Skip drafts and posts dated after BUILD_TIME when the settings say so.

    Decided on every build from the metadata Pelican is about to turn into a
    post or page, with the settings of this build's content check.
    """
    cfg = generator.context["CONTENT_CHECK"].cfg
    if metadata.get("status") == "draft" and not cfg.show_drafts:
        metadata["status"] = "skip"
    date = metadata.get("date")
    if date is not None and date > cfg.facts.build_time and not cfg.show_future:
        metadata["status"] = "skip"


def is_public(post: Any, build_time: Any) -> bool:
    """Return whether readers may see `post`: not a draft, not dated after "now".

    Production builds never read the others (hold_back); development builds
    show them on pages for the writer, but feeds, calendars and sitemaps,
    which readers subscribe to, must not carry them.
    """
    return getattr(post, "status", "published") != "draft" and post.date <= build_time


def scheduled_dates(check: Any) -> list[Any]:
    """Return the dates of posts later than BUILD_TIME (they come out then)."""
    now = check.cfg.facts.build_time
    return sorted(
        date
        for document in check.documents.values()
        if document.kind == "post"
        and (date := document.values.get("date")) is not None
        and date > now
    )
