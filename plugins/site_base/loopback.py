"""The servers this project starts: on this computer only, on a port that is free.

A web page the writer visits can rename its own host to 127.0.0.1 and then
read what a local server answers; its requests still carry the page's host
name. So each local server (the preview, the live preview, the editor's
backend) accepts only a `Host` that names the loopback address and its port.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from urllib.parse import urlsplit

LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = frozenset({LOOPBACK, "localhost", "[::1]"})
# How often a server in a thread looks whether it was asked to stop: its
# shutdown() waits that long (socketserver's default is half a second).
STOP_CHECK_SECONDS = 0.02


def free_port(host: str = LOOPBACK) -> int:
    """Return a port of `host` nobody listens on now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def serve_in_thread(server: socketserver.BaseServer) -> None:
    """Serve in a daemon thread; `server.shutdown()` then returns at once."""
    threading.Thread(
        target=server.serve_forever, args=(STOP_CHECK_SECONDS,), daemon=True
    ).start()


def pick_port(host: str, wanted: int) -> int:
    """Return `wanted` if nobody listens on it, else a free port of `host`."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, wanted))
        except OSError:
            return free_port(host)
        return probe.getsockname()[1]


def is_loopback_host(host: str | None, port: int) -> bool:
    """Return whether a request's Host header names this computer at `port`."""
    return host in {f"{name}:{port}" for name in LOOPBACK_NAMES}


def is_loopback_origin(origin: str) -> bool:
    """Return whether an Origin header is a page served on this computer (any port)."""
    parts = urlsplit(origin)
    return (
        parts.scheme in {"http", "https"}
        and parts.netloc.rsplit(":", 1)[0] in LOOPBACK_NAMES
    )
