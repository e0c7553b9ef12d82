"""The words the live preview's processes say to each other, in one place.

The preview server (live_builds.py) writes requests to the warm build
process (warm_builds.py) as lines of JSON on its standard input: Pelican's
arguments for a build, or SHOW during a build for the pages edited since it
started. The build (pelican.py, `LivePelican`) and the warm process answer
on standard output, among the build's own messages: PAGE_WRITTEN with each
changed page as it is written (EDITED_PAGE_WRITTEN for the page of a post
just edited, written before the others), BUILD_DONE with the build's exit
code.
"""

from __future__ import annotations

from typing import Any

PAGE_WRITTEN = "page-written: "
EDITED_PAGE_WRITTEN = "edited-page-written: "
BUILD_DONE = "build-done: "
# The request, during a build, for the pages edited since it started.
SHOW = {"show": True}
# The settings of a live build (`pelican -e`): the live preview's Pelican class.
LIVE_SETTINGS: dict[str, Any] = {"PELICAN_CLASS": "site_preview.LivePelican"}


def say_page_written(path: str, *, edited: bool = False) -> None:
    """Say that the page at `path` (relative to the output folder) was written.

    `edited`: it is the page of a post just edited (first_pages.py).
    """
    print(f"{EDITED_PAGE_WRITTEN if edited else PAGE_WRITTEN}{path}", flush=True)


def page_written(line: str) -> tuple[str, bool] | None:
    """Return the page a written line names and whether it is an edited post's.

    None for any other line.
    """
    for prefix, edited in ((PAGE_WRITTEN, False), (EDITED_PAGE_WRITTEN, True)):
        if line.startswith(prefix):
            return line[len(prefix) :].strip(), edited
    return None


def build_done(line: str) -> int | None:
    """Return the exit code a BUILD_DONE line gives, or None for any other line."""
    return int(line[len(BUILD_DONE) :]) if line.startswith(BUILD_DONE) else None
