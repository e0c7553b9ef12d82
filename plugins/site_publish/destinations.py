"""Where `invoke publish --to DEST` sends the site."""

from __future__ import annotations

import re
from pathlib import Path

from .folder import FolderTarget, PublishError
from .settings import PublishSettings

# user@host:path, as rsync and scp write a place on another machine.
_REMOTE = re.compile(r"^[^/@\s]+@[^/:\s]+:.+$")


def target_for(destination: str, cfg: PublishSettings) -> FolderTarget:
    """Return the target DEST names; refuse the kinds not supported yet, clearly."""
    if destination.startswith("s3://"):
        raise PublishError(
            "publishing to S3-compatible stores is not ready yet: publish to a "
            "folder for now"
        )
    if _REMOTE.match(destination):
        raise PublishError(
            "publishing over SSH with rsync is not ready yet: publish to a folder "
            "(for example one the web server serves) for now"
        )
    return FolderTarget(Path(destination).expanduser().resolve(), cfg.retention)
