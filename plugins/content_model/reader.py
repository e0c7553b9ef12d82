"""The Pelican reader of content bundles: index.md and index.<lang>.md files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican.readers import BaseReader

from site_base.messages import say

from .checker import SiteCheck
from .metadata import pelican_metadata
from .problems import ContentProblems, ProblemList

MARKDOWN_EXTENSIONS = ("md",)


class BundleReader(BaseReader):
    """Read the checked documents of this build: the check ran before any read.

    content_model makes one for each generator with the build's check (see
    plugin.py). Pelican makes an instance of every BaseReader subclass that
    names file extensions; `file_extensions` is empty so that it never makes
    one without the check.
    """

    enabled = True
    file_extensions: list[str] = []

    def __init__(self, settings: dict[str, Any], check: SiteCheck) -> None:
        super().__init__(settings)
        self.check = check
        self.names = pelican_names(
            [*check.documents, *check.left_out], settings["PATH"]
        )

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return the body as HTML (with the gallery after it) and the metadata."""
        path = self.names.get(source_path) or Path(source_path).resolve()
        document = self.check.documents.get(path)
        if document is None and path in self.check.left_out:
            return "", {"status": "skip"}  # Pelican's way to leave a file out
        if document is None:
            _stop_on_unchecked_file(path, self.check.cfg.facts.root)
        return document.rendered.html, pelican_metadata(document, self.settings)


def pelican_names(paths: Iterable[Path], content: str) -> dict[str, Path]:
    """Return `paths` (resolved) by the names Pelican gives them.

    Pelican names a file from the content folder as given (not resolved):
    each path is listed under both names, so no read resolves a path again.
    """
    given, resolved = os.path.abspath(content), os.path.realpath(content)
    names = {}
    for path in paths:
        text = str(path)
        names[text] = path
        if text.startswith(resolved):
            names[given + text[len(resolved) :]] = path
    return names


def _stop_on_unchecked_file(path: Path, site: Path) -> None:
    """Stop the build: a file appeared after the check, so nothing vouches for it."""
    problems = ProblemList()
    problems.error(
        path,
        say(
            "this file appeared while the site was being built, after "
            "the content was checked: build again"
        ),
    )
    problems.report(site)
    raise ContentProblems


def switch_off_other_readers(readers: Any) -> None:
    """Let no other reader read content: it would bypass the checks.

    Pelican's static reader stays (photos and other files); BundleReader is
    installed by `install_reader` once the content is checked.
    """
    for extension in list(readers.reader_classes):
        if extension != "static":
            readers.reader_classes[extension] = None


def install_reader(readers: Any, check: SiteCheck) -> None:
    """Read Markdown files with a BundleReader holding this build's check.

    Pelican's content cache stays off (CACHE_CONTENT in pelicanconf.py): it
    keys what a reader made of a file by that file's bytes alone, while a
    post's HTML depends on its whole folder and the site's other inputs, as
    the check's own cache keys it.
    """
    for extension in MARKDOWN_EXTENSIONS:
        readers.readers[extension] = BundleReader(readers.settings, check)
