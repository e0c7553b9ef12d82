"""Page keys: every value a page shows counts; what cannot be digested never matches."""

from __future__ import annotations

from dataclasses import dataclass

from site_build.page_cache import Digester


@dataclass(frozen=True)
class Feedlike:
    """A value with a slug and a name, like a tag, but carrying more."""

    slug: str
    name: str
    items: tuple[str, ...]


def test_every_field_of_a_value_counts_even_beside_a_slug_and_a_name():
    digester = Digester()
    one = digester.value(Feedlike("am-nhac", "Âm nhạc", ("bài một",)))
    other = digester.value(Feedlike("am-nhac", "Âm nhạc", ("bài một, đã sửa",)))
    assert one != other


def test_the_same_values_give_the_same_key():
    assert Digester().value({"a": [1, "x"], "b": None}) == Digester().value(
        {"b": None, "a": [1, "x"]}
    )


def test_a_value_it_cannot_read_never_gives_the_same_key():
    thing = object()
    assert Digester().value({"x": thing}) != Digester().value({"x": thing})
