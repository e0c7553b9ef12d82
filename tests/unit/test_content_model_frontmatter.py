"""Front matter is YAML 1.2, keeps every date form as text, and knows its lines."""

from __future__ import annotations

import pytest

from content_model.frontmatter import parse_front_matter
from content_model.problems import ContentError


def parse(yaml: str):
    return parse_front_matter(f"---\n{yaml}\n---\n\nBody.\n")


def test_no_stays_a_word():
    assert parse("title: no").values["title"] == "no"


def test_duration_stays_text():
    assert parse("duration: 4:35").values["duration"] == "4:35"


@pytest.mark.parametrize(
    "written",
    [
        "2025-11-06",
        "2025-11-06 15:30",
        "2025-11-06 15:30:00",
        "2025-11-06T15:30:00+07:00",
    ],
)
def test_every_date_form_arrives_as_text(written):
    assert parse(f"date: {written}").values["date"] == written


def test_lists_and_groups_are_plain_python():
    values = parse("tags: [a, b]\nsource: {name: Báo Lào Cai}").values
    assert values == {"tags": ["a", "b"], "source": {"name": "Báo Lào Cai"}}


def test_key_lines_count_from_the_file_start():
    front = parse("title: A\n\ndate: 2025-11-06")
    assert (front.line_of("title"), front.line_of("date")) == (2, 4)


def test_body_follows_the_closing_fence():
    front = parse("title: A")
    assert (front.body.strip(), front.body_line) == ("Body.", 4)


def test_crlf_files_are_read():
    assert parse_front_matter("---\r\ntitle: A\r\n---\r\nB\r\n").values == {
        "title": "A"
    }


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: A\n", 1, "must start with a line '---'"),
        ("---\ntitle: A\n", 1, "is not closed"),
        ("---\ntitle: A\ntitle: B\n---\n", 3, "duplicate key"),
        ("---\ntitle: a: b\n---\n", 2, "not valid YAML"),
        ('---\ndate: 2025-11-06\ntitle: "open\n---\n', 3, "not valid YAML"),
        ("---\n- a\n- b\n---\n", 2, "lines of 'key: value'"),
    ],
)
def test_unreadable_front_matter_is_a_content_error_with_its_line(text, line, words):
    with pytest.raises(ContentError) as raised:
        parse_front_matter(text)
    assert raised.value.line == line
    assert words in raised.value.message
