"""RSS 2.0 and Atom 1.0 files of a feed, written with feedgen."""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from .extensions import (
    MediaRssEntryExtension,
    MediaRssExtension,
    WebSubEntryExtension,
    WebSubExtension,
)
from .model import MIME, Feed, Item


def feed_generator(feed: Feed, fmt: str) -> FeedGenerator:
    """Return a feedgen channel of `feed` (its items not yet added) for `fmt`."""
    publisher = feed.publisher
    generator = FeedGenerator()
    generator.load_extension("dc")
    generator.register_extension("media", MediaRssExtension, MediaRssEntryExtension)
    generator.id(feed.url("atom"))
    generator.title(feed.title)
    generator.subtitle(feed.description)
    # The self link first: feedgen's RSS <link> is the last link set.
    generator.link(href=feed.url(fmt), rel="self", type=MIME[fmt])
    if publisher.hub and fmt == "atom":
        generator.link(href=publisher.hub, rel="hub")
    elif publisher.hub:
        # feedgen writes only rel="self" as an atom:link in RSS.
        generator.register_extension(
            "websub", WebSubExtension, WebSubEntryExtension, atom=False
        )
        generator.websub.hub = publisher.hub
    generator.link(href=feed.page_url, rel="alternate", type="text/html")
    generator.language(feed.lang)
    generator.author(name=publisher.name, email=publisher.email, uri=publisher.home_url)
    generator.image(
        url=publisher.logo.url,
        title=feed.title,
        link=feed.page_url,
        width=str(publisher.logo.width),
        height=str(publisher.logo.height),
    )
    generator.icon(publisher.favicon.url)
    generator.rights(publisher.copyright(feed.updated.year))
    generator.updated(feed.updated)
    generator.pubDate(feed.updated)
    return generator


def add_item(generator: FeedGenerator, item: Item, publisher: str) -> object:
    """Add `item` after the items already added (feeds list the newest first).

    An item without a byline is credited to the publisher (Atom wants a name).
    """
    entry = generator.add_entry(order="append")
    entry.guid(item.url, permalink=True)
    entry.title(item.title)
    entry.link(href=item.url)
    if item.published is not None:
        entry.published(item.published)
    if item.updated is not None:
        entry.updated(item.updated)
    if item.summary:
        entry.summary(item.summary, type="html")
    entry.content(item.content, type="html")
    for name in item.authors or (publisher,):
        entry.author(name=name)
        entry.dc.dc_creator(name)
    for category in item.categories:
        entry.category(term=category)
    entry.media.cover = item.cover
    return entry


def rss_bytes(feed: Feed) -> bytes:
    """Return the RSS 2.0 file of `feed`."""
    generator = feed_generator(feed, "rss")
    for item in feed.items:
        add_item(generator, item, feed.publisher.name)
    return generator.rss_str(pretty=True)


def atom_bytes(feed: Feed) -> bytes:
    """Return the Atom 1.0 file of `feed`."""
    generator = feed_generator(feed, "atom")
    for item in feed.items:
        add_item(generator, item, feed.publisher.name)
    return generator.atom_str(pretty=True)
