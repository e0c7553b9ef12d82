"""Front-matter values: the right type or a writer's message, never a silent conversion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from content_model import fields
from content_model.problems import ContentError

SITE_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-11-06", datetime(2025, 11, 6, tzinfo=SITE_ZONE)),
        ("2025-11-06 15:30", datetime(2025, 11, 6, 15, 30, tzinfo=SITE_ZONE)),
        ("2025-11-06 15:30:00", datetime(2025, 11, 6, 15, 30, tzinfo=SITE_ZONE)),
        ("2025-11-06T08:30Z", datetime(2025, 11, 6, 8, 30, tzinfo=UTC)),
        (
            "2025-11-06 15:30 +02:00",
            datetime(2025, 11, 6, 15, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
    ],
)
def test_dates_in_every_form(written, expected):
    assert fields.moment(written, SITE_ZONE) == expected


def test_a_naive_date_is_in_the_site_time_zone():
    assert fields.moment("2025-11-06 15:30", SITE_ZONE).utcoffset() == timedelta(
        hours=7
    )


@pytest.mark.parametrize(
    "written",
    [
        "6/11/2025",
        "2025-02-30",
        "2025-11-06 25:00",
        2025,
        "",
        "2025-11-06 10:00 +25:00",
    ],
)
def test_bad_dates_are_refused(written):
    with pytest.raises(ContentError, match="date|time zone"):
        fields.moment(written, SITE_ZONE)


@pytest.mark.parametrize("value", ["a, b", 3, None, [1]])
def test_text_list_refuses_other_types(value):
    with pytest.raises(ContentError):
        fields.text_list(value)


def test_text_refuses_a_number():
    with pytest.raises(ContentError, match="must be text"):
        fields.text(2025)


@pytest.mark.parametrize(
    "value", ["baolaocai.vn/post", "ftp://x.org/a", "https://", "https://a b.vn"]
)
def test_url_must_be_a_full_web_address(value):
    with pytest.raises(ContentError, match="full web address"):
        fields.url(value)


@pytest.mark.parametrize(
    "value", ["978-0-306-40615-8", "0-306-40615-3", "030640615X", "12345"]
)
def test_isbn_with_wrong_check_digit_is_refused(value):
    with pytest.raises(ContentError, match="ISBN"):
        fields.isbn(value)


@pytest.mark.parametrize(
    "value", ["978-0-306-40615-7", "0-306-40615-2", "0-8044-2957-X"]
)
def test_valid_isbns(value):
    assert fields.isbn(value) == value


@pytest.mark.parametrize(
    ("value", "ok"),
    [("4:35", True), ("1:02:10", True), ("4:75", False), ("275", False)],
)
def test_duration(value, ok):
    if ok:
        assert fields.duration(value) == value
    else:
        with pytest.raises(ContentError):
            fields.duration(value)


def test_slug_refuses_capitals_and_spaces():
    with pytest.raises(ContentError, match="web address"):
        fields.slug("Hội Nghị")


def test_file_name_stays_inside_the_folder():
    with pytest.raises(ContentError):
        fields.file_name("../khac/anh.jpg")


def test_choice_lists_the_allowed_values():
    with pytest.raises(ContentError, match="song, book, poem"):
        fields.choice("song", "book", "poem")("album")
