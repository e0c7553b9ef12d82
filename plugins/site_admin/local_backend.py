"""decap-server, the editor's local backend: the editor at /admin/ saves into a folder.

`invoke edit` starts it on the writer's own computer (file-system mode: the
editor writes content/ directly, the live preview rebuilds); the tests start
it on a temporary copy, in `git` mode for the review workflow. It listens on
a private port behind its guard (backend_guard.py), which alone is reached.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from content_model.config import load_settings
from site_base.loopback import LOOPBACK, free_port
from site_build.inputs import PROJECT

from .backend_guard import Guard, serve_guard
from .writable import editor_paths

DECAP_SERVER = PROJECT / "node_modules" / "decap-server" / "dist" / "index.js"
HOST = LOOPBACK


@contextmanager
def decap_server(
    folder: Path, port: int, settings: dict[str, Any], mode: str = "fs"
) -> Iterator[str]:
    """Run decap-server for `folder` behind its guard on 127.0.0.1:`port`.

    Yield the API address. decap-server itself listens on a private port; the
    guard (site_admin.backend_guard) passes on only requests for content/'s
    collections and the data files, from this computer.
    """
    private = free_port()
    env = {
        **os.environ,
        "PORT": str(private),
        "BIND_HOST": HOST,
        "MODE": mode,
        "GIT_REPO_DIRECTORY": str(folder),
        "LOG_LEVEL": "warn",
    }
    cfg = load_settings(settings)
    guard = Guard(editor_paths(cfg), port, cfg.messages_gettext)
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, cwd=folder)  # noqa: S603, S607
    try:
        _wait_for(private, process)
        server = serve_guard(guard, private, HOST)
        try:
            yield f"http://{HOST}:{port}/api/v1"
        finally:
            server.shutdown()
            server.server_close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 15) -> None:
    """Return once something listens on `port`; fail if the server stopped."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped (exit code {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"decap-server did not start on port {port}")
