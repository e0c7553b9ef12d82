"""data/categories.yml and data/tags.yml: as the editor writes them, or by hand."""

from __future__ import annotations

from content_model.categories import load_categories
from content_model.problems import ProblemList
from content_model.tag_names import load_tag_names

LANGUAGES = ("vi", "en")


def categories(tmp_path, text):
    path = tmp_path / "categories.yml"
    path.write_text(text, encoding="utf-8")
    problems = ProblemList()
    return load_categories(path, LANGUAGES, problems), problems


def test_categories_under_one_key_as_the_editor_writes_them(tmp_path):
    found, problems = categories(
        tmp_path,
        "categories:\n  - key: am-nhac\n    vi: Âm nhạc\n    en: Music\n",
    )
    assert problems.errors == []
    assert [(c.key, c.name("en")) for c in found.items] == [("am-nhac", "Music")]


def test_categories_as_a_plain_list_still_read(tmp_path):
    found, problems = categories(tmp_path, "- key: am-nhac\n  vi: Âm nhạc\n")
    assert problems.errors == [] and found.items[0].key == "am-nhac"


def test_a_wrong_category_in_the_editors_form_is_named_on_its_line(tmp_path):
    _found, problems = categories(
        tmp_path, "categories:\n  - key: am-nhac\n    vi: Âm nhạc\n  - key: Âm Nhạc\n"
    )
    assert [problem.line for problem in problems.errors] == [4]


def tags(tmp_path, text):
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    problems = ProblemList()
    return load_tag_names(path, LANGUAGES, problems), problems


def test_tag_names_as_the_editor_writes_them(tmp_path):
    names, problems = tags(
        tmp_path, "tags:\n  - {tag: văn hoá đọc, en: reading culture}\n"
    )
    assert problems.errors == []
    assert names.name("văn hoá đọc", "en") == "reading culture"


def test_tag_names_written_by_hand_still_read(tmp_path):
    names, problems = tags(tmp_path, "văn hoá đọc: {en: reading culture}\n")
    assert (
        problems.errors == [] and names.name("văn hoá đọc", "en") == "reading culture"
    )


def test_a_tag_in_an_unknown_language_is_named_on_its_line(tmp_path):
    _names, problems = tags(
        tmp_path, "tags:\n  - {tag: a, en: A}\n  - {tag: b, sv: B}\n"
    )
    assert [problem.line for problem in problems.errors] == [3]
    assert (
        "the tag 'b' has names in unknown languages: sv" in problems.errors[0].message
    )
