"""What a feed is made of: its subject, its items, the publisher. A leaf module.

The RSS, Atom and JSON writers, the podcast and the catalogue share these
types without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The file of each format beside the feed's base name, and its media type.
SUFFIX = {"rss": ".rss.xml", "atom": ".atom.xml", "json": ".json"}
MIME = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


@dataclass(frozen=True)
class Image:
    """A published picture: its absolute address, size and media type."""

    url: str
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Cover:
    """A post's cover in a feed: the large picture, a thumbnail, its caption."""

    image: Image
    thumbnail: Image
    caption: str


@dataclass(frozen=True)
class Enclosure:
    """A podcast episode's audio file."""

    url: str
    length: int
    mime: str
    seconds: int | None


@dataclass(frozen=True)
class Item:
    """One post (or song) in a feed; HTML with absolute addresses only."""

    url: str
    title: str
    published: datetime | None
    updated: datetime | None
    summary: str
    content: str
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    cover: Cover | None = None
    enclosure: Enclosure | None = None
    artwork: Image | None = None


@dataclass(frozen=True)
class Publisher:
    """The library as a feed names it, in one language."""

    name: str
    email: str
    home_url: str
    logo: Image
    icon: Image
    favicon: Image
    artwork: Image
    hub: str = ""
    tagline: str = ""  # what the site is about (data/library.yml), if it says

    def copyright(self, year: int) -> str:
        """Return the copyright line of a feed whose newest item is of `year`."""
        return f"© {year} {self.name}"


@dataclass(frozen=True)
class Feed:
    """One feed in one language: what it follows, its page, its items, newest first."""

    kind: str  # site, category, tag, person or songs
    slug: str
    lang: str
    name: str  # what it follows, as listed on the feeds page
    title: str
    description: str
    page_url: str
    base: str  # path under SITEURL without suffix: en/feeds/category/music
    formats: tuple[str, ...]
    items: tuple[Item, ...]
    publisher: Publisher
    updated: datetime
    siteurl: str = ""

    def path(self, fmt: str) -> str:
        """Return the file of `fmt` under output/: feeds/all.rss.xml."""
        return f"{self.base}{SUFFIX[fmt]}"

    def url(self, fmt: str) -> str:
        """Return the absolute address of the file of `fmt`."""
        return f"{self.siteurl}/{self.path(fmt)}"
