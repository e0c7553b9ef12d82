"""The output folder kept between builds: changed files written, stale ones removed.

Pelican's DELETE_OUTPUT_DIRECTORY empties output/ at each build, so every
file gets a new modification time and a publish or a sync sees the whole
site as new. Instead, every file a build produces goes through one
`OutputFiles` (Pelican's pages through `SiteWriter`, the plugins' files
through `write_bytes`, `write_text`, `copy`, `link`; Pagefind's index is
claimed after it runs): a file whose bytes are already there is left
untouched, and at the end of the build every file no one produced (a
deleted post's page, a renamed photo's derivatives) is removed, before the
search index is made. Files and folders named in OUTPUT_RETENTION (Pelican's
setting, e.g. `.git`) are never removed.
"""

from __future__ import annotations

import filecmp
import io
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .workers import build_workers, processes_for, run_shared

logger = logging.getLogger(__name__)

# The key under which the build's OutputFiles travels in settings and context.
OUTPUT_FILES = "OUTPUT_FILES"
# The key of the build's page_cache.PageCache, in the writer's settings.
PAGE_CACHE = "PAGE_CACHE"


class OutputFiles:
    """Write into `root` only what changed; know every file this build produced."""

    def __init__(
        self,
        root: Path | str,
        keep: Iterable[str] = (),
        announce: Callable[[str], None] | None = None,
        previous: Iterable[str] | None = None,
    ) -> None:
        self.root = os.path.abspath(root)
        self.keep = frozenset(keep)
        # What the last build produced (relative paths), when known: then only
        # those files are candidates for removal, and output/ is not walked.
        self.previous = None if previous is None else list(previous)
        # For the live preview: called with each changed page as it is
        # written, so the browser showing it reloads before the build ends.
        self.announce = announce
        self.produced: set[str] = set()
        self.deferred: set[str] = set()
        self.written = 0
        self.unchanged = 0

    def _relative(self, full: str) -> str:
        """Return `full` (a normalised path) relative to the root, cheaply."""
        inside = self.root + os.sep
        if full.startswith(inside):
            return full[len(inside) :]
        return os.path.relpath(full, self.root)

    def _claim(self, path: Path | str) -> str:
        full = os.path.normpath(os.path.join(self.root, path))
        self.produced.add(full)
        return full

    def produced_here(self, path: Path | str) -> bool:
        """Return whether this build has produced `path` so far."""
        return os.path.normpath(os.path.join(self.root, path)) in self.produced

    def defer(self, folder: Path | str) -> None:
        """Leave `folder` alone at the end of the build: its maker cleans it later."""
        self.deferred.add(os.path.normpath(os.path.join(self.root, folder)))

    def claim(self, path: Path | str) -> None:
        """Record a file written by another program as this build's."""
        self._claim(path)

    def claim_tree(self, folder: Path | str) -> None:
        """Record every file under `folder` as this build's."""
        for parent, _folders, files in os.walk(os.path.join(self.root, folder)):
            for name in files:
                self._claim(os.path.join(parent, name))

    def write_bytes(self, path: Path | str, data: bytes) -> bool:
        """Write `data` unless the file already holds exactly these bytes.

        Return whether the file was written.
        """
        written = self.store(path, data)
        self.counted(path, written=written)
        return written

    def write_text(self, path: Path | str, text: str) -> bool:
        """Write `text` as UTF-8 unless the file already holds it; return if written."""
        return self.write_bytes(path, text.encode("utf-8"))

    def store(self, path: Path | str, data: bytes) -> bool:
        """Write `data` at `path` unless it is there; return whether it was written.

        Not recorded as this build's (`counted` does): in any process.
        """
        full = os.path.normpath(os.path.join(self.root, path))
        try:
            with open(full, "rb") as existing:  # noqa: PTH123 (a str path)
                if existing.read(len(data) + 1) == data:
                    return False
        except FileNotFoundError:
            os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as stream:  # noqa: PTH123
            stream.write(data)
        if self.announce is not None and full.endswith(".html"):
            self.announce(self._relative(full))
        return True

    def counted(self, path: Path | str, *, written: bool) -> None:
        """Record `path` as this build's, written or found unchanged (`store`)."""
        self._claim(path)
        if written:
            self.written += 1
        else:
            self.unchanged += 1

    def write_shared(
        self, makers: Sequence[tuple[str, Callable[[], bytes]]], workers: int
    ) -> None:
        """Make each (path, make) file and write it; in `workers` processes."""
        written = run_shared(makers, lambda job: self.store(job[0], job[1]()), workers)
        for (path, _make), was_written in zip(makers, written, strict=True):
            self.counted(path, written=was_written)

    def copy(self, source: Path | str, path: Path | str) -> None:
        """Copy `source` unless the file there has the same bytes."""
        full = self._claim(path)
        if os.path.isfile(full) and filecmp.cmp(source, full, shallow=False):
            self.unchanged += 1
            return
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(source, "rb") as stream:  # noqa: PTH123
            data = stream.read()
        with open(full, "wb") as stream:  # noqa: PTH123
            stream.write(data)
        self.written += 1

    def link(self, source: Path | str, path: Path | str) -> None:
        """Hard-link `source` (a copy where the disk cannot) unless it is there."""
        full = self._claim(path)
        if os.path.isfile(full) and (
            os.path.samefile(source, full) or filecmp.cmp(source, full, shallow=False)
        ):
            self.unchanged += 1
            return
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if os.path.lexists(full):
            os.unlink(full)
        try:
            os.link(source, full)
        except OSError:
            with open(source, "rb") as stream, open(full, "wb") as target:  # noqa: PTH123
                target.write(stream.read())
        self.written += 1

    def sizes(self) -> dict[str, int]:
        """Return {path under root: size} of every file this build produced."""
        found = {}
        for full in sorted(self.produced):
            try:
                found[self._relative(full)] = os.stat(full).st_size  # noqa: PTH116
            except OSError:  # produced, then removed by its maker
                continue
        return found

    def remove_stale(self, under: Path | str = "") -> list[str]:
        """Remove every file this build did not produce; return them (relative).

        Only under `under` when given; else everywhere but deferred folders
        and OUTPUT_RETENTION's names. Folders left empty go too.
        """
        top = os.path.normpath(os.path.join(self.root, under))
        skipped = self.deferred - {top}
        if top == self.root and self.previous is not None:
            return self._remove_previous(skipped)
        removed = []
        for parent, folders, files in os.walk(top, topdown=True):
            if parent == self.root:
                folders[:] = [name for name in folders if name not in self.keep]
                files = [name for name in files if name not in self.keep]  # noqa: PLW2901
            folders[:] = [
                name for name in folders if os.path.join(parent, name) not in skipped
            ]
            for name in files:
                full = os.path.join(parent, name)
                if full not in self.produced:
                    os.unlink(full)
                    removed.append(self._relative(full))
        for parent, _folders, _files in os.walk(top, topdown=False):
            if parent != self.root and not os.listdir(parent):
                os.rmdir(parent)
        return sorted(removed)

    def _remove_previous(self, skipped: set[str]) -> list[str]:
        """Remove what the last build made and this one did not (no walk)."""
        removed = []
        for relative in self.previous or ():
            full = os.path.normpath(os.path.join(self.root, relative))
            if (
                full in self.produced
                or relative.split(os.sep, 1)[0] in self.keep
                or any(full.startswith(folder + os.sep) for folder in skipped)
                or not os.path.isfile(full)
            ):
                continue
            os.unlink(full)
            removed.append(relative)
            parent = os.path.dirname(full)
            while parent != self.root and not os.listdir(parent):
                os.rmdir(parent)
                parent = os.path.dirname(parent)
        return sorted(removed)


def output_files(context: dict[str, Any], output: Path | str) -> OutputFiles:
    """Return the build's OutputFiles (a plain one when a test runs a plugin alone)."""
    return context.get(OUTPUT_FILES) or OutputFiles(output)


@dataclass
class _LaterPage:
    """A page to render once every generator has asked for its pages."""

    name: str  # under output/, as Pelican names it
    path: str  # its full path
    template: Any
    local: dict[str, Any]  # what it is rendered with
    shared: dict[str, Any]  # the context all pages share (the rest is its own)


@dataclass(frozen=True)
class _PageWritten:
    """What writing a page later did, sent back from the process that did it."""

    written: bool
    attached: tuple[str, ...]  # files the page made, or kept with it
    key: str | None = None  # its key (page_cache), when the build has keys
    reused: bool = False  # its key had not changed: its file was kept


class SiteWriter(Writer):
    """Pelican's writer, writing through the build's OutputFiles.

    A writer made with `later=True` (the site's build) writes the pages it
    is asked for only when `write_later_pages()` is called, at the end of
    the build, in as many processes as `BUILD_WORKERS` says (workers.py):
    Pelican asks for pages generator by generator, each with what it needs
    already made, so the pages can be written in any order and in any
    process. With a PageCache in its settings, a page whose key has not
    changed since the last build is not rendered again (page_cache.py).
    Other writers (the live preview's first pages) write at once.
    """

    def __init__(self, *args: Any, later: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # By file, in the order asked: a page written again with `override`
        # replaces the one kept (and every post is, as it names its address).
        self.later: dict[str, _LaterPage] | None = {} if later else None
        self._asked: _LaterPage | None = None  # rendered later, if it is opened
        self.processes = 1  # how many rendered the pages kept for later

    def write_file(
        self, name: str, template: Any, context: dict[str, Any], *args, **kwargs
    ) -> None:
        """Write as Pelican does; a writer of later pages keeps them for the end."""
        if self.later is not None:
            template = _LaterTemplate(template, context, self)
        super().write_file(name, template, context, *args, **kwargs)

    def render_later(
        self, name: str, template: Any, local: dict[str, Any], shared: dict[str, Any]
    ) -> None:
        """Keep a page to write at the end (Pelican opens its file next)."""
        path = sanitised_join(self.output_path, name)
        self._asked = _LaterPage(name, path, template, local, shared)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        """Check as Pelican does that no page is written twice; keep the text.

        Pelican opens the file for writing at once; here the text is
        collected and written, if it changed, when the page is closed (or
        rendered and written at the end of the build, if kept for later).
        """
        asked, self._asked = self._asked, None
        files: OutputFiles = self.settings[OUTPUT_FILES]
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)"
                )
            return io.StringIO()  # Pelican writes this one to os.devnull
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already '
                "written to it previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
            if self.later is not None:  # a later page of this name is replaced
                self.later.pop(filename, None)
        self._written_files.add(filename)
        if asked is not None and self.later is not None and asked.path == filename:
            self.later[filename] = asked
            return io.StringIO()  # empty: the page is written when rendered
        return _PendingPage(files, sanitised_join(self.output_path, filename))

    def write_later_pages(self) -> int:
        """Write the pages kept for later, on every core; return how many.

        Each page's key is made there too: a page whose key has not changed
        keeps its file, the others are rendered.
        """
        pages, self.later = list((self.later or {}).values()), {}
        files: OutputFiles = self.settings[OUTPUT_FILES]
        cache = self.settings.get(PAGE_CACHE)
        if cache is not None and pages:
            cache.prepare(pages[0].shared)  # made once, before the processes part
        workers = build_workers(self.settings)
        self.processes = processes_for(len(pages), workers)
        results = run_shared(pages, self._write_page, workers)
        for page, result in zip(pages, results, strict=True):
            files.counted(page.path, written=result.written)
            if cache is not None:
                cache.record(page.name, result.key, result.attached, result.reused)
            for path in result.attached:
                files.claim(path)
        return len(pages)

    def _write_page(self, page: _LaterPage) -> _PageWritten:
        """Write one page kept for later (in any process of the build)."""
        cache = self.settings.get(PAGE_CACHE)
        key = None
        if cache is not None:
            template = page.template.name
            key = cache.page_key(page.name, template, page.local, page.shared)
            if cache.unchanged(page.name, key):
                return _PageWritten(
                    False, tuple(cache.kept_files(page.name)), key, True
                )
            cache.rendering = page.name
        try:
            text = page.template.render(page.local)
        finally:
            if cache is not None:
                cache.rendering = None
        files: OutputFiles = self.settings[OUTPUT_FILES]
        written = files.store(page.path, text.encode("utf-8"))
        attached = cache.files.get(page.name, ()) if cache is not None else ()
        return _PageWritten(written, tuple(attached), key)


class _LaterTemplate:
    """A template whose render() keeps the page for its writer's end of build.

    Its text here is empty: Pelican's writer writes nothing for it yet.
    """

    def __init__(self, template: Any, shared: dict[str, Any], writer: SiteWriter):
        self.template = template
        self.shared = shared
        self.writer = writer

    def render(self, local: dict[str, Any]) -> str:
        """Keep the page to write later; return no text."""
        self.writer.render_later(
            local["output_file"], self.template, local, self.shared
        )
        return ""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)


class _PendingPage(io.StringIO):
    """A page's text, handed to OutputFiles when Pelican closes the file."""

    def __init__(self, files: OutputFiles, path: str) -> None:
        super().__init__()
        self.files = files
        self.path = path

    def close(self) -> None:
        if not self.closed:
            self.files.write_text(self.path, self.getvalue())
        super().close()
