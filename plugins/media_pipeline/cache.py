"""Derivatives kept outside output/, keyed by the source's bytes and the encoding spec.

The source digest is remembered with the file's size and modification time, so
an unchanged photo is not read again; a new or changed one is hashed by the
worker that encodes it, from the bytes it reads anyway.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .renditions import Rendition

_INDEX = "sources.json"


@dataclass(frozen=True)
class CacheLayout:
    """Where derivatives live: one file per (source digest, shape, spec digest)."""

    root: Path
    spec_digests: dict[str, str]

    def path(self, digest: str, rendition: Rendition) -> Path:
        """Return the cache file of `rendition` of the source with `digest`."""
        if rendition.crop:
            shape = f"crop-{rendition.crop}-{rendition.width}x{rendition.height}"
        else:
            shape = str(rendition.width)
        suffix = PurePosixPath(rendition.path).suffix
        name = f"{digest}-{shape}-{self.spec_digests[rendition.fmt]}{suffix}"
        return self.root / "objects" / digest[:2] / name


class SourceDigests:
    """sha256 of each source photo, remembered by (size, mtime)."""

    def __init__(self, cache: Path) -> None:
        self.path = cache / _INDEX
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    def remembered(self, source: Path) -> str | None:
        """Return the digest of `source` if it has not changed since it was hashed."""
        stat = source.stat()
        entry = self.known.get(str(source))
        if entry and entry[:2] == [stat.st_size, stat.st_mtime_ns]:
            return entry[2]
        return None

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


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` so that no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def publish(cached: Path, destination: Path) -> None:
    """Put a cached derivative into output/ (a hard link when the disk allows it)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if destination.exists():
        destination.unlink()
    try:
        os.link(cached, destination)
    except OSError:
        destination.write_bytes(cached.read_bytes())
