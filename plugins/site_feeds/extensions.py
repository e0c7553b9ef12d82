"""Small feedgen extensions for what feedgen lacks.

- WebSub: feedgen writes only `rel="self"` as an `atom:link` in RSS; the hub
  needs `<atom:link rel="hub">` there (Atom takes it as an ordinary link).
- Media RSS: feedgen's `media` extension has no `media:description` (the
  cover's caption); this one writes content, description and thumbnail.
- Podcast: feedgen knows `itunes:explicit` as yes/no/clean only; Apple's
  current values are true/false, for the channel and each episode. And the
  Podcast Index namespace's `podcast:guid` (the podcast's lasting identity,
  wherever its feed moves) and `podcast:locked` (whether another host may
  take the feed over), which podcast directories read.
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
    "ApplePodcastEntryExtension",
    "MediaRssEntryExtension",
    "MediaRssExtension",
    "WebSubEntryExtension",
    "WebSubExtension",
]

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"


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
    """feedgen's podcast channel: itunes:explicit true/false, podcast:guid, :locked."""

    def __init__(self) -> None:
        super().__init__()
        self.explicit: bool | None = None
        self.guid: str | None = None
        # (locked, the owner's e-mail): podcast:locked's text and attribute.
        self.locked: tuple[bool, str] | None = None

    def extend_ns(self) -> dict[str, str]:
        """Declare the Podcast Index namespace beside Apple's."""
        return {**super().extend_ns(), "podcast": PODCAST_NS}

    def extend_rss(self, rss_feed):
        """Write feedgen's iTunes tags, itunes:explicit as true or false, then ours."""
        rss_feed = super().extend_rss(rss_feed)
        channel = rss_feed[0]
        if self.explicit is not None:
            _explicit(channel, self.explicit)
        if self.guid is not None:
            xml_elem(f"{{{PODCAST_NS}}}guid", channel).text = self.guid
        if self.locked is not None:
            locked, owner = self.locked
            element = xml_elem(f"{{{PODCAST_NS}}}locked", channel)
            element.text = "yes" if locked else "no"
            element.set("owner", owner)
        return rss_feed


class ApplePodcastEntryExtension(PodcastEntryExtension):
    """feedgen's podcast episode, with itunes:explicit written as true or false."""

    def __init__(self) -> None:
        super().__init__()
        self.explicit: bool | None = None

    def extend_rss(self, entry):
        """Write feedgen's iTunes tags of the episode, then itunes:explicit."""
        entry = super().extend_rss(entry)
        if self.explicit is not None:
            _explicit(entry, self.explicit)
        return entry


def _explicit(parent, explicit: bool) -> None:
    xml_elem(f"{{{ITUNES_NS}}}explicit", parent).text = "true" if explicit else "false"
