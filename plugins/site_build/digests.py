"""sha256 of files, remembered by size and modification time (unchanged: not read).

Used by media_pipeline for photos (their digests name the published files)
by the build record (record.py) for every input of a build and by the bundle
caches (bundle_cache.py) for every file of a bundle.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path


class FileDigests:
    """sha256 of each file, remembered by (size, mtime) in a JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False
        self.hashed = 0  # files read and hashed by this process (benchmarks)

    def remembered(self, source: Path) -> str | None:
        """Return the digest of `source` if it has not changed since it was hashed."""
        stat = source.stat()
        entry = self.known.get(str(source))
        if entry and entry[:2] == [stat.st_size, stat.st_mtime_ns]:
            return entry[2]
        return None

    def digest(self, source: Path) -> str:
        """Return the digest of `source`: remembered, or read and hashed now."""
        known = self.remembered(source)
        if known is None:
            known = file_digest(source)
            self.hashed += 1
            self.remember(source, known)
        return known

    def remember(self, source: Path, digest: str) -> None:
        """Record the digest of `source` as it is now."""
        stat = source.stat()
        self.known[str(source)] = [stat.st_size, stat.st_mtime_ns, digest]
        self.changed = True

    def save(self) -> None:
        """Write the index back if it changed."""
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps(self.known, sort_keys=True), encoding="utf-8"
            )
            os.replace(temporary, self.path)


def file_digest(path: Path) -> str:
    """Return the sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# Where a site keeps its files' digests, beside content/.
INDEX = Path(".cache") / "digests.json"


@functools.cache
def shared_digests(site: Path) -> FileDigests:
    """Return the digests of the files of the site in `site`, loaded once per process.

    The build record, the content check's cache and the photo pipeline read
    the same files in one build: they share one index, so each file (a
    camera photo too) is hashed once, and again only when it changes.
    """
    return FileDigests(site / INDEX)
