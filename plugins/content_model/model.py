"""The content model's shared types: bundles, front matter, categories, documents.

A leaf module: it imports nothing of its package, so every other module of
content_model (and people_works) can use these types without import cycles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photo_groups import Photo


@dataclass
class Bundle:
    """One post, page, person or work: a folder with a file per language."""

    kind: str
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)
    year: str | None = None
    # Every file of the folder and its sub-folders (photos...), sorted.
    contents: list[Path] = field(default_factory=list)

    @property
    def folder_slug(self) -> str:
        """Return the folder's name, the slug unless the front matter sets one."""
        return self.folder.name


@dataclass
class FrontMatter:
    """Parsed front matter: plain values, the file line of each key, and the body."""

    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, key: str) -> int | None:
        """Return the file line where `key` is written, if it is."""
        return self.lines.get(key)


@dataclass(frozen=True)
class CategoryInfo:
    """A category: its key (the URL slug) and its name in each language."""

    key: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        """Return the name in `lang`, else in the default language (listed first)."""
        return self.names.get(lang) or next(iter(self.names.values()))


@dataclass
class RenderedBody:
    """The body as HTML, the photos it shows in order, its videos and their posters."""

    html: str = ""
    # A post's opening photo group, taken out of `html`: the page shows it
    # under the title (feeds put it back first).
    opening_html: str = ""
    photos: list[Photo] = field(default_factory=list)
    videos: list[Any] = field(default_factory=list)  # video_embeds.Video
    video_posters: list[Photo] = field(default_factory=list)
    # The writer's `summary:` as one paragraph of HTML ('' without one).
    summary_html: str = ""


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
    # Tags as shown in this document's language (data/tags.yml), in order.
    tag_labels: list[str] = field(default_factory=list)

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

    def sets(self, key: str) -> bool:
        """Return whether this file itself (not the original it inherits) sets `key`."""
        return key in self.front.values

    def line_of(self, key: str) -> int | None:
        """Return the line of `key` in this file, if this file sets it."""
        return self.front.line_of(key)


@dataclass(frozen=True)
class OpeningHours:
    """Days of the week (mon ... sun) the library opens, and from when to when."""

    days: tuple[str, ...]
    opens: str
    closes: str


@dataclass(frozen=True)
class Library:
    """The library's facts (data/library.yml): feeds, structured data, the footer."""

    names: dict[str, str]
    address: dict[str, str]
    phone: str
    email: str
    opening_hours: tuple[OpeningHours, ...]
    latitude: float
    longitude: float
    logo: Photo
    podcast_artwork: Photo
    managing_agency: dict[str, str]
    responsible_person: dict[str, str]
    licence: dict[str, str] = field(default_factory=dict)
    # What the site is about, under its name and in search results.
    tagline: dict[str, str] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        """Return the name in `lang`, else in the default language (listed first)."""
        return in_language(self.names, lang)

    def fact(self, key: str, lang: str) -> str:
        """Return a fact given per language (managing_agency...), "" if none."""
        return in_language(getattr(self, key), lang)


def in_language(values: dict[str, str], lang: str) -> str:
    """Return the value in `lang`, else in the default language (listed first)."""
    return values.get(lang) or next(iter(values.values()), "")
