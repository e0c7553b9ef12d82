"""The Pelican reader of content bundles: index.md and index.<lang>.md files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.readers import BaseReader

from .metadata import pelican_metadata
from .state import BUILD


class BundleReader(BaseReader):
    """Read a checked document; the content check ran before any file is read."""

    enabled = True
    file_extensions = ["md"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return the body as HTML (with the gallery after it) and the metadata."""
        document = BUILD.document(Path(source_path), self.settings)
        return document.rendered.html, pelican_metadata(document, self.settings)


def add_reader(readers: Any) -> None:
    """Make BundleReader the only content reader: others would bypass the checks."""
    for extension in list(readers.reader_classes):
        if extension != "static":  # Pelican reads photos and other files with it
            readers.reader_classes[extension] = None
    for extension in BundleReader.file_extensions:
        readers.reader_classes[extension] = BundleReader
