"""The generator (theme, plugins, their defaults) names nothing of this library.

Another library's site is made from the same theme and plugins: whatever is
Lao Cai's (its name, address, agencies, tagline, categories) lives in this
site's data/ and settings only. The names looked for are read from those
files, so a fact added to them is looked for too. Of a category, its key is
looked for (what code or a template would single out): its names are words
any site uses ("Sự kiện", "Music").
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from ruamel.yaml import YAML

from tests.support import REPO, tracked_files

# Where the generator's files are: everything a site gets from the package.
GENERATOR = ("theme", "plugins")
# Written anywhere, these say "Lao Cai" whatever the site's files hold.
ALWAYS = ("Lào Cai", "Lao Cai", "laocai", "lao-cai", "lao_cai")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _texts(value) -> list[str]:
    """Return every string of a YAML value (mappings' values and lists' items)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def library_names() -> set[str]:
    """Return the site's own names: the library's facts and its categories."""
    yaml = YAML(typ="safe")
    facts = yaml.load((REPO / "data" / "library.yml").read_text("utf-8"))
    names = set(ALWAYS)
    for key in ("name", "address", "managing_agency", "responsible_person", "tagline"):
        names.update(_texts(facts.get(key)))
    names.update(str(facts[key]) for key in ("phone", "email"))
    names.discard(facts["address"]["country"])  # "VN" is every Vietnamese site's
    categories = yaml.load((REPO / "data" / "categories.yml").read_text("utf-8"))
    names.update(category["key"] for category in categories["categories"])
    return {name for name in names if name.strip()}


def _pattern(name: str) -> re.Pattern[str]:
    """Match `name` as whole words (a category "di-san" is not in "Địa điểm")."""
    return re.compile(rf"(?<![\w-]){re.escape(_fold(name))}(?![\w-])")


def test_the_site_names_are_read_from_its_files():
    names = library_names()
    assert "Thư viện tỉnh Lào Cai" in names
    assert "am-nhac" in names  # a category's key
    assert "+84 214 000 0000" in names


@pytest.mark.parametrize("name", sorted(library_names()))
def test_the_generator_does_not_name_the_library(name):
    pattern = _pattern(name)
    found = []
    for relative in tracked_files(*GENERATOR):
        data = (REPO / relative).read_bytes()
        try:
            text = _fold(data.decode("utf-8"))
        except UnicodeDecodeError:
            continue  # a picture, a compiled catalogue: its text is in a .po
        found += [
            f"{relative}:{text.count(chr(10), 0, match.start()) + 1}"
            for match in pattern.finditer(text)
        ]
    assert not found, f"{name!r} is this library's, yet the generator has it: {found}"


# What a reader of a district cultural house or a museum would find wrong.
NOT_EVERY_SITES = re.compile(r"\b(librar(y|y's|ies)|province|provincial)\b", re.I)


def test_no_string_readers_see_calls_the_site_a_library_or_the_province():
    found = []
    for relative in tracked_files("theme/templates", "plugins/site_feeds"):
        text = (REPO / relative).read_text("utf-8")
        strings = re.findall(r'(?:\b_|gettext)\(\s*"((?:[^"\\]|\\.)*)"', text)
        found += [f"{relative}: {s}" for s in strings if NOT_EVERY_SITES.search(s)]
    assert found == []
