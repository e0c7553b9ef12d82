"""The site's Pelican class: Pelican's own build, closed in the writers' language.

Pelican ends a build with "Done: Processed 8 articles, 0 drafts, ..." in
English, printed straight to its console rather than through logging, so no
log filter can translate it. `PELICAN_CLASS` in pelicanconf.py names
`SitePelican`: it runs Pelican's build unchanged, holds back that one line
with a Rich render hook (Rich's way to rewrite what a console prints), and
prints the same figures through the message catalogues.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import console
from rich.console import RenderHook
from rich.text import Text

from site_base.output import KEY as OUTPUT_FILES
from site_base.output import PAGE_CACHE, OutputFiles, SiteWriter
from site_base.page_cache import PageCache

from .config import build_time, messages_language, writers_gettext
from .live import write_edited_posts_first
from .messages import Message, say
from .problems import logger as problems_logger
from .record import SITE_INPUTS, BuildRecord, BuildRecords, next_change

logger = logging.getLogger(__name__)

PELICAN_SUMMARY = "Done: Processed "
PELICAN_CACHE = Path(".cache") / "pelican"
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
    """Pelican, whose closing line is in the language of the content messages.

    It also keeps output/ between builds: pages and files are written
    through one `OutputFiles` (site_base.output), only when their bytes
    changed, and what no one produced is removed at the end.
    """

    def run(self) -> None:
        """Build as Pelican does; then say what was built, in the writers' language.

        A build whose inputs and "now" give the site output/ already holds
        is skipped (record.py).
        """
        started = time.monotonic()
        gettext = writers_gettext(self.settings)
        output = Path(self.output_path)
        records = BuildRecords(Path(self.settings["PATH"]).resolve().parent)
        digest, site_inputs = records.inputs_digest(
            self.settings, extra=messages_language(self.settings)
        )
        now = build_time(self.settings)
        last = records.get(output)
        # A live build always runs: its process keeps the site it built, to
        # show the next edit at once (tools/warm_builds.py).
        live = bool(self.settings.get("LIVE_PREVIEW"))
        if not live and last is not None and last.still_valid(digest, now, output):
            for line in last.warnings:
                problems_logger.warning("%s", line)
            console.print(UP_TO_DATE.render(gettext))
            return
        # Pelican's content cache beside this site's other caches (a path in
        # pelicanconf.py would be shared by every site built with it).
        cache = Path(self.settings["PATH"]).resolve().parent / PELICAN_CACHE
        self.settings["CACHE_PATH"] = str(cache)
        if last is None:
            # No finished build to trust (a first build, or the last one
            # stopped half-way): nothing of Pelican's cache is kept.
            shutil.rmtree(cache, ignore_errors=True)
        records.forget(output)  # until this build has finished
        self.settings[SITE_INPUTS] = site_inputs
        files = OutputFiles(
            output,
            keep=self.settings.get("OUTPUT_RETENTION", ()),
            announce=bool(self.settings.get("LIVE_PREVIEW")),
            previous=last.outputs if last is not None else None,
        )
        self.settings[OUTPUT_FILES] = files
        pages = PageCache(
            records.pages_file(output), site_inputs, records.digests, output
        )
        self.settings[PAGE_CACHE] = pages
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
        pages.save()
        records.save(output, self._record(digest, now, files, pages))
        summary = build_summary(BuildCounts.of(self.generators), seconds)
        console.print(summary.render(gettext))

    def _record(
        self, digest: str, now: datetime, files: OutputFiles, pages: PageCache
    ) -> BuildRecord:
        """Return the record of this build: inputs, validity, outputs, warnings."""
        context = self.generators[0].context if self.generators else {}
        check = context.get("CONTENT_CHECK")
        warnings = (
            [
                problem.describe(check.cfg.site, check.cfg.messages_gettext)
                for problem in check.problems.warnings
            ]
            if check
            else []
        )
        return BuildRecord(
            digest=digest,
            built_at=now.isoformat(),
            valid_until=next_change(context.get("NEXT_CHANGE_AT", []), now),
            outputs=files.sizes(),
            warnings=warnings,
            pages_rendered=pages.rendered,
            pages_reused=pages.reused,
        )

    def _get_writer(self) -> SiteWriter:
        """Pelican's writer, writing through the build's OutputFiles.

        Pelican asks for it when every generator has its context: in a live
        build, the posts just edited are written first (live.py).
        """
        if self.settings.get("LIVE_PREVIEW"):
            write_edited_posts_first(self.generators, self.output_path)
        return SiteWriter(self.output_path, settings=self.settings)

    def keep_generators(self, generators: list[Any]) -> None:
        """Keep this build's generators: Pelican's run() holds them in a local."""
        self.generators = list(generators)


def remove_stale_outputs(pelican: Any) -> None:
    """Remove what this build did not produce (`finalized`, before the search index)."""
    files = pelican.settings.get(OUTPUT_FILES)
    if files is not None:
        for path in files.remove_stale():
            logger.info("Removed %s (no longer part of the site)", path)
