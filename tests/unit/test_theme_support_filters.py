"""Opening hours and phone links as the footer shows them."""

from __future__ import annotations

from types import SimpleNamespace

from content_model.model import OpeningHours
from theme_support.filters import opening_hours, phone_href


def library(*hours: OpeningHours) -> SimpleNamespace:
    return SimpleNamespace(opening_hours=hours)


def shown(lines: list[str]) -> list[str]:
    """Return the lines as read (the word joiners that stop line breaks removed)."""
    return [line.replace("\u2060", "") for line in lines]


def test_days_in_a_row_read_as_a_range_in_each_language():
    weekdays = OpeningHours(("mon", "tue", "wed", "thu", "fri"), "07:30", "17:00")
    assert shown(opening_hours(library(weekdays), "vi")) == [
        "Thứ Hai – Thứ Sáu: 07:30–17:00"
    ]
    assert shown(opening_hours(library(weekdays), "en")) == [
        "Monday – Friday: 07:30–17:00"
    ]
    assert "07:30\u2060–\u206017:00" in opening_hours(library(weekdays), "en")[0]


def test_other_days_are_listed_one_by_one():
    weekend = OpeningHours(("sat", "sun"), "08:00", "11:30")
    apart = OpeningHours(("mon", "wed"), "13:30", "16:00")
    assert shown(opening_hours(library(weekend, apart), "vi")) == [
        "Thứ Bảy, Chủ Nhật: 08:00–11:30",
        "Thứ Hai, Thứ Tư: 13:30–16:00",
    ]


def test_a_phone_number_as_written_becomes_a_tel_link():
    assert phone_href("+84 (214) 3840-000") == "tel:+842143840000"
