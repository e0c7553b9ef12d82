"""Derivatives kept outside output/, keyed by the source's bytes and the encoding spec.

The source digest is remembered with the file's size and modification time, so
an unchanged photo is not read again. The digest also names the published
files (`anh-480.3f2a9c0d1e.avif`, see `plan.fingerprint`): a photo replaced
under the same name gets new addresses, so no browser or CDN shows the old one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from site_build.digests import FileDigests, shared_digests

from .renditions import Rendition


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


def source_digests(content: Path) -> FileDigests:
    """Return the digests index of the site whose content folder is `content`.

    The page renderer, the templates' picture filter and the generator plan
    the same photos; they share the site's one index with the build record
    and the content check (site_build.digests), so a photo is hashed once.
    """
    return shared_digests(content.parent)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` so that no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
