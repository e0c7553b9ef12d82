"""The site_search plugin's settings: SEARCH over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from site_base.settings import SettingsError, merged_settings

DEFAULTS: dict[str, Any] = {
    # Index the built site with Pagefind at the end of every build.
    "index": True,
    # The search page of each language, under its prefix (/search/, /en/search/).
    "url": "search/",
    # Where Pagefind writes its index and scripts, under the output folder.
    "bundle": "pagefind",
}


@dataclass(frozen=True)
class SearchSettings:
    """Checked SEARCH settings."""

    index: bool
    url: str
    bundle: str


def load_settings(settings: dict[str, Any]) -> SearchSettings:
    """Merge SEARCH over the defaults (without changing `settings`) and check it."""
    merged = merged_settings(settings, "SEARCH", DEFAULTS)
    if not isinstance(merged["index"], bool):
        raise SettingsError("SEARCH['index'] must be True or False")
    for key in ("url", "bundle"):
        value = merged[key]
        if not isinstance(value, str) or not value.strip("/") or " " in value:
            raise SettingsError(f"SEARCH[{key!r}] must be a path like 'search/'")
    return SearchSettings(
        index=merged["index"],
        url=merged["url"].strip("/") + "/",
        bundle=merged["bundle"].strip("/"),
    )
