"""The words the live preview's processes say to each other, in one place.

The preview server (live_builds.py) writes requests to the warm build
process (warm_builds.py) as lines of JSON on its standard input: Pelican's
arguments for a build, or SHOW during a build for the pages edited since it
started. The build (pelican.py, `LivePelican`) and the warm process answer
on standard output, among the build's own messages: PAGE_WRITTEN with each
changed page as it is written, BUILD_DONE with the build's exit code.
"""

from __future__ import annotations

from typing import Any

PAGE_WRITTEN = "page-written: "
BUILD_DONE = "build-done: "
# The request, during a build, for the pages edited since it started.
SHOW = {"show": True}
# The settings of a live build (`pelican -e`): the live preview's Pelican class.
LIVE_SETTINGS: dict[str, Any] = {"PELICAN_CLASS": "site_preview.LivePelican"}


def say_page_written(path: str) -> None:
    """Say that the page at `path` (relative to the output folder) was written."""
    print(f"{PAGE_WRITTEN}{path}", flush=True)


def page_written(line: str) -> str | None:
    """Return the page a PAGE_WRITTEN line names, or None for any other line."""
    return line[len(PAGE_WRITTEN) :].strip() if line.startswith(PAGE_WRITTEN) else None


def build_done(line: str) -> int | None:
    """Return the exit code a BUILD_DONE line gives, or None for any other line."""
    return int(line[len(BUILD_DONE) :]) if line.startswith(BUILD_DONE) else None
