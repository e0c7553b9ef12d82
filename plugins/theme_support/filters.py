"""Jinja filters for dates in the reader's language (Babel's CLDR formats)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from babel.dates import format_date

# Babel's "long" date: "6 tháng 11, 2025" in Vietnamese, "November 6, 2025" in English.
DATE_FORMAT = "long"


def long_date(value: date | datetime, lang: str) -> str:
    """Return `value` as a reader of `lang` writes a date."""
    return format_date(value, format=DATE_FORMAT, locale=lang)


def intersects(values: list[str] | None, others: list[str]) -> bool:
    """Return whether the two lists share an item (a Jinja test)."""
    return bool(set(values or ()) & set(others))


def add_filters(generator: Any) -> None:
    """Register the filters and tests on the generator's template environment."""
    generator.env.filters["long_date"] = long_date
    generator.env.tests["intersects"] = intersects
