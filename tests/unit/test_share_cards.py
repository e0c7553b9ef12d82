"""Share cards: the same title gives the same bytes; a long title fits, cut with …."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from page_metadata.cards import MAX_LINES, CardStyle, ShareCards, _fitted, draw_card
from page_metadata.settings import load_settings
from site_base.settings import SettingsError
from site_build.output import OutputFiles
from tests.support import REPO

FONTS = REPO / "node_modules/dejavu-fonts-ttf/ttf"
STYLE = CardStyle(
    "#8a1c1c",
    "#ffffff",
    "#f4f1ec",
    FONTS / "DejaVuSans-Bold.ttf",
    FONTS / "DejaVuSans.ttf",
)
CROPS = dict.fromkeys(["og", "16x9", "4x3", "1x1"], (1, 1))


def test_a_card_is_the_same_bytes_every_time():
    first = draw_card("Đêm nhạc Tây Bắc", "Thư viện tỉnh Lào Cai", STYLE)
    assert first == draw_card("Đêm nhạc Tây Bắc", "Thư viện tỉnh Lào Cai", STYLE)
    with Image.open(io.BytesIO(first)) as card:
        assert (card.format, card.size) == ("JPEG", (1200, 630))
        red, green, blue = card.getpixel((5, 5))  # the background, after JPEG
        assert abs(red - 0x8A) + abs(green - 0x1C) + abs(blue - 0x1C) < 6


def test_a_long_title_takes_four_lines_at_most_and_says_it_was_cut():
    title = "Thư viện tỉnh tổ chức " * 12
    font, lines = _fitted(title, STYLE, 1040)
    assert len(lines) == MAX_LINES
    assert lines[-1].endswith(" …")
    assert all(font.getlength(line) <= 1040 for line in lines)
    short_font, short = _fitted("Sách mới", STYLE, 1040)
    assert short == ["Sách mới"] and short_font.size > font.size


def test_a_card_is_drawn_once_and_linked_into_the_output(tmp_path):
    files = OutputFiles(tmp_path / "output")
    cards = ShareCards(STYLE, tmp_path / "cache", files)
    path = cards.card("Giới thiệu", "Thư viện tỉnh Lào Cai")
    assert path == cards.card("Giới thiệu", "Thư viện tỉnh Lào Cai")
    assert path != cards.card("Giới thiệu", "Lao Cai Provincial Library")
    assert (tmp_path / "output" / path).read_bytes() == (
        tmp_path / "cache" / path.rsplit("/", 1)[1]
    ).read_bytes()
    again = ShareCards(STYLE, tmp_path / "cache", OutputFiles(tmp_path / "other"))
    assert again.card("Giới thiệu", "Thư viện tỉnh Lào Cai") == path


@pytest.mark.parametrize(
    "card",
    [
        {"background": "red"},
        {**STYLE.__dict__, "background": "red"},
        {**STYLE.__dict__, "title_font": "/no/such/font.ttf"},
    ],
)
def test_a_card_style_that_cannot_be_drawn_is_refused(card):
    card = {k: str(v) for k, v in card.items()}
    with pytest.raises(SettingsError, match="card"):
        load_settings({"PAGE_METADATA": {"card": card}}, CROPS)


def test_cards_drawn_ahead_are_the_cards_the_pages_would_draw(tmp_path):
    titles = [f"Bài số {number}" for number in range(6)]
    cards = ShareCards(STYLE, tmp_path / "cache", OutputFiles(tmp_path / "output"))
    ahead = cards.draw_ahead([(title, "Thư viện") for title in titles])
    assert ahead is not None
    deadline = time.monotonic() + 30  # it draws from the last: let it draw them all
    while len(list((tmp_path / "cache").glob("*.jpg"))) < 6:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    ahead.stop()
    for title in titles:
        drawn = tmp_path / "cache" / f"{cards.key(title, 'Thư viện')}.jpg"
        assert drawn.read_bytes() == draw_card(title, "Thư viện", STYLE)
    # Every card is there: nothing to draw, no process.
    assert cards.draw_ahead([(title, "Thư viện") for title in titles]) is None
    assert list((tmp_path / "cache").glob(".*")) == []  # no half-written file


def test_drawing_ahead_stops_when_told_and_the_pages_draw_the_rest(tmp_path):
    titles = [f"Tin số {number}" for number in range(400)]
    cards = ShareCards(STYLE, tmp_path / "cache", OutputFiles(tmp_path / "output"))
    ahead = cards.draw_ahead([(title, "Thư viện") for title in titles])
    ahead.stop()  # at once: it ends after the card it is drawing
    drawn = len(list((tmp_path / "cache").glob("*.jpg")))
    assert drawn < len(titles)
    assert cards.card(titles[0], "Thư viện").startswith("media/share/")
