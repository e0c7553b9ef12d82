"""The editor's host on this computer: GitHub's API over the site's own git repository.

On the public site the editor (Sveltia CMS) saves to GitHub. `invoke edit`
and the tests start this host instead: the same editor, configured with the
host's address as its `api_root`, reads and commits the repository on this
computer, review workflow included (branches and pull requests), and only
in content/'s collections and the data files (`EditorPaths`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from content_model.config import load_settings

from ..writable import editor_paths
from .server import serve_local_host
from .state import HostState, Person, host_state

LOCAL_REPO = "local/site"

__all__ = ["LOCAL_REPO", "HostState", "Person", "local_host", "new_token"]


def new_token() -> str:
    """Return a token nobody can guess, for one run of the host."""
    return secrets.token_urlsafe(24)


@contextmanager
def local_host(
    folder: Path,
    port: int,
    settings: dict[str, Any],
    people: dict[str, Person],
    address: str = "127.0.0.1",
) -> Iterator[str]:
    """Serve the repository in `folder` at `address`:`port`; yield the api_root.

    `people` are who may sign in, by their token; `settings` are the site's
    (the content model says which folders the editor writes).
    """
    cfg = load_settings(settings)
    state = host_state(folder, LOCAL_REPO, people, editor_paths(cfg))
    server = serve_local_host(state, port, cfg.messages_gettext, address)
    try:
        yield f"http://{address}:{port}"
    finally:
        server.shutdown()
        server.server_close()
