"""Photos outside the text (covers) are published too, and templates can link them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from photo_groups import Photo

_KINDS = ("articles", "translations", "drafts", "drafts_translations")
_PAGE_KINDS = ("pages", "translations", "draft_pages", "draft_translations")


def publish_covers(generator: Any) -> None:
    """Add each built page's cover to the files Pelican publishes.

    Photos shown in the text are found by Pelican through their {static}
    links; a cover that only cards and previews show is not in the text.
    """
    content = Path(generator.settings["PATH"]).resolve()
    kinds = _PAGE_KINDS if hasattr(generator, "pages") else _KINDS
    for kind in kinds:
        for item in getattr(generator, kind, []):
            cover = getattr(item, "cover", None)
            if cover is not None:
                generator.context["static_links"].add(_source(cover, content))


def _source(photo: Photo, content: Path) -> str:
    return photo.path.resolve().relative_to(content).as_posix()


def add_media_filter(generator: Any) -> None:
    """Give templates `photo | media_url`: the photo's address from SITEURL."""
    settings = generator.settings
    content = Path(settings["PATH"]).resolve()

    def media_url(photo: Photo) -> str:
        return settings["STATIC_URL"].format(path=_source(photo, content))

    generator.env.filters["media_url"] = media_url
