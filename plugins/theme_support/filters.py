"""Jinja filters for dates in the reader's language (Babel's CLDR formats)."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_time, get_day_names

from .headlines import headline

# Babel's "long" date: "6 tháng 11, 2025" in Vietnamese, "November 6, 2025" in English.
DATE_FORMAT = "long"


@functools.lru_cache(maxsize=4096)
def long_date(value: date | datetime, lang: str) -> str:
    """Return `value` as a reader of `lang` writes a date."""
    return format_date(value, format=DATE_FORMAT, locale=lang)


# A post's date as news sites write it: "Thứ Năm, 6/11/2025, 14:00" in
# Vietnamese, "Thursday, 6 November 2025, 14:00" in English; Babel's full
# date in any other language.
NEWS_DATE_PATTERNS = {"vi": "EEEE, d/M/y", "en": "EEEE, d MMMM y"}


@functools.lru_cache(maxsize=4096)  # every listing shows the same dates again
def news_date(value: date | datetime, lang: str, with_time: bool = True) -> str:
    """Return the weekday and date of `value`, and its time when it has one."""
    day = format_date(value, NEWS_DATE_PATTERNS.get(lang, "full"), locale=lang)
    if with_time and isinstance(value, datetime):
        return f"{day}, {format_time(value, 'HH:mm', locale=lang)}"
    return day


def month_name(month: int, lang: str, in_sentence: bool = False) -> str:
    """Return a month's name: "Tháng 11" alone, "tháng 11" in a sentence."""
    pattern = "MMMM" if in_sentence else "LLLL"
    return format_date(date(2000, month, 1), pattern, locale=lang)


def lead_story(posts: list[Any]) -> Any | None:
    """Return the home page's lead story, or None.

    The newest `featured: true` post, else the newest with a cover (`posts`
    come newest first).
    """
    featured = next((p for p in posts if getattr(p, "featured", False)), None)
    return featured or next((p for p in posts if getattr(p, "cover", None)), None)


# data/library.yml's day names, in Babel's order (Monday is 0).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
JOIN = "\u2060"  # WORD JOINER: no line break here


def opening_hours(library: Any, lang: str) -> list[str]:
    """Return each opening time as a reader of `lang` reads it.

    "Thứ Hai – Thứ Sáu: 07:30–17:00"; days that do not follow each other are
    listed ("Thứ Hai, Thứ Tư: ...").
    """
    names = get_day_names("wide", locale=lang)
    lines = []
    for hours in library.opening_hours:
        numbers = [WEEKDAYS.index(day) for day in hours.days]
        in_a_row = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        if len(numbers) > 2 and in_a_row:  # noqa: PLR2004 (a range reads better)
            days = f"{names[numbers[0]]} – {names[numbers[-1]]}"
        else:
            days = ", ".join(names[number] for number in numbers)
        # Word joiners keep "07:30–17:00" on one line on a narrow phone.
        times = f"{hours.opens}{JOIN}–{JOIN}{hours.closes}"
        lines.append(f"{days[:1].upper()}{days[1:]}: {times}")
    return lines


def phone_href(phone: str) -> str:
    """Return the tel: address of a phone number as written ("+84 214 ...")."""
    return "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")


def intersects(values: list[str] | None, others: list[str]) -> bool:
    """Return whether the two lists share an item (a Jinja test)."""
    return bool(set(values or ()) & set(others))


def add_filters(generator: Any) -> None:
    """Register the filters and tests on the generator's template environment."""
    generator.env.filters["long_date"] = long_date
    generator.env.filters["news_date"] = news_date
    generator.env.filters["month_name"] = month_name
    generator.env.filters["lead_story"] = lead_story
    generator.env.filters["opening_hours"] = opening_hours
    generator.env.filters["phone_href"] = phone_href
    generator.env.filters["headline"] = headline
    generator.env.tests["intersects"] = intersects
