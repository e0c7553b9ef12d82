"""Derivatives kept outside output/, keyed by the source's bytes and the encoding spec.

The source digest is remembered with the file's size and modification time, so
an unchanged photo is not read again to be hashed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .plan import Rendition
from .settings import MediaSettings

_INDEX = "sources.json"


class SourceDigests:
    """sha256 of each source photo, remembered by (size, mtime)."""

    def __init__(self, cache: Path) -> None:
        self.path = cache / _INDEX
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    def digest(self, source: Path) -> str:
        """Return the sha256 of `source`, hashing it only when it changed."""
        stat = source.stat()
        key = str(source)
        remembered = self.known.get(key)
        if remembered and remembered[:2] == [stat.st_size, stat.st_mtime_ns]:
            return remembered[2]
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        self.known[key] = [stat.st_size, stat.st_mtime_ns, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        """Write the index back if it changed."""
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps(self.known, sort_keys=True), encoding="utf-8"
            )
            os.replace(temporary, self.path)


def object_path(cfg: MediaSettings, digest: str, rendition: Rendition) -> Path:
    """Return where the derivative of a source with `digest` is cached."""
    shape = (
        f"crop-{rendition.crop}-{rendition.width}x{rendition.height}"
        if rendition.crop
        else str(rendition.width)
    )
    suffix = Path(rendition.path).suffix
    name = f"{digest}-{shape}-{cfg.spec_digest(rendition.fmt)}{suffix}"
    return cfg.cache / "objects" / digest[:2] / name


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
