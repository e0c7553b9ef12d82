"""The generator of each post's calendar file and of the site's /events.ics."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from content_model.publication import is_public
from site_build.output import output_files

from .calendar import calendar_bytes, event_component, event_moments
from .settings import load_settings


class EventsCalendar:
    """Which posts announce an event, and where their calendar files are (EVENTS)."""

    def __init__(self, posts: list[Any], post_file: str, calendar_file: str) -> None:
        self.posts = posts
        self.post_file = post_file
        self.calendar_file = calendar_file

    def calendar_url(self, post: Any) -> str:
        """Return the path of `post`'s calendar file, beside its page."""
        return f"{post.url}{self.post_file}"


class EventsGenerator(Generator):
    """Write a calendar file per post with an event, and the site's calendar."""

    def generate_context(self) -> None:
        """List the public posts with an event; share them as EVENTS."""
        self.cfg = load_settings(self.settings)
        posts = [
            post
            for lang_posts in self.context.get("POSTS_BY_LANG", {}).values()
            for post in lang_posts
            if getattr(post, "event", None)
            and is_public(post, self.cfg.facts.build_time)
        ]
        posts.sort(key=lambda post: post.url)
        self.events = EventsCalendar(posts, self.cfg.post_file, self.cfg.calendar_file)
        self.context["EVENTS"] = self.events

    def _kept(self, path: str, posts: list[Any]) -> bytes | None:
        """Return the last build's calendar file when its posts' cards are the same."""
        cache = self.context.get("PAGE_CACHE")
        if cache is None:
            return None
        return cache.kept_file(path, [cache.digester.card(post) for post in posts])

    def generate_output(self, writer: Any) -> None:
        """Write each post's .ics, then /events.ics of upcoming and recent events."""
        files = output_files(self.context, self.output_path)
        library = self.context["CONTENT_CHECK"].library
        default = self.cfg.facts.default_lang
        originals = {}
        for post in self.events.posts:
            original = next(
                (p for p in [post, *post.translations] if p.lang == default), post
            )
            originals[id(post)] = original
            path = self.events.calendar_url(post)
            data = self._kept(path, [post, original])
            if data is None:
                data = calendar_bytes(
                    [event_component(post, original, self.cfg)],
                    post.title,
                    self.cfg,
                )
            files.write_bytes(path, data)
        since = self.cfg.facts.build_time - self.cfg.recent
        site_events = sorted(
            (
                post
                for post in self.events.posts
                if post.lang == default
                and event_moments(post.event, self.cfg)[1] >= since
            ),
            key=lambda post: (event_moments(post.event, self.cfg)[0], post.url),
        )
        components = [
            event_component(post, originals[id(post)], self.cfg) for post in site_events
        ]
        # An event leaves /events.ics `recent_days` after it ends.
        self.context["NEXT_CHANGE_AT"].extend(
            event_moments(post.event, self.cfg)[1] + self.cfg.recent
            for post in site_events
        )
        name = library.name(self.cfg.facts.default_lang)
        files.write_bytes(
            self.cfg.calendar_file, calendar_bytes(components, name, self.cfg)
        )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the events generator."""
    return EventsGenerator
