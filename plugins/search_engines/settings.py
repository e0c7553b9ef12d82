"""The search_engines plugin's settings: SEARCH_ENGINES over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from site_base.settings import SettingsError, check_whole_numbers, merged_settings
from site_build.facts import SiteFacts, site_facts

DEFAULTS: dict[str, Any] = {
    # Google News reads posts of the last two days from the news sitemap.
    "news_days": 2,
    # File names at the site's root (robots.txt lists both).
    "sitemap": "sitemap.xml",
    "news_sitemap": "sitemap-news.xml",
}


@dataclass(frozen=True)
class SearchEngineSettings:
    """Checked SEARCH_ENGINES settings plus what the plugin needs from Pelican's."""

    news_days: int
    sitemap: str
    news_sitemap: str
    # The site's absolute address, default language, "now".
    facts: SiteFacts
    not_found: str


def load_settings(settings: dict[str, Any]) -> SearchEngineSettings:
    """Merge SEARCH_ENGINES over the defaults (without changing `settings`)."""
    merged = merged_settings(settings, "SEARCH_ENGINES", DEFAULTS)
    check_whole_numbers("SEARCH_ENGINES", merged, "news_days")
    for key in ("sitemap", "news_sitemap"):
        if "/" in merged[key] or not merged[key].endswith(".xml"):
            raise SettingsError(
                f"SEARCH_ENGINES[{key!r}] must be a file name like x.xml"
            )
    facts = site_facts(settings)
    facts.absolute_siteurl  # noqa: B018 (checked once, here)
    return SearchEngineSettings(
        news_days=merged["news_days"],
        sitemap=merged["sitemap"],
        news_sitemap=merged["news_sitemap"],
        facts=facts,
        not_found=settings.get("NOT_FOUND_SAVE_AS", "404.html"),
    )
