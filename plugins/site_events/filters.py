"""When an event is, as a reader of the page's language writes it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_time

from theme_support.filters import news_date

TIME_FORMAT = "HH:mm"


NO_BREAK = "\u00a0"


def _date(value: date | datetime, lang: str) -> str:
    """Return a day as posts' dates show it: "Thứ Năm, 6/11/2025".

    A narrow box may break the line after the weekday, never inside the
    date ("6 November 2025" stays whole).
    """
    weekday, _comma, day = news_date(_day(value), lang, with_time=False).partition(", ")
    return f"{weekday.replace(' ', NO_BREAK)}, {day.replace(' ', NO_BREAK)}"


def event_when(event: dict[str, Any], lang: str, zone: str) -> str:
    """Return "14:00–17:00, Thứ Ba, 25/11/2025" (times in the site's zone, `zone`)."""
    start, end = _local(event["start"], zone), _local(event.get("end"), zone)
    day = _date(start, lang)
    if not isinstance(start, datetime):
        if end is None or _day(end) == start:
            return day
        return f"{day} – {_date(end, lang)}"
    at = format_time(start, TIME_FORMAT, locale=lang)
    if end is None:
        return f"{at}, {day}"
    if isinstance(end, datetime) and end.date() == start.date():
        return f"{at}–{format_time(end, TIME_FORMAT, locale=lang)}, {day}"
    until = _date(end, lang)
    if isinstance(end, datetime):
        until = f"{format_time(end, TIME_FORMAT, locale=lang)}, {until}"
    return f"{at}, {day} – {until}"


def _local(value: date | datetime | None, zone: str) -> date | datetime | None:
    return value.astimezone(ZoneInfo(zone)) if isinstance(value, datetime) else value


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
