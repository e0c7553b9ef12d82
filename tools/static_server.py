"""Serve a built site as a real host would: compressed, with cache headers.

For `invoke lighthouse` (and to preview a build as readers get it): text is
sent gzip-compressed to clients that accept it, fingerprinted theme files
(`site.a6bd42498f.css`) are cached for a year as immutable, everything else
for ten minutes, so a page's second visit costs what it costs on the web.
"""

from __future__ import annotations

import gzip
import http.server
import re
import threading
from functools import lru_cache, partial
from pathlib import Path

# Theme files carry a 10-hex-digit digest of their content in their name.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{10}\.[a-z0-9]+$")
COMPRESSED = {
    ".html",
    ".css",
    ".js",
    ".json",
    ".xml",
    ".svg",
    ".txt",
    ".ics",
}
YEAR, TEN_MINUTES = 31_536_000, 600


@lru_cache(maxsize=512)
def _gzipped(path: Path, _mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class HostLikeHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus gzip, Cache-Control and charset=utf-8."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".ics": "text/calendar; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".avif": "image/avif",
        ".webp": "image/webp",
    }

    def send_head(self):  # noqa: D102 (http.server's hook)
        self._cache_sent = False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.is_file() and path.suffix in COMPRESSED and wants_gzip:
            body = _gzipped(path, path.stat().st_mtime_ns)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self._cache_header(path)
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def end_headers(self):  # noqa: D102 (every response says how long to keep it)
        if not getattr(self, "_cache_sent", False):
            self._cache_header(Path(self.translate_path(self.path)))
        super().end_headers()

    def _cache_header(self, path: Path) -> None:
        self._cache_sent = True
        age = YEAR if FINGERPRINTED.search(path.name) else TEN_MINUTES
        immutable = ", immutable" if age == YEAR else ""
        self.send_header("Cache-Control", f"public, max-age={age}{immutable}")

    def log_message(self, *_args):  # noqa: D102 (quiet)
        pass


class _Body:
    """The file-like object send_head returns: the compressed bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        self.data = b""


def serve(folder: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving `folder` on 127.0.0.1 in a thread; return the server and URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), partial(HostLikeHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"
