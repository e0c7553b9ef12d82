"""Turn a checked document into the metadata Pelican's content objects carry."""

from __future__ import annotations

import functools
import re
from typing import Any

from pelican.urlwrappers import Author, Category, Tag, URLWrapper
from pelican.utils import slugify

from .model import Document

# Keys passed on as they are: feeds, structured data and later issues read them.
_PLAIN_KEYS = (
    "date",
    "date_only",
    "featured",
    "modified",
    "correction",
    "source",
    "canonical",
    "aliases",
    "people",
    "works",
    "event",
    "photo_credit",
    "cover_alt",
    "roles",
    "born",
    "hometown",
    "links",
    "kind",
    "creators",
    "performers",
    "year",
    "audio",
    "duration",
    "publisher",
    "isbn",
    "name",
)
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def pelican_metadata(document: Document, settings: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata of `document` for Pelican (titles stay plain text).

    Categories, tags and bylines are named in the document's language; their
    addresses are the default language's (site_i18n moves those of other
    languages under /<lang>/ when Pelican reads them).
    """
    values = document.values
    metadata: dict[str, Any] = {
        "title": values.get("title") or values.get("name"),
        "slug": document.slug,
        "lang": document.lang,
        # Translations are linked by folder, so a translation may have its own slug.
        "bundle": document.bundle.folder.name
        if document.kind != "post"
        else f"{document.bundle.year}/{document.bundle.folder.name}",
        "status": document.status,
        "photos": list(document.rendered.photos),
        "opening_photos": document.rendered.opening_html,
        "videos": list(document.rendered.videos),
        "video_posters": list(document.rendered.video_posters),
        "gallery": list(document.gallery),
        "cover": document.cover,
    }
    metadata.update({key: values[key] for key in _PLAIN_KEYS if key in values})
    metadata.update(_summary(document))
    lang = document.lang
    if document.category is not None:
        info = document.category
        metadata["category"] = _wrapper(Category, info.name(lang), info.key, settings)
    if values.get("tags"):
        # The slug comes from the tag as written; the name is the translated one.
        labels = document.tag_labels or values["tags"]
        metadata["tags"] = [
            _wrapper(Tag, label, tag_slug(tag, settings), settings)
            for tag, label in zip(values["tags"], labels, strict=True)
        ]
    if values.get("authors"):
        metadata["authors"] = [Author(name, settings) for name in values["authors"]]
    return metadata


def tag_slug(tag: str, settings: dict[str, Any]) -> str:
    """Return the slug Pelican gives the tag `tag` (made once per tag and settings)."""
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS")
    if subs is None:
        subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    return _slug(
        tag.strip(),
        tuple(map(tuple, subs)),
        bool(settings.get("SLUGIFY_PRESERVE_CASE", False)),
        bool(settings.get("SLUGIFY_USE_UNICODE", False)),
    )


@functools.lru_cache(maxsize=8192)
def _slug(name: str, subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return slugify(
        name, regex_subs=subs, preserve_case=preserve_case, use_unicode=use_unicode
    )


def _wrapper(kind: type[URLWrapper], name: str, slug: str, settings) -> URLWrapper:
    """Return a category or tag named `name` whose address uses `slug`."""
    wrapper = kind(name, settings)
    wrapper.slug = slug
    return wrapper


def _summary(document: Document) -> dict[str, Any]:
    """Return the summary as HTML and whether the writer gave it as a lead."""
    if document.rendered.summary_html:
        return {"summary": document.rendered.summary_html, "lead": True}
    first = _FIRST_PARAGRAPH.search(document.rendered.html)
    return {"summary": first.group(1) if first else "", "lead": False}
