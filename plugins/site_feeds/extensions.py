"""Small feedgen extensions for what feedgen lacks.

- WebSub: feedgen writes only `rel="self"` as an `atom:link` in RSS; the hub
  needs `<atom:link rel="hub">` there (Atom takes it as an ordinary link).
- Media RSS: feedgen's `media` extension has no `media:description` (the
  cover's caption); this one writes content, description and thumbnail.
- Podcast: feedgen knows `itunes:explicit` as yes/no/clean only; Apple's
  current values are true/false.
"""

from __future__ import annotations

import feedgen.feed  # noqa: F401 (first: feedgen.util uses lxml.etree unimported)
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.ext.podcast import PodcastExtension
from feedgen.ext.podcast_entry import PodcastEntryExtension
from feedgen.util import xml_elem

from .model import Cover

__all__ = [
    "ApplePodcastExtension",
    "MediaRssEntryExtension",
    "MediaRssExtension",
    "PodcastEntryExtension",
    "WebSubEntryExtension",
    "WebSubExtension",
]

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"


class WebSubExtension(BaseExtension):
    """Announce the WebSub hub in an RSS channel."""

    def __init__(self) -> None:
        self.hub = ""

    def extend_ns(self) -> dict[str, str]:
        """Declare the Atom namespace for RSS's atom:link."""
        return {"atom": ATOM_NS}

    def extend_rss(self, feed):
        """Add <atom:link rel="hub"> to the channel."""
        if self.hub:
            xml_elem(f"{{{ATOM_NS}}}link", feed[0], href=self.hub, rel="hub")
        return feed


class WebSubEntryExtension(BaseEntryExtension):
    """Entries carry nothing of WebSub."""


class MediaRssExtension(BaseExtension):
    """The Media RSS namespace on the root element."""

    def extend_ns(self) -> dict[str, str]:
        """Declare the media namespace."""
        return {"media": MEDIA_NS}


class MediaRssEntryExtension(BaseEntryExtension):
    """An item's cover as media:content, with its caption, and media:thumbnail."""

    def __init__(self) -> None:
        self.cover: Cover | None = None

    def extend_rss(self, item):
        """Add the cover's media:content (with its caption) and media:thumbnail."""
        cover = self.cover
        if cover is None:
            return item
        content = xml_elem(
            f"{{{MEDIA_NS}}}content",
            item,
            url=cover.image.url,
            type=cover.image.mime,
            medium="image",
            width=str(cover.image.width),
            height=str(cover.image.height),
        )
        if cover.caption:
            description = xml_elem(f"{{{MEDIA_NS}}}description", content, type="plain")
            description.text = cover.caption
        xml_elem(
            f"{{{MEDIA_NS}}}thumbnail",
            item,
            url=cover.thumbnail.url,
            width=str(cover.thumbnail.width),
            height=str(cover.thumbnail.height),
        )
        return item

    def extend_atom(self, entry):
        """Add the same elements to an Atom entry."""
        return self.extend_rss(entry)


class ApplePodcastExtension(PodcastExtension):
    """feedgen's podcast channel, with itunes:explicit written as true or false."""

    def __init__(self) -> None:
        super().__init__()
        self.explicit: bool | None = None

    def extend_rss(self, rss_feed):
        """Write feedgen's iTunes tags, then itunes:explicit as true or false."""
        rss_feed = super().extend_rss(rss_feed)
        if self.explicit is not None:
            explicit = xml_elem(f"{{{ITUNES_NS}}}explicit", rss_feed[0])
            explicit.text = "true" if self.explicit else "false"
        return rss_feed
