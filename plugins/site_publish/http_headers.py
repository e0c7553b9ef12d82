"""The headers a host sends with each file: its type (with charset) and caching.

One rule for every place the site is served from: the S3 publisher sets them
on each object, and `site_preview.static_server` sends them when it serves a build
as a host would. Files whose name carries a digest of their content (theme
files `site.a6bd42498f.css`, photos `cho-phien-480.3f2a9c0d1e.avif`) never
change under their name, so browsers and CDNs may keep them for a year;
everything else (pages, feeds, sitemaps) is kept ten minutes, so a correction
reaches readers soon.
"""

from __future__ import annotations

import mimetypes
import re

# A 10-hex-digit digest of the content just before the extension.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{10}\.[a-z0-9]+$")
YEAR, TEN_MINUTES = 31_536_000, 600

# Types Python's table lacks or gives differently from what feed readers and
# browsers expect; text types get charset=utf-8 (every text file is UTF-8).
_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".xml": "application/xml",
    ".json": "application/json",
    ".ics": "text/calendar",
    ".txt": "text/plain",
    ".yml": "text/yaml",
    ".svg": "image/svg+xml",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".mp3": "audio/mpeg",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
}
_TEXT = ("text/", "application/xml", "application/json", "image/svg+xml")
_TEXT_TYPES = {"application/manifest+json"}


def content_type(name: str) -> str:
    """Return the Content-Type of a file by its name, with charset=utf-8 for text."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = _TYPES.get(suffix) or mimetypes.guess_type(name)[0]
    if kind is None:
        return "application/octet-stream"
    if kind.startswith(_TEXT) or kind in _TEXT_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


def cache_control(name: str) -> str:
    """Return the Cache-Control of a file: a year if fingerprinted, else minutes."""
    if FINGERPRINTED.search(name):
        return f"public, max-age={YEAR}, immutable"
    return f"public, max-age={TEN_MINUTES}"


def is_text(name: str) -> bool:
    """Return whether a file is text (worth compressing on the way to readers)."""
    return "charset=" in content_type(name)


# `_headers` (Cloudflare Pages' format, written by the build): blocks of a
# path pattern (`/*`, `/admin/*`, `/feeds/all.rss.xml`) and indented
# `Name: value` lines; `! Name` takes back a header an earlier block set.
HEADERS_FILE = "_headers"


def headers_rules(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Return [(pattern, [(name, value, or None to take it back)])] of a file."""
    rules: list[tuple[str, list[tuple[str, str | None]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and line.strip().startswith("!"):
            rules[-1][1].append((line.strip()[1:].strip(), None))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(path: str, rules: list) -> dict[str, str]:
    """Return the headers `_headers` gives the file at `path` (like /2025/x/)."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        matches = (
            path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern
        )
        if not matches:
            continue
        for name, value in headers:
            if value is None:
                found.pop(name, None)
            else:
                found[name] = value
    return found
