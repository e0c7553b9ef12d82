"""The site_feeds plugin's settings: FEEDS over these defaults, checked once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from site_base.settings import SettingsError, check_whole_numbers, merged_settings
from site_build.facts import SiteFacts, site_facts

DEFAULTS: dict[str, Any] = {
    # URL folder of the feeds and of the page that lists them, under SITEURL
    # (and /<lang>/): feeds/all.rss.xml, feeds/category/<slug>.atom.xml ...
    "path": "feeds",
    # Items in the site-wide feeds, and in each category, tag and person feed.
    "site_limit": 30,
    "limit": 20,
    # A WebSub hub (https://www.w3.org/TR/websub/) announced in every feed and
    # pinged after a publish; empty: none.
    "websub_hub": "",
    # The songs podcast: Apple's category, whether it is explicit, artwork size,
    # and podcast:locked (yes: no other host may take the feed over; the
    # library's e-mail is the owner's).
    "podcast_category": "Music",
    "podcast_explicit": False,
    "podcast_locked": True,
    "artwork_size": 1400,
}

# Pelican's own feed writer: every one of its feeds must stay off, so that
# each feed has exactly one path (and one writer) on the site.
PELICAN_FEEDS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)


@dataclass(frozen=True)
class FeedSettings:
    """Checked FEEDS settings plus what the feeds need from Pelican's settings."""

    path: str
    site_limit: int
    limit: int
    websub_hub: str
    podcast_category: str
    podcast_explicit: bool
    podcast_locked: bool
    artwork_size: int
    # The site's absolute address, languages, time zone, "now", theme.
    facts: SiteFacts


def load_settings(settings: dict[str, Any]) -> FeedSettings:
    """Merge FEEDS over the defaults (without changing `settings`) and check it."""
    merged = merged_settings(settings, "FEEDS", DEFAULTS)
    left_on = [name for name in PELICAN_FEEDS if settings.get(name)]
    if left_on:
        raise SettingsError(
            f"set {', '.join(left_on)} to None: site_feeds writes every feed"
        )
    check_whole_numbers("FEEDS", merged, "site_limit", "limit", "artwork_size")
    for key in ("podcast_explicit", "podcast_locked"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"FEEDS['{key}'] must be True or False")
    hub = merged["websub_hub"]
    if hub and urlsplit(hub).scheme not in ("http", "https"):
        raise SettingsError("FEEDS['websub_hub'] must be a full http(s) address")
    facts = site_facts(settings)
    facts.absolute_siteurl  # noqa: B018 (checked once, here)
    return FeedSettings(
        path=merged["path"].strip("/"),
        site_limit=merged["site_limit"],
        limit=merged["limit"],
        websub_hub=merged["websub_hub"],
        podcast_category=merged["podcast_category"],
        podcast_explicit=merged["podcast_explicit"],
        podcast_locked=merged["podcast_locked"],
        artwork_size=merged["artwork_size"],
        facts=facts,
    )
