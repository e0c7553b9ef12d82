"""The live preview's build: always run, each page said as written, edited posts first.

`LivePelican` is the site's Pelican class for live builds (the live preview
passes it as PELICAN_CLASS, protocol.LIVE_SETTINGS). It differs from a
plain build in three ways: it runs even when nothing changed (its process
keeps the site it built, to show the next edit at once: warm_builds.py); it
says each changed page as it is written (protocol.PAGE_WRITTEN), so the
browser reloads at the first; and it writes the posts just edited before the
rest (first_pages.py), said as such (the browser reloads at each of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from site_build.output import SiteWriter
from site_build.pelican import SitePelican
from site_build.record import BuildRecord

from .first_pages import EditedSince, write_rechecked_posts
from .protocol import say_page_written


class LivePelican(SitePelican):
    """The site's Pelican class in the live preview."""

    def __init__(self, settings: dict[str, Any]) -> None:
        # Set while the pages of the posts just edited are written.
        self.writing_edited = False
        super().__init__(settings)
        self.edited_since: EditedSince | None = None

    def unchanged(self, last: BuildRecord | None, digest: str, output: Path) -> bool:
        """Return False: a live build always runs (its process keeps the site)."""
        return False

    def announce_page(self) -> Callable[[str], None] | None:
        """Say each page as it is written (the preview server reloads at the first)."""
        return self.say_page

    def say_page(self, path: str) -> None:
        """Say that the page at `path` was written, and if it is an edited post's."""
        say_page_written(path, edited=self.writing_edited)

    @contextmanager
    def edited_pages(self) -> Iterator[None]:
        """Say the pages written meanwhile as the pages of posts just edited."""
        self.writing_edited = True
        try:
            yield
        finally:
            self.writing_edited = False

    def _get_writer(self) -> SiteWriter:
        """Write the posts the check read afresh, then give Pelican its writer.

        Pelican asks for its writer when every generator has its context.
        """
        with self.edited_pages():
            write_rechecked_posts(self.generators, self.output_path)
        return super()._get_writer()

    def show_edited_posts(self) -> int:
        """Write the pages of the posts edited since this build; return how many."""
        if self.edited_since is None:
            self.edited_since = EditedSince(self.generators, self.output_path)
        with self.edited_pages():
            return self.edited_since.write()
