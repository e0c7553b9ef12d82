"""The site's Pelican class: Pelican's own build, in named steps around it.

`PELICAN_CLASS` in pelicanconf.py names `SitePelican`. Its `run()` is
Pelican's build with four steps around it: skip the build when its inputs
and "now" give the site the output folder already holds (record.py);
prepare the build's caches (the output files, the page keys, the site's
facts); build as Pelican does; save the record. Pelican ends a build with
"Done: Processed 8 articles, 0 drafts, ..." in English, printed straight to
its console rather than through logging, so no log filter can translate it:
that one line is held back with a Rich render hook (Rich's way to rewrite
what a console prints) and the same figures are printed through the
message catalogues.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import console
from rich.console import RenderHook
from rich.text import Text

from site_base.messages import Message, say, writers_log
from site_base.settings import SettingsError

from .facts import FACTS, SiteFacts, read_facts
from .generators import SiteArticlesGenerator
from .memory import end_build, set_aside, start_build
from .output import OUTPUT_FILES, PAGE_CACHE, OutputFiles, SiteWriter
from .page_cache import PageCache
from .record import SITE_INPUTS, BuildRecord, BuildRecords, next_change

logger = logging.getLogger(__name__)

PELICAN_SUMMARY = "Done: Processed "
UP_TO_DATE = say(
    "Nothing has changed since the last build: the site in the output folder "
    "is up to date."
)


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
    """Pelican, in steps: skip when unchanged, prepare caches, build, save the record.

    output/ is kept between builds: pages and files are written through one
    `OutputFiles` (output.py), only when their bytes changed, and what no
    one produced is removed before the search index is made.
    """

    def __init__(self, settings: dict[str, Any]) -> None:
        # Connected before Pelican loads the plugins (receivers are called in
        # the order they connect): the pages kept for the end are written,
        # then stale files go, before site_search's index.
        signals.finalized.connect(write_later_pages)
        signals.finalized.connect(remove_stale_outputs)
        super().__init__(settings)
        self.facts: SiteFacts = read_facts(self.settings)
        self.records = BuildRecords(self.facts.root)
        self.generators: list[Any] = []
        self.writer: SiteWriter | None = None

    def run(self) -> None:
        """Build as Pelican does, unless nothing changed; say what was built."""
        started = time.monotonic()
        output = Path(self.output_path)
        digest, site_inputs = self.records.inputs_digest(
            self.settings, extra=self.facts.messages_lang
        )
        last = self.records.get(output)
        if self.unchanged(last, digest, output):
            for line in last.warnings:
                writers_log.warning("%s", line)
            console.print(UP_TO_DATE.render(self.facts.writers_gettext), soft_wrap=True)
            return
        self.records.forget(output)  # until this build has finished
        files, pages = self.prepare_caches(last, site_inputs)
        self.build()
        pages.save()
        self.records.save(output, self.record(digest, files, pages))
        seconds = format_decimal(
            time.monotonic() - started, format="0.00", locale=self.facts.messages_lang
        )
        summary = build_summary(BuildCounts.of(self.generators), seconds)
        console.print(summary.render(self.facts.writers_gettext), soft_wrap=True)

    def unchanged(self, last: BuildRecord | None, digest: str, output: Path) -> bool:
        """Return whether the last build into `output` made what a build now would."""
        return last is not None and last.still_valid(
            digest, self.facts.build_time, output
        )

    def prepare_caches(
        self, last: BuildRecord | None, site_inputs: str
    ) -> tuple[OutputFiles, PageCache]:
        """Put the build's facts, output files and page keys in the settings."""
        output = Path(self.output_path)
        self.settings[FACTS] = self.facts
        self.settings[SITE_INPUTS] = site_inputs
        files = OutputFiles(
            output,
            keep=self.settings.get("OUTPUT_RETENTION", ()),
            announce=self.announce_page(),
            previous=last.outputs if last is not None else None,
        )
        self.settings[OUTPUT_FILES] = files
        pages = PageCache(
            self.records.pages_file(output), site_inputs, self.records.digests, output
        )
        self.settings[PAGE_CACHE] = pages
        return files, pages

    def announce_page(self) -> Callable[[str], None] | None:
        """Return what to call with each page written (none: a live build's hook)."""
        return None

    def build(self) -> None:
        """Run Pelican's build, its English closing line held back.

        What each step made is set aside from Python's collector (memory.py):
        the content once checked, once read, and every page's context. A
        mistake in the settings or in the site's own files (SettingsError)
        is said with the file it names and ends the build, without Pelican's
        traceback.
        """
        signals.all_generators_finalized.connect(self.keep_generators, weak=False)
        signals.article_generator_init.connect(set_aside)  # after the check
        console.push_render_hook(_HidePelicanSummary())
        thresholds = start_build()
        try:
            super().run()
        except SettingsError as mistake:
            logger.critical("%s", mistake)
            raise SystemExit(1) from None
        finally:
            end_build(thresholds)
            console.pop_render_hook()
            signals.all_generators_finalized.disconnect(self.keep_generators)
            signals.article_generator_init.disconnect(set_aside)

    def record(self, digest: str, files: OutputFiles, pages: PageCache) -> BuildRecord:
        """Return the record of this build: inputs, validity, outputs, warnings."""
        context = self.generators[0].context if self.generators else {}
        now = self.facts.build_time
        return BuildRecord(
            digest=digest,
            built_at=now.isoformat(),
            valid_until=next_change(context.get("NEXT_CHANGE_AT", []), now),
            outputs=files.sizes(),
            warnings=list(context.get("BUILD_WARNINGS", [])),
            pages_rendered=pages.rendered,
            pages_reused=pages.reused,
            render_processes=self.writer.processes if self.writer else 1,
        )

    def _get_generator_classes(self) -> list[type]:
        """Pelican's generators, its ArticlesGenerator made linear (generators.py)."""
        return [
            SiteArticlesGenerator if generator is ArticlesGenerator else generator
            for generator in super()._get_generator_classes()
        ]

    def _get_writer(self) -> SiteWriter:
        """Pelican's writer, through the build's OutputFiles, rendering at the end.

        Pages are rendered once every generator has asked for its own, on
        every core (`write_later_pages`).
        """
        set_aside()  # every generator's context is made
        self.writer = SiteWriter(self.output_path, settings=self.settings, later=True)
        return self.writer

    def keep_generators(self, generators: list[Any]) -> None:
        """Keep this build's generators: Pelican's run() holds them in a local."""
        self.generators = list(generators)


def write_later_pages(pelican: Any) -> None:
    """Render and write the pages the build kept for its end (`finalized`, first)."""
    writer = getattr(pelican, "writer", None)
    if isinstance(writer, SiteWriter):
        set_aside()  # every page's context, kept for the end
        writer.write_later_pages()


def remove_stale_outputs(pelican: Any) -> None:
    """Remove what this build did not produce (`finalized`, before the search index)."""
    files = pelican.settings.get(OUTPUT_FILES)
    if files is not None:
        for path in files.remove_stale():
            logger.info("Removed %s (no longer part of the site)", path)
