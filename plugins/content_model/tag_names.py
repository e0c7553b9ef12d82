"""Display names of tags in other languages, from data/tags.yml (optional).

Tags are written in posts as language-neutral words (usually Vietnamese); a
tag keeps its address in every language, and this file names it per language,
as a list (the form the editor writes):

    tags:
      - {tag: văn hoá đọc, en: reading culture}

or, written by hand, one line per tag: `văn hoá đọc: {en: reading culture}`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from site_base.messages import say

from . import fields
from .model import Document
from .problems import ContentError, ProblemList
from .yaml_files import read_yaml


@dataclass(frozen=True)
class TagNames:
    """Tag -> {language: display name}."""

    names: dict[str, dict[str, str]] = field(default_factory=dict)

    def name(self, tag: str, lang: str) -> str:
        """Return the tag's name in `lang`, else the tag as written."""
        return self.names.get(tag, {}).get(lang, tag)

    def label(self, documents: Iterable[Document]) -> None:
        """Give each document its tags' names in its language (`tag_labels`)."""
        for document in documents:
            document.tag_labels = [
                self.name(tag, document.lang) for tag in document.values.get("tags", [])
            ]


def load_tag_names(
    path: Path, languages: tuple[str, ...], problems: ProblemList
) -> TagNames:
    """Read and check the tags file if there is one; record its problems."""
    if not path.is_file():
        return TagNames()
    try:
        data = read_yaml(path) or {}
    except ContentError as error:
        problems.add(path, error)
        return TagNames()
    if isinstance(data, dict) and list(data) == ["tags"]:
        return _listed(data["tags"], path, languages, problems)
    if not isinstance(data, dict):
        problems.error(path, say("must be lines of 'tag: {{en: name in English}}'"), 1)
        return TagNames()
    names = {}
    for tag, translations in data.items():
        line = data.lc.key(tag)[0] + 1
        try:
            names[str(tag)] = _translations(translations, languages)
        except ContentError as error:
            problems.error(
                path,
                say("the tag '{tag}' {message}", tag=tag, message=error.message),
                line,
            )
    return TagNames(names)


def _translations(value: object, languages: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ContentError(say("needs its names as {{en: ...}}"))
    unknown = [str(lang) for lang in value if lang not in languages]
    if unknown:
        raise ContentError(
            say("has names in unknown languages: {join}", join=", ".join(unknown))
        )
    return {str(lang): fields.text(name) for lang, name in value.items()}


def _listed(
    items: object, path: Path, languages: tuple[str, ...], problems: ProblemList
) -> TagNames:
    """Read `tags: [{tag: ..., en: ...}]`, the form the editor writes."""
    if not isinstance(items, list):
        problems.error(path, say("'tags' must be a list of {{tag: ..., en: ...}}"), 1)
        return TagNames()
    names = {}
    for position, item in enumerate(items):
        line = items.lc.item(position)[0] + 1
        shown = item.get("tag", "?") if isinstance(item, dict) else "?"
        try:
            tag, translations = _listed_tag(item, languages)
        except ContentError as error:
            problems.error(
                path,
                say("the tag '{tag}' {message}", tag=shown, message=error.message),
                line,
            )
            continue
        names[tag] = translations
    return TagNames(names)


def _listed_tag(item: object, languages: tuple[str, ...]) -> tuple[str, dict]:
    """Return one `{tag: ..., en: ...}` entry as (tag, {lang: name})."""
    if not isinstance(item, dict) or not item.get("tag"):
        raise ContentError(say("needs its names as {{en: ...}}"))
    others = {k: v for k, v in item.items() if k != "tag"}
    return fields.text(item["tag"]), _translations(others, languages)
