"""When an event is, as a reader of the page's language writes it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

DATE_FORMAT = "long"  # "6 tháng 11, 2025" / "November 6, 2025", as posts' dates
TIME_FORMAT = "HH:mm"


def event_when(event: dict[str, Any], lang: str, zone: str) -> str:
    """Return "14:00–17:00, 6 tháng 11, 2025" (times in the site's zone, `zone`)."""
    start, end = _local(event["start"], zone), _local(event.get("end"), zone)
    day = format_date(start, format=DATE_FORMAT, locale=lang)
    if not isinstance(start, datetime):
        if end is None or _day(end) == start:
            return day
        return f"{day} – {format_date(_day(end), format=DATE_FORMAT, locale=lang)}"
    at = format_time(start, TIME_FORMAT, locale=lang)
    if end is None:
        return f"{at}, {day}"
    if isinstance(end, datetime) and end.date() == start.date():
        return f"{at}–{format_time(end, TIME_FORMAT, locale=lang)}, {day}"
    until = format_date(_day(end), format=DATE_FORMAT, locale=lang)
    if isinstance(end, datetime):
        until = f"{format_time(end, TIME_FORMAT, locale=lang)}, {until}"
    return f"{at}, {day} – {until}"


def _local(value: date | datetime | None, zone: str) -> date | datetime | None:
    return value.astimezone(ZoneInfo(zone)) if isinstance(value, datetime) else value


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
