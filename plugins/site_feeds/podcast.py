"""The songs as a podcast: works with audio, an RSS feed with the iTunes tags."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import mutagen
from markupsafe import Markup

from content_model.publication import is_public
from media_pipeline.plan import PhotoPlans
from site_base.catalogues import translations

from .absolute import absolute_html
from .catalog import newest
from .extensions import ApplePodcastEntryExtension, ApplePodcastExtension
from .items import absolute_url, published
from .model import Enclosure, Feed, Image, Item, Publisher
from .publisher import song_artwork
from .settings import FeedSettings
from .xml_feeds import add_item, feed_generator

AUDIO_MIME = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg"}


def songs_feed(
    songs: list[Any],
    publisher: Publisher,
    cfg: FeedSettings,
    plans: PhotoPlans,
    page: str,
) -> Feed:
    """Return the podcast of `songs` (work entries with audio), newest first.

    `page` is the path of the works index, the podcast's web page.
    A song whose own cover is square and large enough shows it as episode
    art; the others show the podcast's artwork.
    """
    lang = cfg.facts.default_lang
    gettext = translations(cfg.facts.theme, lang, cfg.facts.root).gettext
    items = sorted(
        (song_item(song, cfg, song_artwork(song, cfg, plans)) for song in songs),
        key=lambda item: (
            -(item.published.timestamp() if item.published else 0),
            item.title,
        ),
    )
    return Feed(
        kind="songs",
        slug="",
        lang=lang,
        name=gettext("Songs"),
        title=f"{publisher.name}: {gettext('Songs')}",
        description=gettext("Songs of local musicians, to listen to"),
        page_url=absolute_url(cfg.facts.absolute_siteurl, page),
        base=f"{cfg.path}/songs",
        formats=("rss",),
        items=tuple(items),
        publisher=publisher,
        updated=newest(tuple(items), cfg.facts.build_time),
        siteurl=cfg.facts.absolute_siteurl,
    )


def song_item(song: Any, cfg: FeedSettings, artwork: Image | None) -> Item:
    """Return a song as an episode: its page, text, audio file and first mention."""
    url = absolute_url(cfg.facts.absolute_siteurl, song.url)
    audio = song.folder / song.metadata["audio"]
    first = _first_heard(song, cfg)
    return Item(
        url=url,
        title=song.title,
        published=first,
        updated=first,
        summary=absolute_html(str(song.metadata.get("summary") or ""), url),
        content=absolute_html(song.content, url),
        authors=tuple(creator.title for creator in song.creators),
        categories=(),
        enclosure=Enclosure(
            url=absolute_url(cfg.facts.absolute_siteurl, song.audio_url),
            length=audio.stat().st_size,
            mime=AUDIO_MIME[audio.suffix.lower()],
            seconds=duration_seconds(audio) or _written_seconds(song),
        ),
        artwork=artwork,
    )


def _first_heard(song: Any, cfg: FeedSettings) -> datetime | None:
    """Return when a song is new to listeners: the moment of its first post.

    A song has no date of its own. Songs first named in the same post would
    share its moment, and podcast apps order episodes by it (in no set order
    when equal): each song comes a second after the one listed before it in
    the post's `works` (a second, so a post dated by the day keeps its day).
    """
    post = min(
        (post for post in song.posts if is_public(post, cfg.facts.build_time)),
        key=lambda post: (post.date, post.url),
        default=None,
    )
    if post is None:
        return None
    listed = list(getattr(post, "works", None) or [])
    position = listed.index(song.slug) if song.slug in listed else 0
    return published(post, cfg) + timedelta(seconds=position)


def duration_seconds(path: Path) -> int | None:
    """Return how long the audio file plays in whole seconds, None if unknown."""
    try:
        audio = mutagen.File(path)
    except mutagen.MutagenError:
        return None
    if audio is None or not audio.info.length:
        return None
    return max(1, round(audio.info.length))


def _written_seconds(song: Any) -> int | None:
    """Return the `duration` the writer gave ("4:35"), in seconds, if any."""
    written = song.metadata.get("duration")
    if not written:
        return None
    seconds = 0
    for part in str(written).split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def itunes_duration(seconds: int) -> str:
    """Return H:MM:SS, as Apple writes durations."""
    minutes, second = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}"


# The Podcast Index namespace's own namespace for podcast:guid (UUID v5).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid(feed: Feed) -> str:
    """Return podcast:guid: UUID v5 of the feed's address, no scheme, no end slash."""
    address = feed.url("rss").split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, address))


def podcast_bytes(feed: Feed, cfg: FeedSettings) -> bytes:
    """Return the podcast's RSS file, with the iTunes tags podcast apps read."""
    publisher = feed.publisher
    generator = feed_generator(feed, "rss")
    generator.register_extension(
        "podcast", ApplePodcastExtension, ApplePodcastEntryExtension, atom=False
    )
    generator.podcast.itunes_author(publisher.name)
    generator.podcast.itunes_owner(name=publisher.name, email=publisher.email)
    generator.podcast.itunes_image(publisher.artwork.url)
    generator.podcast.itunes_category(cfg.podcast_category)
    generator.podcast.explicit = cfg.podcast_explicit
    generator.podcast.guid = podcast_guid(feed)
    generator.podcast.locked = (cfg.podcast_locked, publisher.email)
    generator.podcast.itunes_summary(feed.description)
    generator.podcast.itunes_type("episodic")
    for item in feed.items:
        entry = add_item(generator, item, publisher.name)
        enclosure = item.enclosure
        entry.enclosure(enclosure.url, str(enclosure.length), enclosure.mime)
        if enclosure.seconds:
            entry.podcast.itunes_duration(itunes_duration(enclosure.seconds))
        entry.podcast.explicit = cfg.podcast_explicit
        entry.podcast.itunes_author(", ".join(item.authors) or publisher.name)
        if item.summary:
            entry.podcast.itunes_summary(Markup(item.summary).striptags())
        if item.artwork is not None:
            entry.podcast.itunes_image(item.artwork.url)
    return generator.rss_str(pretty=True)
