"""Serve a built site as a real host would: compressed, with cache headers.

For `invoke lighthouse` (and to preview a build as readers get it): text is
sent gzip-compressed to clients that accept it, fingerprinted theme files
are cached for a year as immutable, everything else for ten minutes (the
headers the S3 publisher sets too: site_publish.http_headers), so a page's
second visit costs what it costs on the web.
"""

from __future__ import annotations

import gzip
import http.server
import threading
from functools import lru_cache, partial
from pathlib import Path

from site_publish.http_headers import cache_control, content_type, is_text


@lru_cache(maxsize=512)
def _gzipped(path: Path, _mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class HostLikeHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus gzip, Cache-Control and charset=utf-8."""

    def guess_type(self, path):  # noqa: D102 (the hosts' Content-Type)
        return content_type(str(path))

    def send_head(self):  # noqa: D102 (http.server's hook)
        self._cache_sent = False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.is_file() and is_text(path.name) and wants_gzip:
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
        self.send_header("Cache-Control", cache_control(path.name))

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
