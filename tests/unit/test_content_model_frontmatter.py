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
        ("---\ntitle: A\ntitle: B\n---\n", 3, "'title' is written twice"),
        ("---\ntitle: a: b\n---\n", 2, 'put the whole value in quotes: title: "a: b"'),
        (
            '---\ndate: 2025-11-06\ntitle: "open\n---\n',
            3,
            "the quote opened in 'title' is not closed",
        ),
        ("---\n- a\n- b\n---\n", 2, "lines of 'key: value'"),
        ("", 1, "the file is empty"),
        ("   \n\n", 1, "the file is empty"),
        # The mistakes writers make, each on its line, with the line to write.
        (
            "---\ndate: 2025-11-06\ntitle: Hội nghị: tổng kết năm\n---\n",
            3,
            "has a colon (:) in it, which would make it a new key: put the whole "
            'value in quotes: title: "Hội nghị: tổng kết năm"',
        ),
        (
            '---\ntitle: "Bài hát "Chiều Mường Hum" vang lên"\n---\n',
            2,
            "has quotes inside quotes: use “ ” inside, like this: "
            'title: "Bài hát “Chiều Mường Hum” vang lên"',
        ),
        (
            "---\ntitle: 'Readers' conference'\n---\n",
            2,
            "an apostrophe inside single quotes: use double quotes around it: "
            'title: "Readers\' conference"',
        ),
        (
            "---\ncategory: am-nhac\ntitle: #1 Sách hay của năm\n---\n",
            3,
            "starts with '#', which marks a comment: the value would be empty. "
            'Put it in quotes: title: "#1 Sách hay của năm"',
        ),
        (
            "---\ntitle: A\ntags: [văn hoá đọc, thư viện số\ndate: 2025-11-06\n---\n",
            3,
            "the bracket [ opened in 'tags' is not closed: add ] at the end, like "
            "this: tags: [văn hoá đọc, thư viện số]",
        ),
    ],
)
def test_unreadable_front_matter_is_a_content_error_with_its_line(text, line, words):
    with pytest.raises(ContentError) as raised:
        parse_front_matter(text)
    assert raised.value.line == line
    assert words in raised.value.message
    assert "mapping values" not in raised.value.message  # no parser's words
    assert "YAML" not in raised.value.message


def test_what_a_word_processor_changes_is_read_as_meant():
    text = "—\ntitle:\tHội nghị\nsource:\n\tname: Báo Lào Cai\n—\nBài.\n"
    front = parse_front_matter(text)
    assert front.values == {"title": "Hội nghị", "source": {"name": "Báo Lào Cai"}}
    assert front.body.strip() == "Bài."


def test_a_title_in_curly_quotes_is_kept_as_written():
    front = parse_front_matter("---\ntitle: “Chiều Mường Hum” vang lên\n---\n")
    assert front.values["title"] == "“Chiều Mường Hum” vang lên"
