"""Read a bundle's files into checked documents: values, inheritance, photos, HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_base.messages import say

from . import fields
from .categories import Categories
from .config import ContentModelSettings
from .frontmatter import read_front_matter
from .model import Bundle, Document
from .problems import ContentError, ProblemList
from .rendering import cover_photo, gallery_html, gallery_photos, render_body
from .rules import check_rules
from .schemas import SCHEMAS, Schema
from .values import check_values
from .yaml_files import read_text

# Keys that belong to one language's page: a Vietnamese correction note, the
# old addresses and the canonical link of the Vietnamese page, its own slug.
NOT_INHERITED = frozenset({"correction", "aliases", "canonical", "slug"})


def load_bundle(
    bundle: Bundle,
    cfg: ContentModelSettings,
    categories: Categories,
    problems: ProblemList,
) -> list[Document]:
    """Return the bundle's documents, the original (default language) first.

    Without a default-language file, the first language present is the original.
    """
    schema = SCHEMAS[bundle.kind]
    original: Document | None = None
    documents = []
    for lang in sorted(bundle.files, key=cfg.facts.languages.index):
        path = bundle.files[lang]
        if original is not None and is_blank(path):
            # The editor writes every language's file, left blank when the
            # writer did not translate: not published, but not silently.
            problems.warning(
                path,
                say(
                    "{name} is empty, so this post has no '{lang}' version yet: "
                    "write its title and text to publish it, or delete the file",
                    name=path.name,
                    lang=lang,
                ),
            )
            continue
        try:
            front = read_front_matter(path)
        except ContentError as error:
            problems.add(path, error)
            if original is None:
                # The translations take their keys from it: they are checked
                # once it can be read (else each would be told it lacks them).
                break
            continue
        document = Document(bundle, path, lang, original is None, {}, front)
        document.values = _values(document, schema, original, cfg, problems)
        _complete(document, original, cfg, categories, problems)
        original = original or document
        documents.append(document)
    return documents


def is_blank(path: Path) -> bool:
    """Return whether a file holds nothing but white space.

    A file that cannot be read as text is not blank: reading it for its
    front matter says why.
    """
    try:
        return not read_text(path).strip()
    except ContentError:
        return False


def _values(
    document: Document,
    schema: Schema,
    original: Document | None,
    cfg: ContentModelSettings,
    problems: ProblemList,
) -> dict[str, Any]:
    """Check one file's values and merge in what it inherits from the original."""
    if original is None:
        required = tuple(
            key
            for key, spec in schema.fields.items()
            if getattr(spec, "required", False)
        )
    else:
        required = schema.translation_requires
        _check_repeated_keys(document, schema, original, problems)
    own = check_values(
        document.front,
        schema,
        required,
        tz=cfg.facts.timezone,
        path=document.path,
        problems=problems,
    )
    if "date" in own:
        # "2025-11-06" is a day: shown without a time, marked up as a date.
        own["date_only"] = not fields.has_time(document.front.values["date"])
    if "lang" in own and own["lang"] != document.lang:
        problems.error(
            document.path,
            say(
                "'lang: {lang}' does not match the file name {name}: remove "
                "the lang line (the file name gives the language)",
                lang=own["lang"],
                name=document.path.name,
            ),
            document.line_of("lang"),
        )
    inherited = {
        key: value
        for key, value in (original.values if original else {}).items()
        if key not in NOT_INHERITED
    }
    return {**inherited, **own, "lang": document.lang}


def _check_repeated_keys(
    document: Document, schema: Schema, original: Document, problems: ProblemList
) -> None:
    """Require a translation's own summary when the original has one."""
    for key in schema.translation_repeats:
        if original.sets(key) and not document.sets(key):
            problems.error(
                document.path,
                say(
                    "the original ({name}) has a '{key}', so this translation "
                    "needs its own '{key}' in its language",
                    name=original.path.name,
                    key=key,
                ),
                1,
            )


def _complete(
    document: Document,
    original: Document | None,
    cfg: ContentModelSettings,
    categories: Categories,
    problems: ProblemList,
) -> None:
    """Resolve the category, render the body, and find the gallery and cover."""
    check_rules(document, categories, problems)
    document.rendered = render_body(document, cfg, problems)
    if original is not None and not document.sets("gallery"):
        document.gallery = original.gallery
    elif document.values.get("gallery"):
        document.gallery = gallery_photos(document, problems)
    document.cover = cover_photo(document, problems)
    document.rendered.html += gallery_html(document, cfg)
