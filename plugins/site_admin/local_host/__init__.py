"""The editor's host on this computer: GitHub's API over the site's own git repository.

On the public site the editor (Sveltia CMS) saves to GitHub. `invoke edit`
and the tests start this host instead: the same editor, configured with the
host's address as its `api_root`, reads and commits the repository on this
computer, review workflow included (branches and pull requests), and only
in content/'s collections and the data files (`EditorPaths`).
"""

from __future__ import annotations

import os
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

__all__ = [
    "LOCAL_REPO",
    "TOKEN_FILE",
    "HostState",
    "Person",
    "local_host",
    "writers_token",
]
TOKEN_FILE = "editor/token"


def writers_token(cache: Path) -> str:
    """Return this computer's token for the local host, made once, kept in `cache`.

    The same at every run of `invoke edit`: the live preview serves the last
    build's editor page (which carries the token) before it has rebuilt it,
    and a token of the run before would not sign the writer in. Nobody else
    can guess it; the file is readable by the writer alone.
    """
    path = cache / TOKEN_FILE
    if path.is_file() and not path.is_symlink():
        token = path.read_text("ascii", errors="replace").strip()
        if len(token) >= 32 and token.isascii():  # noqa: PLR2004 (as made below)
            return token
    token = secrets.token_urlsafe(24)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(token + "\n")
    return token


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
