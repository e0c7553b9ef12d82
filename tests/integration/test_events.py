"""Events: the box on the post, its .ics file, and /events.ics, read by icalendar."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup

from site_gates.files import html_errors
from tests.support import post

SITEURL = "https://thuvien.laocai.example"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
BUILD_TIME = "2025-11-20T12:00:00+07:00"
FILES = {
    "posts/2025/dem-tho/index.md": post(
        """
        title: Đêm thơ "Mùa hoa ban" & giao lưu
        date: 2025-11-15 08:00
        category: hoat-dong-thu-vien
        summary: Mời bạn đọc dự đêm thơ.
        event: {start: 2025-11-25 14:00, end: 2025-11-25 17:00, venue: Hội trường tầng 2}
        """
    ),
    "posts/2025/dem-tho/index.en.md": post(
        "title: A poetry evening\nsummary: Readers are welcome."
    ),
    "posts/2025/hoi-nghi/index.md": post(
        """
        title: Hội nghị bạn đọc
        date: 2025-11-06
        category: hoat-dong-thu-vien
        event: {start: 2025-11-06, end: 2025-11-07}
        """
    ),
    "posts/2025/giao-luu-utc/index.md": post(
        """
        title: Giao lưu trực tuyến
        date: 2025-11-18
        category: am-nhac
        event: {start: 2025-12-01 07:00 +00:00}
        """
    ),
    "posts/2025/ngay-sach/index.md": post(
        "title: Ngày sách\ndate: 2025-04-20\ncategory: am-nhac\n"
        "event: {start: 2025-04-21}"
    ),
    "posts/2025/nhap/index.md": post(
        "title: Bản nháp\ndate: 2025-11-10\ncategory: am-nhac\nstatus: draft\n"
        "event: {start: 2025-11-30}"
    ),
}


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME)
    assert built.ok, built.log
    return built.output


def calendar(site, path):
    return icalendar.Calendar.from_ical((site / path).read_bytes())


def events(cal):
    return {str(event["summary"]): event for event in cal.walk("VEVENT")}


def test_the_site_calendar_holds_upcoming_and_recent_events(site):
    cal = calendar(site, "events.ics")
    assert str(cal["version"]) == "2.0"
    assert str(cal["prodid"]).startswith("-//")
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == [
        "Hội nghị bạn đọc",
        'Đêm thơ "Mùa hoa ban" & giao lưu',
        "Giao lưu trực tuyến",
    ]  # in order of start; April's event is older than the window; no draft


def test_a_timed_event_keeps_the_sites_time_zone(site):
    cal = calendar(site, "events.ics")
    event = events(cal)['Đêm thơ "Mùa hoa ban" & giao lưu']
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event.decoded("dtstart") == datetime(2025, 11, 25, 14, 0, tzinfo=ZONE)
    assert event.decoded("dtend") == datetime(2025, 11, 25, 17, 0, tzinfo=ZONE)
    assert str(event["location"]) == "Hội trường tầng 2"
    assert str(event["url"]) == f"{SITEURL}/2025/dem-tho/"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    utc = events(cal)["Giao lưu trực tuyến"]
    assert utc.decoded("dtstart") == datetime(2025, 12, 1, 14, 0, tzinfo=ZONE)
    assert utc.decoded("dtend") - utc.decoded("dtstart") == timedelta(hours=2)


def test_a_date_alone_is_an_all_day_event(site):
    event = events(calendar(site, "events.ics"))["Hội nghị bạn đọc"]
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert event.decoded("dtstart") == date(2025, 11, 6)
    assert event.decoded("dtend") == date(2025, 11, 8)  # the day after the end


def test_uids_are_stable_and_shared_by_translations(site):
    vi = events(calendar(site, "2025/dem-tho/calendar.ics"))
    en = events(calendar(site, "en/2025/dem-tho/calendar.ics"))
    (vi_event,), (en_event,) = vi.values(), en.values()
    assert (
        str(vi_event["uid"])
        == str(en_event["uid"])
        == ("2025-dem-tho@thuvien.laocai.example")
    )
    assert str(en_event["summary"]) == "A poetry evening"
    # DTSTAMP: when the post was published (08:00 in Vietnam), in UTC.
    assert vi_event.decoded("dtstamp") == datetime(2025, 11, 15, 1, 0, tzinfo=UTC)
    assert vi_event["dtstamp"].to_ical().endswith(b"Z")


def test_an_old_event_keeps_its_own_calendar_file(site):
    (event,) = events(calendar(site, "2025/ngay-sach/calendar.ics")).values()
    assert event.decoded("dtstart") == date(2025, 4, 21)
    assert not (site / "2025/nhap/calendar.ics").exists()


def test_files_follow_rfc_5545_lines(site):
    raw = (site / "events.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b""  # every line ends with CRLF
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_the_post_shows_when_and_where_with_a_calendar_link(site):
    html = BeautifulSoup(
        (site / "2025/dem-tho/index.html").read_text("utf-8"), "html.parser"
    )
    box = html.select_one(".event-box")
    # No-break spaces inside the date: a narrow box never splits "25/11/2025"
    # from its weekday's name or "6 November" from "2025".
    facts = [dd.get_text(strip=True).replace("\u00a0", " ") for dd in box.select("dd")]
    assert facts == ["14:00–17:00, Thứ Ba, 25/11/2025", "Hội trường tầng 2"]
    link = box.select_one("a[download]")
    assert link["href"] == f"{SITEURL}/2025/dem-tho/calendar.ics"
    assert link.get_text() == "Thêm vào lịch"
    english = BeautifulSoup(
        (site / "en/2025/dem-tho/index.html").read_text("utf-8"), "html.parser"
    )
    assert english.select_one(".event-box dd").get_text(strip=True) == (
        "14:00–17:00, Tuesday, 25\u00a0November\u00a02025"
    )
    assert [dt.get_text() for dt in english.select(".event-box dt")] == [
        "When",
        "Where",
    ]
    assert english.select_one(".event-box a[download]").get_text() == "Add to calendar"
    all_day = BeautifulSoup(
        (site / "2025/hoi-nghi/index.html").read_text("utf-8"), "html.parser"
    )
    assert all_day.select_one(".event-box dd").get_text(strip=True) == (
        "Thứ\u00a0Năm, 6/11/2025 – Thứ\u00a0Sáu, 7/11/2025"
    )


def test_a_calendar_with_no_event_is_still_a_calendar(build_site):
    """RFC 5545 wants a component: a subscriber's app refuses an empty calendar."""
    built = build_site(
        {
            "posts/2025/tin/index.md": post(
                "title: Tin\ndate: 2025-11-06\ncategory: am-nhac"
            )
        },
        production=True,
    )
    assert built.ok, built.log
    raw = (built.output / "events.ics").read_bytes()
    (zone,) = icalendar.Calendar.from_ical(raw).subcomponents
    assert zone.name == "VTIMEZONE"
    assert zone["tzid"] == "Asia/Ho_Chi_Minh"


def test_structured_data_gives_a_whole_day_as_a_date(site):
    html = BeautifulSoup(
        (site / "2025/hoi-nghi/index.html").read_text("utf-8"), "html.parser"
    )
    blocks = [
        json.loads(s.string)
        for s in html.find_all("script", type="application/ld+json")
    ]
    (event,) = [b for b in blocks if b["@type"] == "Event"]
    assert (event["startDate"], event["endDate"]) == ("2025-11-06", "2025-11-07")


def test_calendars_are_byte_identical_on_a_rebuild(build_site, site):
    again = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME).output
    for path in ("events.ics", "2025/dem-tho/calendar.ics"):
        assert (again / path).read_bytes() == (site / path).read_bytes()


def test_pages_with_an_event_box_are_valid_html(site):
    assert html_errors(site)[site] == []
