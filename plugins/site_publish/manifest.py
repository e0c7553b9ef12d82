"""What a build holds: every file with the digest of its bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def build_manifest(output: Path) -> dict[str, str]:
    """Return {path under output: digest} of every file, in path order."""
    return {
        path.relative_to(output).as_posix(): file_digest(path)
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }
