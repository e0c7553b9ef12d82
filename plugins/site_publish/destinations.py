"""Where `invoke publish --to DEST` sends the site."""

from __future__ import annotations

import re
from pathlib import Path

from .folder import FolderTarget, PublishError, ReleaseTarget
from .settings import PublishSettings
from .stores import ShellStore

# user@host:path, as rsync and scp write a place on another machine.
_REMOTE = re.compile(r"^[^/@\s]+@[^/:\s]+:.+$")


def target_for(destination: str, cfg: PublishSettings) -> ReleaseTarget:
    """Return the target DEST names; refuse the kinds not supported yet, clearly."""
    if destination.startswith("s3://"):
        raise PublishError(
            "publishing to S3-compatible stores is not ready yet: publish to a "
            "folder for now"
        )
    if _REMOTE.match(destination):
        host, _colon, path = destination.partition(":")
        return ReleaseTarget(ShellStore(path, host), cfg.retention)
    return FolderTarget(Path(destination).expanduser().resolve(), cfg.retention)
