"""decap-server, the editor's local backend: the editor at /admin/ saves into a folder.

`invoke edit` starts it on the writer's own computer (file-system mode: the
editor writes content/ directly, the live preview rebuilds); the tests start
it on a temporary copy, in `git` mode for the review workflow.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
HOST = "127.0.0.1"


@contextmanager
def decap_server(folder: Path, port: int, mode: str = "fs") -> Iterator[str]:
    """Run decap-server for `folder` on 127.0.0.1:`port`; yield its API address."""
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": HOST,
        "MODE": mode,
        "GIT_REPO_DIRECTORY": str(folder),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, cwd=folder)  # noqa: S603, S607
    try:
        _wait_for(port, process)
        yield f"http://{HOST}:{port}/api/v1"
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
