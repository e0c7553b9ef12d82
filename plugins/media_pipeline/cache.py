"""Derivatives kept outside output/, keyed by the source's bytes and the encoding spec.

The source digest is remembered with the file's size and modification time, so
an unchanged photo is not read again. The digest also names the published
files (`anh-480.3f2a9c0d1e.avif`, see `plan.fingerprint`): a photo replaced
under the same name gets new addresses, so no browser or CDN shows the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
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

    def digest(self, source: Path) -> str:
        """Return the digest of `source`: remembered, or read and hashed now."""
        known = self.remembered(source)
        if known is None:
            known = file_digest(source)
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


@lru_cache(maxsize=8)
def source_digests(cache: Path) -> SourceDigests:
    """Return the digests index of a cache folder, loaded once per build process.

    The page renderer, the templates' picture filter and the generator plan
    the same photos; they share one index (the generator saves it).
    """
    return SourceDigests(cache)


def file_digest(path: Path) -> str:
    """Return the sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` so that no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
