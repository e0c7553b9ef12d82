"""Where `invoke publish --to DEST` sends the site."""

from __future__ import annotations

import re
from pathlib import Path

from .folder import FolderTarget, PublishError, ReleaseTarget
from .s3 import S3Target
from .settings import PublishSettings
from .stores import ShellStore

# user@host:path, as rsync and scp write a place on another machine.
_REMOTE = re.compile(r"^[^/@\s]+@[^/:\s]+:.+$")


def target_for(destination: str, cfg: PublishSettings) -> ReleaseTarget | S3Target:
    """Return the target DEST names: s3://bucket/prefix, user@host:path or a folder."""
    if destination.startswith("s3://"):
        bucket, _slash, prefix = destination.removeprefix("s3://").partition("/")
        if not bucket:
            raise PublishError(
                f"{destination} names no bucket: write s3://bucket or s3://bucket/folder"
            )
        return S3Target(bucket, prefix, cfg.retention, lock_hold=cfg.lock_hold)
    if _REMOTE.match(destination):
        host, _colon, path = destination.partition(":")
        return ReleaseTarget(
            ShellStore(path, host), cfg.retention, lock_hold=cfg.lock_hold
        )
    return FolderTarget(
        Path(destination).expanduser().resolve(),
        cfg.retention,
        lock_hold=cfg.lock_hold,
    )
