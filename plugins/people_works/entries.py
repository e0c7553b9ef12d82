"""People and works of the checked content, as template-ready entries per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content_model.metadata import pelican_metadata
from content_model.model import Document
from site_i18n.paths import language_prefix

SECTIONS = {"person": "people", "work": "works"}


@dataclass(eq=False)
class Entry:
    """One person or work in one language, with its links to the rest of the site."""

    entry_type: str  # "person" or "work"; a work's own `kind` (song...) is metadata
    slug: str
    lang: str
    metadata: dict[str, Any]
    content: str
    url: str
    folder: Path
    translations: list[Entry] = field(default_factory=list)
    posts: list[Any] = field(default_factory=list)
    works_created: list[Entry] = field(default_factory=list)
    works_performed: list[Entry] = field(default_factory=list)
    # A person's: works named by the posts about them, neither created nor
    # performed by them as far as the works say (a post's link, no claim).
    works_in_posts: list[Entry] = field(default_factory=list)
    creators: list[Entry] = field(default_factory=list)
    performers: list[Entry] = field(default_factory=list)
    audio_url: str = ""

    def __getattr__(self, name: str) -> Any:
        """Give templates the front matter: entry.roles, entry.isbn, entry.cover ..."""
        try:
            return self.__dict__["metadata"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def save_as(self) -> str:
        """Return the file the page is written to."""
        return f"{self.url}index.html"


def entry_url(kind: str, slug: str, lang: str, default_lang: str) -> str:
    """Return people/<slug>/ or works/<slug>/, under /<lang>/ for other languages."""
    return f"{language_prefix(lang, default_lang)}{SECTIONS[kind]}/{slug}/"


def make_entries(
    documents: list[Document], settings: dict[str, Any], show_drafts: bool
) -> list[Entry]:
    """Return an entry per person and work document, translations linked."""
    default = settings["DEFAULT_LANG"]
    entries = []
    by_bundle: dict[Any, list[Entry]] = {}
    for document in documents:
        if document.kind not in SECTIONS or (
            document.status == "draft" and not show_drafts
        ):
            continue
        entry = Entry(
            entry_type=document.kind,
            slug=document.slug,
            lang=document.lang,
            metadata=pelican_metadata(document, settings),
            content=document.rendered.html,
            url=entry_url(document.kind, document.slug, document.lang, default),
            folder=document.bundle.folder,
        )
        entries.append(entry)
        by_bundle.setdefault(document.bundle.folder, []).append(entry)
    for versions in by_bundle.values():
        for entry in versions:
            entry.translations = [other for other in versions if other is not entry]
    return entries
