"""The site's categories from data/categories.yml: keys and names per language."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from site_base.messages import say

from . import fields
from .model import CategoryInfo
from .problems import ContentError, ProblemList
from .yaml_files import read_yaml


@dataclass(frozen=True)
class Categories:
    """All categories in menu order, found by key or by default-language name."""

    items: tuple[CategoryInfo, ...]
    default_lang: str
    readable: bool = True

    def find(self, value: str) -> CategoryInfo | None:
        """Return the category `value` names (its key or its name), if any."""
        wanted = _folded(value)
        for item in self.items:
            if wanted in (_folded(item.key), _folded(item.names[self.default_lang])):
                return item
        return None

    def choices(self) -> str:
        """Return the keys a writer may use, for messages."""
        return ", ".join(item.key for item in self.items)


def _folded(text: str) -> str:
    """Compare names whatever their Unicode form (macOS writes NFD) or case."""
    return unicodedata.normalize("NFC", text).casefold().strip()


def load_categories(
    path: Path, languages: tuple[str, ...], problems: ProblemList
) -> Categories:
    """Read and check the categories file; record every problem in it."""
    empty = Categories((), languages[0], readable=False)
    example = f"- key: hoat-dong\n  {languages[0]}: Hoạt động thư viện"
    try:
        data = _read(path)
    except ContentError as error:
        problems.add(path, error)
        return empty
    if isinstance(data, CommentedMap) and list(data) == ["categories"]:
        # The form the editor writes: the list under one key.
        data = data["categories"]
    if not isinstance(data, CommentedSeq) or not data:
        problems.error(
            path,
            say("must be a list of categories, each like:\n{example}", example=example),
            1,
        )
        return empty
    items: list[CategoryInfo] = []
    for position, entry in enumerate(data):
        line = data.lc.item(position)[0] + 1
        item = _category(entry, languages, line, path, problems)
        if item is None:
            continue
        if any(other.key == item.key for other in items):
            problems.error(
                path,
                say("the key '{key}' is used twice: keys must differ", key=item.key),
                line,
            )
            continue
        items.append(item)
    return Categories(tuple(items), languages[0])


def _read(path: Path) -> object:
    if not path.is_file():
        raise ContentError(
            say("the categories file is missing: the site needs its list of categories")
        )
    return read_yaml(path)


def _category(
    entry: object,
    languages: tuple[str, ...],
    line: int,
    path: Path,
    problems: ProblemList,
) -> CategoryInfo | None:
    """Return one checked category, or None after recording its problems."""
    if not isinstance(entry, CommentedMap):
        problems.error(
            path,
            say("each category must be a group of keys: key, and a name per language"),
            line,
        )
        return None
    wanted = ("key", *languages)
    missing = [k for k in wanted[:2] if k not in entry]
    unknown = [str(k) for k in entry if k not in wanted]
    if missing or unknown:
        what = (
            f"needs {', '.join(missing)}"
            if missing
            else f"has unknown keys {', '.join(unknown)}"
        )
        problems.error(
            path,
            say(
                "this category {what}: write key and {join}",
                what=what,
                join=", ".join(languages),
            ),
            line,
        )
        return None
    try:
        key = fields.slug(entry["key"])
        names = {lang: fields.text(entry[lang]) for lang in languages if lang in entry}
    except ContentError as error:
        problems.error(
            path, say("this category's value {message}", message=error.message), line
        )
        return None
    return CategoryInfo(key, names)
