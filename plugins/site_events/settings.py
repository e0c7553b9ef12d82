"""The site_events plugin's settings: EVENTS over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from site_base.settings import SettingsError, check_whole_numbers, merged_settings
from site_base.urls import public_siteurl
from site_build.facts import build_time

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
    siteurl: str
    timezone: ZoneInfo
    build_time: datetime
    default_lang: str


def load_settings(settings: dict[str, Any]) -> EventSettings:
    """Merge EVENTS over the defaults (without changing `settings`) and check it."""
    merged = merged_settings(settings, "EVENTS", DEFAULTS)
    check_whole_numbers("EVENTS", merged, "recent_days", "default_hours")
    for key in ("calendar_file", "post_file"):
        if not merged[key].endswith(".ics") or "/" in merged[key]:
            raise SettingsError(f"EVENTS[{key!r}] must be a file name like x.ics")
    return EventSettings(
        recent=timedelta(days=merged["recent_days"]),
        default_length=timedelta(hours=merged["default_hours"]),
        calendar_file=merged["calendar_file"],
        post_file=merged["post_file"],
        siteurl=public_siteurl(settings),
        timezone=ZoneInfo(settings["TIMEZONE"]),
        build_time=build_time(settings),
        default_lang=settings["DEFAULT_LANG"],
    )
