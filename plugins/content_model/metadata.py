"""Turn a checked document into the metadata Pelican's content objects carry."""

from __future__ import annotations

import re
from typing import Any

from markdown import markdown
from pelican.urlwrappers import Author, Category, Tag, URLWrapper

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
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p>")


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
        "videos": list(document.rendered.videos),
        "video_posters": list(document.rendered.video_posters),
        "gallery": list(document.gallery),
        "cover": document.cover,
    }
    metadata.update({key: values[key] for key in _PLAIN_KEYS if key in values})
    metadata.update(_summary(document, settings.get("MARKDOWN", {})))
    lang = document.lang
    if document.category is not None:
        info = document.category
        metadata["category"] = _wrapper(Category, info.name(lang), info.key, settings)
    if values.get("tags"):
        # The slug comes from the tag as written; the name is the translated one.
        labels = document.tag_labels or values["tags"]
        metadata["tags"] = [
            _wrapper(Tag, label, Tag(tag, settings).slug, settings)
            for tag, label in zip(values["tags"], labels, strict=True)
        ]
    if values.get("authors"):
        metadata["authors"] = [Author(name, settings) for name in values["authors"]]
    return metadata


def _wrapper(kind: type[URLWrapper], name: str, slug: str, settings) -> URLWrapper:
    """Return a category or tag named `name` whose address uses `slug`."""
    wrapper = kind(name, settings)
    wrapper.slug = slug
    return wrapper


def _summary(document: Document, markdown_settings: dict[str, Any]) -> dict[str, Any]:
    """Return the summary as HTML and whether the writer gave it as a lead.

    A lead is written with the body's extensions (typographic quotes...).
    """
    given = document.values.get("summary")
    if given:
        configs = markdown_settings.get("extension_configs", {})
        html = markdown(
            given,
            extensions=list(configs),
            extension_configs=configs,
            output_format="html5",
        ).strip()
        # A lead is one paragraph, even when the writer left a blank line in it.
        inline = (
            _PARAGRAPH_BREAK.sub(" ", html).removeprefix("<p>").removesuffix("</p>")
        )
        return {"summary": inline, "lead": True}
    first = _FIRST_PARAGRAPH.search(document.rendered.html)
    return {"summary": first.group(1) if first else "", "lead": False}
