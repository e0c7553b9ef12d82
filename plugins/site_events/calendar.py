"""Events as iCalendar (RFC 5545): one event per post, and the site's calendar.

Times carry the site's time zone (TZID with its VTIMEZONE); a date without a
time is an all-day event (VALUE=DATE, the end being the day after). The UID
comes from the original post's address, so it never changes and every
language's file names the same event; DTSTAMP is the post's last change.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import icalendar
from markupsafe import Markup

from .settings import EventSettings


def product(cfg: EventSettings) -> str:
    """Return the calendar's PRODID: the site's host makes it, with site_events."""
    host = urlsplit(cfg.facts.absolute_siteurl).netloc
    return f"-//{host}//site_events//{cfg.facts.default_lang.upper()}"


def event_uid(original: Any, cfg: EventSettings) -> str:
    """Return the event's lasting identifier: the original post's path @ the host."""
    host = urlsplit(cfg.facts.absolute_siteurl).netloc
    return f"{original.url.strip('/').replace('/', '-')}@{host}"


def event_component(post: Any, original: Any, cfg: EventSettings) -> icalendar.Event:
    """Return the VEVENT of `post`'s event, in `post`'s language."""
    event = post.event
    url = f"{cfg.facts.absolute_siteurl}/{post.url}"
    component = icalendar.Event()
    component.add("uid", event_uid(original, cfg))
    stamp = getattr(post, "modified", None) or post.date
    component.add("dtstamp", stamp.astimezone(UTC))
    component.add("summary", post.title)
    start, end = event_span(event["start"], event.get("end"), cfg)
    component.add("dtstart", start)
    component.add("dtend", end)
    if event.get("venue"):
        component.add("location", event["venue"])
    component.add("url", url)
    summary = Markup(getattr(post, "summary", "") or "").striptags()
    component.add("description", f"{summary}\n{url}".strip())
    return component


def event_span(
    start: date | datetime, end: date | datetime | None, cfg: EventSettings
) -> tuple[date | datetime, date | datetime]:
    """Return DTSTART and DTEND: site-zone times, or whole days (end exclusive)."""
    if isinstance(start, datetime):
        start = start.astimezone(cfg.facts.timezone)
        if end is None:
            return start, start + cfg.default_length
        if not isinstance(end, datetime):  # until the end of that day
            end = datetime.combine(end + timedelta(days=1), datetime.min.time())
            return start, end.replace(tzinfo=cfg.facts.timezone)
        return start, end.astimezone(cfg.facts.timezone)
    last = end.date() if isinstance(end, datetime) else (end or start)
    return start, last + timedelta(days=1)


def calendar_bytes(
    components: list[icalendar.Event], name: str, cfg: EventSettings
) -> bytes:
    """Return a whole calendar file holding `components`."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", product(cfg))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", cfg.facts.timezone.key)
    for component in components:
        calendar.add_component(component)
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        calendar.subcomponents.insert(position, timezone_component(tzid))
    if not calendar.subcomponents:
        # No event to come: RFC 5545 wants a component all the same, and a
        # subscriber's calendar app refuses a file without one. The site's
        # time zone (the zone its events are given in) is that component.
        calendar.add_component(timezone_component(cfg.facts.timezone.key))
    return calendar.to_ical()


@functools.cache
def timezone_component(tzid: str) -> icalendar.Timezone:
    """Return the VTIMEZONE of `tzid`, made once per build.

    icalendar's `add_missing_timezones` makes it again for every calendar
    (a second each for the site's few hundred calendars); the component is
    only read when a calendar is written, so the calendars share it.
    """
    return icalendar.Timezone.from_tzid(tzid)


def event_moments(
    event: dict[str, Any], cfg: EventSettings
) -> tuple[datetime, datetime]:
    """Return when an event starts and is over, as moments (a day from midnight)."""
    return tuple(  # type: ignore[return-value]
        value
        if isinstance(value, datetime)
        else datetime.combine(value, datetime.min.time()).replace(
            tzinfo=cfg.facts.timezone
        )
        for value in event_span(event["start"], event.get("end"), cfg)
    )
