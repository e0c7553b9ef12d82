"""The site's absolute address, which feeds, sitemaps and robots.txt need."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .settings import SettingsError


def public_siteurl(settings: dict[str, Any]) -> str:
    """Return SITEURL, or DEV_SITEURL in a development build (SITEURL is "").

    Pages work with addresses relative to the server; a feed reader or a
    crawler needs full ones, so the development build uses the address
    `invoke serve` and `livereload` serve at.
    """
    siteurl = (settings.get("SITEURL") or settings.get("DEV_SITEURL") or "").rstrip("/")
    if urlsplit(siteurl).scheme not in ("http", "https"):
        raise SettingsError(
            "SITEURL (or DEV_SITEURL for development builds) must be a full "
            "http(s) address"
        )
    return siteurl
