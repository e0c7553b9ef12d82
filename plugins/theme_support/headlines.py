"""Headlines that wrap between Vietnamese words, not inside them.

Vietnamese writes a word of two syllables as two space-separated syllables
("thư viện", "Hội nghị"): a browser may break the line between them, and a
headline reads "Hội / nghị bạn đọc". The `headline` filter keeps such words
on one line where the line is wide enough (a `<span class="nowrap">`, an
inline block: the text, search and copy keep plain spaces): the common
words of a culture news site listed in vietnamese_words.txt, and names,
read as runs of capitalised syllables ("Hà Nội", "Vũ Đình Trọng"). The
stylesheet's `text-wrap: pretty` then fills the lines instead of balancing
them (no wide empty margin).

No Vietnamese word segmenter on PyPI is both light and maintained (pyvi's
pickled models need scikit-learn; underthesea brings a deep-learning
stack), hence the word list.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from markupsafe import Markup, escape

WORDS_FILE = Path(__file__).with_name("vietnamese_words.txt")
# A name of more syllables is rare and long enough to break.
LONGEST_NAME = 4
# Longer groups (a writer's unusual words) may break: on one line they could
# be wider than a phone's column.
LONGEST_KEPT = 24
_CLOSING = ",.;:!?…)”\"'"


@cache
def two_syllable_words() -> frozenset[str]:
    """Return the listed words, NFC, lower case."""
    lines = WORDS_FILE.read_text("utf-8").splitlines()
    return frozenset(
        unicodedata.normalize("NFC", line.strip()).lower()
        for line in lines
        if line.strip() and not line.startswith("#")
    )


def _bare(syllable: str) -> str:
    return syllable.strip(_CLOSING + "(“").lower()


def _capitalised(syllable: str) -> bool:
    letters = syllable.lstrip("(“\"'")
    return bool(letters) and letters[0].isupper()


def _ends_phrase(syllable: str) -> bool:
    return syllable.endswith(tuple(_CLOSING))


def word_groups(text: str) -> list[list[str]]:
    """Return the syllables of `text` grouped into the words kept on one line."""
    syllables = unicodedata.normalize("NFC", text).split()
    words = two_syllable_words()
    groups: list[list[str]] = []
    i = 0
    while i < len(syllables):
        size = 1
        # A name: capitalised syllables in a row.
        while (
            i + size < len(syllables)
            and size < LONGEST_NAME
            and _capitalised(syllables[i + size])
            and _capitalised(syllables[i + size - 1])
            and not _ends_phrase(syllables[i + size - 1])
        ):
            size += 1
        if size == 1 and i + 1 < len(syllables) and not _ends_phrase(syllables[i]):
            pair = f"{_bare(syllables[i])} {_bare(syllables[i + 1])}"
            if pair in words:
                size = 2
        groups.append(syllables[i : i + size])
        i += size
    return groups


def headline(text: str, lang: str = "vi") -> Markup:
    """Return `text` escaped, its Vietnamese words each kept on one line."""
    if not lang.startswith("vi"):
        return escape(text)
    return _vietnamese_headline(str(text))


# A title is shown on its page and in many lists (related posts, topics,
# months, the home page): each is grouped once per build.
@lru_cache(maxsize=65536)
def _vietnamese_headline(text: str) -> Markup:
    """Return the headline of Vietnamese `text`."""
    parts = []
    for group in word_groups(text):
        joined = escape(" ".join(group))
        parts.append(
            Markup('<span class="nowrap">{}</span>').format(joined)
            if len(group) > 1 and len(joined) <= LONGEST_KEPT
            else joined
        )
    return Markup(" ").join(parts)
