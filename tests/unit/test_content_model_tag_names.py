"""data/tags.yml: tag names per language, checked with file and line."""

from __future__ import annotations

from content_model.problems import ProblemList
from content_model.tag_names import load_tag_names

LANGUAGES = ("vi", "en")


def load(tmp_path, text):
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    problems = ProblemList()
    return load_tag_names(path, LANGUAGES, problems), problems


def test_names_per_language_with_the_tag_as_fallback(tmp_path):
    names, problems = load(tmp_path, "văn hoá đọc: {en: reading culture}\n")
    assert not problems.errors
    assert names.name("văn hoá đọc", "en") == "reading culture"
    assert names.name("văn hoá đọc", "vi") == "văn hoá đọc"
    assert names.name("khác", "en") == "khác"


def test_a_missing_file_is_fine(tmp_path):
    problems = ProblemList()
    assert load_tag_names(tmp_path / "none.yml", LANGUAGES, problems).names == {}
    assert not problems.problems


def test_unknown_language_is_an_error_with_its_line(tmp_path):
    _names, problems = load(tmp_path, "a: {en: A}\nb: {xx: B}\n")
    (error,) = problems.errors
    assert error.line == 2 and "unknown languages: xx" in error.message


def test_a_plain_string_is_an_error(tmp_path):
    _names, problems = load(tmp_path, "a: A\n")
    assert "needs its names as {en: ...}" in problems.errors[0].message
