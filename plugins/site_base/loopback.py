"""The servers this project starts answer only for this computer (DNS rebinding).

A web page the writer visits can rename its own host to 127.0.0.1 and then
read what a local server answers; its requests still carry the page's host
name. So each local server (the preview, the live preview, the editor's
backend) accepts only a `Host` that names the loopback address and its port.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})


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
