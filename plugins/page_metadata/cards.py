"""Share cards: a page without a photo is shared with a picture of its own.

1200x630 (Open Graph's large card), the page's title on the site's colours
with the library's name, drawn with Pillow when a page asks for it. A card
is named by the digest of everything drawn on it, so the same title gives
the same file on every machine; drawn cards are kept in the photo cache and
linked into the output, and a card is attached to the page that made it
(site_build.page_cache), so a page kept from the last build keeps its card.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import select
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PIL
from PIL import Image, ImageColor, ImageDraw, ImageFont

from media_pipeline.cache import write_atomically
from site_build.output import OutputFiles

# Bump when the drawing changes: every card is drawn again.
DRAWING = 3
SIZE = (1200, 630)
MARGIN = 80
# The title's largest and smallest sizes, and the lines it may take.
TITLE_SIZES = (72, 64, 56, 50, 44)
MAX_LINES = 4
NAME_SIZE = 34
BAR = 10


@dataclass(frozen=True)
class CardStyle:
    """The colours and fonts of the cards (PAGE_METADATA['card'])."""

    background: str
    text: str
    accent: str
    title_font: Path
    name_font: Path


@functools.cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """Return the font at `size`, loaded once a build (a site draws many cards)."""
    return ImageFont.truetype(str(path), size)


@functools.lru_cache(maxsize=4096)
def _word(font: ImageFont.FreeTypeFont, word: str) -> tuple[Any, Any, float]:
    """Return a word's mask, where it goes from the pen, and how far it moves it.

    Titles share most of their words (Vietnamese syllables above all): a
    word drawn once is pasted again, and FreeType draws far fewer glyphs.
    """
    mask, offset = font.getmask2(word, mode="L")
    return mask, offset, font.getlength(word)


def _line_width(line: str, font: ImageFont.FreeTypeFont) -> float:
    """Return the width of `line` as drawn: its words, one space between each."""
    words = line.split(" ")
    space = _word(font, " ")[2]
    return sum(_word(font, word)[2] for word in words) + space * (len(words) - 1)


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Return `text` wrapped at spaces to lines no wider than `width`."""
    space = _word(font, " ")[2]
    lines: list[list[str]] = []
    used = 0.0
    for word in text.split():
        advance = _word(font, word)[2]
        if lines and used + space + advance <= width:
            lines[-1].append(word)
            used += space + advance
        else:
            lines.append([word])
            used = advance
    return [" ".join(words) for words in lines]


def _fitted(text: str, style: CardStyle, width: int) -> tuple[Any, list[str]]:
    """Return the largest title font whose lines fit, and the lines (cut with …)."""
    for size in TITLE_SIZES:
        font = _font(style.title_font, size)
        lines = _lines(text, font, width)
        if len(lines) <= MAX_LINES and all(
            _line_width(line, font) <= width for line in lines
        ):
            return font, lines
    lines = lines[:MAX_LINES]
    while lines[-1] and font.getlength(f"{lines[-1]} …") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = f"{lines[-1].rstrip()} …"
    return font, lines


# Where the bar and the library's name go; the title is centred above them.
_BOTTOM = SIZE[1] - MARGIN - NAME_SIZE - 2 * BAR


@functools.cache
def _background(name: str, style: CardStyle) -> Image.Image:
    """Return the card without its title: the site's colour, the bar, the name."""
    image = Image.new("RGB", SIZE, style.background)
    pen = ImageDraw.Draw(image)
    pen.rectangle((MARGIN, _BOTTOM, MARGIN + 120, _BOTTOM + BAR), fill=style.accent)
    name_font = _font(style.name_font, NAME_SIZE)
    pen.text((MARGIN, _BOTTOM + 2 * BAR), name, font=name_font, fill=style.text)
    return image


@functools.cache
def _inks(style: CardStyle) -> list[int]:
    """Return the palette of the title: its colour over the background.

    Indexed by how much of a pixel the letters cover (0 to 255): the title
    is drawn as one grey mask and coloured with this palette at once.
    """
    background = ImageColor.getrgb(style.background)
    text = ImageColor.getrgb(style.text)
    return [
        round(under + (over - under) * cover / 255)
        for cover in range(256)
        for under, over in zip(background, text, strict=True)
    ]


def draw_card(title: str, name: str, style: CardStyle) -> bytes:
    """Return the JPEG of a card: `title` large, the library's `name` below a bar.

    Drawn for every page without a photo, so made cheap: the fonts, the
    card without its title and each word of a size are made once; the
    title is coloured in one step; the JPEG is not optimised (Pillow's
    `optimize` costs twice the encoding for 9% fewer bytes).
    """
    width = SIZE[0] - 2 * MARGIN
    font, lines = _fitted(" ".join(title.split()), style, width)
    line_height = round(font.size * 1.25)
    top = max(MARGIN, (_BOTTOM - line_height * len(lines)) // 2)
    space = _word(font, " ")[2]
    # Room around the lines for marks above capitals and letters below them.
    pad = font.size // 2
    letters = Image.new("L", (width + 2 * pad, line_height * len(lines) + 2 * pad))
    for number, line in enumerate(lines):
        pen = 0.0
        for word in line.split(" "):
            mask, (left, down), advance = _word(font, word)
            x, y = pad + round(pen) + left, pad + number * line_height + down
            box = (x, y, x + mask.size[0], y + mask.size[1])
            if mask.size[0] and mask.size[1]:
                letters.im.paste(mask, box)
            pen += advance + space
    image = _background(name, style).copy()
    inked = letters.convert("P")  # the same numbers, read as colours
    inked.putpalette(_inks(style))
    image.paste(inked.convert("RGB"), (MARGIN - pad, top - pad))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


class ShareCards:
    """Draw (or find) each page's card and put it in the output, once a build."""

    def __init__(
        self,
        style: CardStyle,
        cache: Path,
        files: OutputFiles,
        page_cache: Any = None,
    ) -> None:
        self.style = style
        self.cache = cache
        self.files = files
        self.page_cache = page_cache
        self.fonts = {
            font: hashlib.sha256(font.read_bytes()).hexdigest()
            for font in {style.title_font, style.name_font}
        }
        self.made: set[str] = set()

    def key(self, title: str, name: str) -> str:
        """Return the name of the card of `title`: the digest of all it shows."""
        return hashlib.sha256(
            json.dumps(
                [
                    DRAWING,
                    PIL.__version__,
                    title,
                    name,
                    [self.style.background, self.style.text, self.style.accent],
                    [
                        self.fonts[self.style.title_font],
                        self.fonts[self.style.name_font],
                    ],
                ]
            ).encode()
        ).hexdigest()[:20]

    def card(self, title: str, name: str) -> str:
        """Return the path under the site of the card of `title` (made if needed)."""
        key = self.key(title, name)
        path = f"media/share/{key}.jpg"
        if path not in self.made:
            drawn = self.cache / f"{key}.jpg"
            if not drawn.exists():
                # Builds running side by side (the tests') share the cache.
                write_atomically(drawn, draw_card(title, name, self.style))
            self.files.link(drawn, path)
            self.made.add(path)
        if self.page_cache is not None:
            self.page_cache.attach(path)
        return path

    def draw_ahead(self, wanted: list[tuple[str, str]]) -> CardsAhead | None:
        """Start drawing the cards of `wanted` (title, name) the cache lacks.

        In a process of its own, while the build goes on with one core: the
        pages find them drawn. It draws from the last, the pages ask from
        the first; `CardsAhead.stop` ends it before the pages are rendered.
        None if every card is there.
        """
        missing = [
            (title, name)
            for title, name in dict.fromkeys(wanted)
            if not (self.cache / f"{self.key(title, name)}.jpg").exists()
        ]
        if not missing:
            return None
        stop, told = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the drawing process: never returns
            os.close(told)
            with contextlib.suppress(BaseException):
                for title, name in reversed(missing):
                    if select.select([stop], [], [], 0)[0]:  # told to stop
                        break
                    drawn = self.cache / f"{self.key(title, name)}.jpg"
                    if not drawn.exists():
                        write_atomically(drawn, draw_card(title, name, self.style))
            os._exit(0)
        os.close(stop)
        return CardsAhead(pid, told)


@dataclass
class CardsAhead:
    """The process drawing cards ahead of the pages (ShareCards.draw_ahead)."""

    pid: int
    told: int  # closed: the process stops after the card it is drawing

    def stop(self) -> None:
        """Tell the process to stop, and wait for it (the cards it drew are kept)."""
        if self.told >= 0:
            os.close(self.told)
            self.told = -1
            os.waitpid(self.pid, 0)
