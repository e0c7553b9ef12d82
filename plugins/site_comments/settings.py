"""COMMENTS, the address of the Isso server: checked, and its origin for the policy."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from site_base.loopback import LOOPBACK_NAMES
from site_base.settings import SettingsError

SETTING = "COMMENTS"


def comments_server(settings: dict[str, Any]) -> str:
    """Return COMMENTS as "https://host/path/" (ending in /), or "" while off.

    A page served over https may only talk to an https server; plain http
    is for a server on this computer (`invoke livereload`, the tests).
    """
    address = settings.get(SETTING) or ""
    if address == "":
        return ""
    if not isinstance(address, str):
        raise SettingsError(f"{SETTING} must be the comment server's address, or ''")
    parts = urlsplit(address)
    local = parts.scheme == "http" and parts.hostname in LOOPBACK_NAMES
    if (
        not (parts.scheme == "https" or local)
        or not parts.hostname
        or parts.username
        or parts.query
        or parts.fragment
    ):
        raise SettingsError(
            f"{SETTING} must be an https address like "
            "'https://binhluan.example.org/' (http only on 127.0.0.1), "
            f"not {address!r}"
        )
    return address if address.endswith("/") else f"{address}/"


def server_origin(address: str) -> str:
    """Return the origin of a checked address: "https://binhluan.example.org"."""
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}"
