"""The generator of the feeds and of the page that lists them, per language."""

from __future__ import annotations

import functools
from typing import Any

from pelican.generators import Generator

from content_model.publication import is_public
from site_build.output import output_files
from site_build.workers import build_workers
from site_i18n.paths import language_prefix

from .catalog import FeedCatalog, post_feeds
from .json_feed import json_feed_bytes
from .model import Feed
from .podcast import podcast_bytes, songs_feed
from .publisher import make_publisher
from .settings import FeedSettings, load_settings
from .xml_feeds import atom_bytes, rss_bytes


class FeedsGenerator(Generator):
    """Make every feed from the posts, people and songs; write them and /feeds/."""

    def generate_context(self) -> None:
        """Build the catalogue of feeds and share it with templates as FEEDS."""
        self.cfg = cfg = load_settings(self.settings)
        library = self.context["CONTENT_CHECK"].library
        plans = self.context["PHOTO_PLANS"]
        registry = self.context.get("PEOPLE_WORKS")
        feeds: list[Feed] = []
        for lang in cfg.facts.languages:
            posts = [
                post
                for post in self.context.get("POSTS_BY_LANG", {}).get(lang, [])
                if is_public(post, cfg.facts.build_time)
            ]
            if not posts:
                continue
            people = registry.of("person", lang) if registry else []
            publisher = make_publisher(library, lang, cfg, plans)
            feeds += post_feeds(
                lang,
                posts=posts,
                people=people,
                publisher=publisher,
                cfg=cfg,
                plans=plans,
            )
        songs = self._songs(registry, cfg)
        if songs:
            publisher = make_publisher(library, cfg.facts.default_lang, cfg, plans)
            works_page = self.context["PEOPLE_WORKS_URLS"]["work"][
                cfg.facts.default_lang
            ]
            feeds.append(songs_feed(songs, publisher, cfg, plans, works_page))
        langs = {feed.lang for feed in feeds}
        page_urls = {
            lang: f"{language_prefix(lang, cfg.facts.default_lang)}{cfg.path}/"
            for lang in cfg.facts.languages
            if lang in langs
        }
        self.catalog = FeedCatalog(feeds, page_urls)
        self.context["FEEDS"] = self.catalog

    @staticmethod
    def _songs(registry: Any, cfg: FeedSettings) -> list[Any]:
        """Return the songs with an audio file, in the default language."""
        if registry is None:
            return []
        return [
            work
            for work in registry.of("work", cfg.facts.default_lang)
            if work.metadata.get("kind") == "song" and work.audio_url
        ]

    def generate_output(self, writer: Any) -> None:
        """Write each feed in each of its formats, then the feeds page per language."""
        files = output_files(self.context, self.output_path)
        cache = self.context.get("PAGE_CACHE")
        made = []
        for feed in self.catalog.feeds:
            # What the feed is made of, digested once for its formats.
            made_of = cache.digester.value(feed) if cache else ""
            for fmt in feed.formats:
                path = feed.path(fmt)
                # The same feed as last time: its file as it is.
                kept = cache.kept_file(path, [fmt, made_of]) if cache else None
                if kept is not None:
                    files.write_bytes(path, kept)
                else:
                    made.append((path, functools.partial(self._render, feed, fmt)))
        # A site of many topics has thousands of feeds: made on every core.
        files.write_shared(made, build_workers(self.settings))
        for lang, url in self.catalog.page_urls.items():
            writer.write_file(
                f"{url}index.html",
                self.get_template("feeds"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=url,
                page_lang=lang,
                versions=self.catalog.page_urls,
                menu_current="feeds",
            )

    def _render(self, feed: Feed, fmt: str) -> bytes:
        if feed.kind == "songs":
            return podcast_bytes(feed, self.cfg)
        if fmt == "json":
            return json_feed_bytes(feed)
        return rss_bytes(feed) if fmt == "rss" else atom_bytes(feed)


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the feeds generator."""
    return FeedsGenerator
