"""Read a bundle's files into checked documents: values, inherited keys, photos, HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photo_groups import Photo

from .bundles import Bundle
from .categories import Categories, CategoryInfo
from .config import ContentModelSettings
from .frontmatter import FrontMatter, read_front_matter
from .problems import ContentError, ProblemList
from .rendering import RenderedBody, cover_photo, gallery_photos, render_body
from .rules import check_rules
from .schemas import SCHEMAS, Schema
from .values import check_values


@dataclass
class Document:
    """One language file of a bundle, checked, with the keys it inherits."""

    bundle: Bundle
    path: Path
    lang: str
    is_original: bool
    values: dict[str, Any]
    front: FrontMatter
    category: CategoryInfo | None = None
    rendered: RenderedBody = field(default_factory=RenderedBody)
    gallery: list[Photo] = field(default_factory=list)
    cover: Photo | None = None

    @property
    def kind(self) -> str:
        """Return post, page, person or work."""
        return self.bundle.kind

    @property
    def slug(self) -> str:
        """Return the slug: the front matter's, else the folder's name."""
        return self.values.get("slug") or self.bundle.folder_slug

    @property
    def status(self) -> str:
        """Return 'draft' or 'published'."""
        return self.values.get("status", "published")

    def line_of(self, key: str) -> int | None:
        """Return the line of `key` in this file, if this file sets it."""
        return self.front.line_of(key)


def load_bundle(
    bundle: Bundle,
    cfg: ContentModelSettings,
    categories: Categories,
    problems: ProblemList,
) -> list[Document]:
    """Return the bundle's documents, the original (default language) first."""
    schema = SCHEMAS[bundle.kind]
    langs = sorted(bundle.files, key=cfg.languages.index)
    original: Document | None = None
    documents = []
    for lang in langs:
        path = bundle.files[lang]
        try:
            front = read_front_matter(path)
        except ContentError as error:
            problems.add(path, error)
            continue
        is_original = lang == cfg.default_lang or original is None and lang == langs[0]
        document = _document(bundle, path, lang, front, schema, original, cfg, problems)
        if is_original and original is None:
            document.is_original = True
            original = document
        _complete(document, cfg, categories, problems)
        documents.append(document)
    return documents


def _document(
    bundle: Bundle,
    path: Path,
    lang: str,
    front: FrontMatter,
    schema: Schema,
    original: Document | None,
    cfg: ContentModelSettings,
    problems: ProblemList,
) -> Document:
    """Check one file's values and merge in what it inherits from the original."""
    if original is None:
        required = tuple(k for k, s in schema.fields.items() if getattr(s, "required", False))
    else:
        required = tuple(k for k in schema.translation_requires if k == "title" and k in schema.fields)
    own = check_values(front, schema, required, cfg.timezone, path, problems)
    if original is not None:
        for key in schema.translation_requires:
            if key != "title" and key in original.front.values and key not in front.values:
                problems.error(
                    path,
                    f"the original ({original.path.name}) has a '{key}', so this "
                    f"translation needs its own '{key}' in its language",
                    1,
                )
    if "lang" in own and own["lang"] != lang:
        problems.error(
            path,
            f"'lang: {own['lang']}' does not match the file name {path.name}: "
            "remove the lang line (the file name gives the language)",
            front.line_of("lang"),
        )
    inherited = dict(original.values) if original else {}
    values = {**inherited, **own, "lang": lang}
    return Document(bundle, path, lang, False, values, front)


def _complete(
    document: Document,
    cfg: ContentModelSettings,
    categories: Categories,
    problems: ProblemList,
) -> None:
    """Resolve the category, render the body, and find the gallery and cover."""
    check_rules(document, categories, problems)
    document.rendered = render_body(document, cfg, problems)
    if document.values.get("gallery") and _sets(document, "gallery"):
        document.gallery = gallery_photos(document, problems)
    elif document.values.get("gallery"):
        document.gallery = gallery_photos(document, ProblemList())
    document.cover = cover_photo(document, problems)


def _sets(document: Document, key: str) -> bool:
    """Return whether the file itself (not its original) sets `key`."""
    return key in document.front.values
