"""Headlines wrap between Vietnamese words, never inside one."""

from __future__ import annotations

import unicodedata

import pytest

from theme_support.headlines import headline, word_groups


def kept(text: str) -> list[str]:
    return [" ".join(group) for group in word_groups(text) if len(group) > 1]


def test_listed_words_of_two_syllables_stay_together():
    title = "Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025"
    assert kept(title) == ["Thư viện", "tổ chức", "Hội nghị", "bạn đọc"]


def test_names_are_runs_of_capitalised_syllables():
    assert kept("Hai nhạc sĩ Vũ Đình Trọng về Sa Pa, Lào Cai") == [
        "nhạc sĩ",
        "Vũ Đình Trọng",
        "Sa Pa,",
        "Lào Cai",
    ]


def test_a_comma_ends_a_word_and_a_name():
    assert kept("tác giả, tác phẩm") == ["tác giả,", "tác phẩm"]
    assert kept("Hà Nội, Huế") == ["Hà Nội,"]


def test_decomposed_text_is_read_as_composed():
    assert kept(unicodedata.normalize("NFD", "thư viện")) == ["thư viện"]


def test_the_markup_is_escaped_and_spans_only_what_is_kept():
    html = headline('Hội nghị <b>"bạn đọc"</b> & Lào Cai', "vi")
    assert html == (
        '<span class="nowrap">Hội nghị</span> &lt;b&gt;&#34;bạn đọc&#34;&lt;/b&gt; '
        '&amp; <span class="nowrap">Lào Cai</span>'
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_other_languages_are_only_escaped(lang):
    assert headline("Lao Cai <library>", lang) == "Lao Cai &lt;library&gt;"


def test_a_long_run_of_capitals_may_break_on_a_narrow_phone():
    title = "Aaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbb"
    assert "nowrap" not in headline(title, "vi")
