"""What a build holds: every file with the digest of its bytes."""

from __future__ import annotations

from pathlib import Path

from site_build.digests import file_digest


def build_manifest(output: Path) -> dict[str, str]:
    """Return {path under output: digest} of every file, in path order."""
    return {
        path.relative_to(output).as_posix(): file_digest(path)
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }
