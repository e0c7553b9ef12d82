"""The site_events plugin's settings: EVENTS over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from site_base.settings import SettingsError, check_whole_numbers, merged_settings
from site_build.facts import SiteFacts, site_facts

DEFAULTS: dict[str, Any] = {
    # /events.ics holds every upcoming event and those of the last N days.
    "recent_days": 90,
    # An event given a start time but no end lasts this long in calendars.
    "default_hours": 2,
    # The site-wide calendar, and each post's file beside its page.
    "calendar_file": "events.ics",
    "post_file": "calendar.ics",
}


@dataclass(frozen=True)
class EventSettings:
    """Checked EVENTS settings plus what calendars need from Pelican's."""

    recent: timedelta
    default_length: timedelta
    calendar_file: str
    post_file: str
    # The site's absolute address, time zone, "now", default language.
    facts: SiteFacts


def load_settings(settings: dict[str, Any]) -> EventSettings:
    """Merge EVENTS over the defaults (without changing `settings`) and check it."""
    merged = merged_settings(settings, "EVENTS", DEFAULTS)
    check_whole_numbers("EVENTS", merged, "recent_days", "default_hours")
    for key in ("calendar_file", "post_file"):
        if not merged[key].endswith(".ics") or "/" in merged[key]:
            raise SettingsError(f"EVENTS[{key!r}] must be a file name like x.ics")
    facts = site_facts(settings)
    facts.absolute_siteurl  # noqa: B018 (checked once, here)
    return EventSettings(
        recent=timedelta(days=merged["recent_days"]),
        default_length=timedelta(hours=merged["default_hours"]),
        calendar_file=merged["calendar_file"],
        post_file=merged["post_file"],
        facts=facts,
    )
