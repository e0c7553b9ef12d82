"""The site's Pelican class: Pelican's own build, closed in the writers' language.

Pelican ends a build with "Done: Processed 8 articles, 0 drafts, ..." in
English, printed straight to its console rather than through logging, so no
log filter can translate it. `PELICAN_CLASS` in pelicanconf.py names
`SitePelican`: it runs Pelican's build unchanged, holds back that one line
with a Rich render hook (Rich's way to rewrite what a console prints), and
prints the same figures through the message catalogues.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import console
from rich.console import RenderHook
from rich.text import Text

from .config import messages_language, writers_gettext
from .messages import Message, say

PELICAN_SUMMARY = "Done: Processed "


class _HidePelicanSummary(RenderHook):
    """Drop Pelican's English closing line; let everything else through."""

    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [
            r
            for r in renderables
            if not (isinstance(r, Text) and r.plain.startswith(PELICAN_SUMMARY))
        ]


@dataclass(frozen=True)
class BuildCounts:
    """What Pelican counts at the end of a build, translations included."""

    posts: int = 0
    draft_posts: int = 0
    hidden_posts: int = 0
    pages: int = 0
    draft_pages: int = 0
    hidden_pages: int = 0

    @classmethod
    def of(cls, generators: list[Any]) -> BuildCounts:
        """Count as Pelican's own "Done:" line does."""
        articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
        pages = next(g for g in generators if isinstance(g, PagesGenerator))
        return cls(
            posts=len(articles.articles) + len(articles.translations),
            draft_posts=len(articles.drafts) + len(articles.drafts_translations),
            hidden_posts=len(articles.hidden_articles)
            + len(articles.hidden_translations),
            pages=len(pages.pages) + len(pages.translations),
            draft_pages=len(pages.draft_pages) + len(pages.draft_translations),
            hidden_pages=len(pages.hidden_pages) + len(pages.hidden_translations),
        )


def build_summary(counts: BuildCounts, seconds: str) -> Message:
    """Return the closing line; figures as labels, so no language needs plurals."""
    return say(
        "Done in {seconds} s. Posts: {posts} (drafts: {draft_posts}, hidden: "
        "{hidden_posts}). Pages: {pages} (drafts: {draft_pages}, hidden: "
        "{hidden_pages}).",
        seconds=seconds,
        posts=counts.posts,
        draft_posts=counts.draft_posts,
        hidden_posts=counts.hidden_posts,
        pages=counts.pages,
        draft_pages=counts.draft_pages,
        hidden_pages=counts.hidden_pages,
    )


class SitePelican(Pelican):
    """Pelican, whose closing line is in the language of the content messages."""

    def run(self) -> None:
        """Build as Pelican does; then say what was built, in the writers' language."""
        started = time.monotonic()
        self.generators: list[Any] = []
        signals.all_generators_finalized.connect(self.keep_generators, weak=False)
        console.push_render_hook(_HidePelicanSummary())
        try:
            super().run()
        finally:
            console.pop_render_hook()
            signals.all_generators_finalized.disconnect(self.keep_generators)
        seconds = format_decimal(
            time.monotonic() - started,
            format="0.00",
            locale=messages_language(self.settings),
        )
        summary = build_summary(BuildCounts.of(self.generators), seconds)
        console.print(summary.render(writers_gettext(self.settings)))

    def keep_generators(self, generators: list[Any]) -> None:
        """Keep this build's generators: Pelican's run() holds them in a local."""
        self.generators = list(generators)
