"""Serve a built site as a real host would: compressed, with cache and security headers.

For `invoke lighthouse` (and to preview a build as readers get it): text is
sent gzip-compressed to clients that accept it, fingerprinted theme files
are cached for a year as immutable, everything else for ten minutes (the
headers the S3 publisher sets too: site_publish.http_headers), so a page's
second visit costs what it costs on the web; the Content-Security-Policy and
other headers of the build's `_headers` are sent as Cloudflare Pages would.
"""

from __future__ import annotations

import gzip
import http.server
from functools import lru_cache, partial
from pathlib import Path

from site_base.loopback import is_loopback_host, serve_in_thread
from site_publish.http_headers import (
    HEADERS_FILE,
    cache_control,
    content_type,
    headers_for,
    headers_rules,
    is_text,
)


def _rules(folder: Path) -> list:
    """Return the rules of the build's `_headers` (none if it has no such file)."""
    path = folder / HEADERS_FILE
    return _read_rules(path, path.stat().st_mtime_ns) if path.is_file() else []


@lru_cache(maxsize=8)
def _read_rules(path: Path, _mtime_ns: int) -> list:
    return headers_rules(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=512)
def _gzipped(path: Path, _mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class SiteFilesHandler(http.server.SimpleHTTPRequestHandler):
    """The built site's files as every preview server sends them (`invoke serve`).

    Only to this computer (a request naming another host is refused: a web
    page cannot reach it by a name of its own), only files inside the
    folder (a link in it to a file elsewhere is missing), a missing page is
    the site's 404 page, and nothing is printed: no English request log, no
    traceback when a browser cancels a request.
    """

    def guess_type(self, path):  # noqa: D102 (the hosts' Content-Type)
        return content_type(str(path))

    def send_head(self):  # noqa: D102 (http.server's hook)
        return super().send_head() if self.allowed() else None

    def allowed(self) -> bool:
        """Return whether the request may be answered; else answer the refusal."""
        if not is_loopback_host(self.headers.get("Host"), self.server.server_port):
            self.refuse(403, "This server answers only for 127.0.0.1")
            return False
        if (
            not self.site_path()
            .resolve()
            .is_relative_to(Path(self.directory).resolve())
        ):
            # A link in the folder to a file elsewhere is not the site's file.
            self.send_error(404, "Not found")
            return False
        return True

    def refuse(self, code: int, message: str) -> None:
        """Answer a request this server does not serve."""
        self.send_error(code, message)

    def site_path(self) -> Path:
        """Return the file the request asks for (a folder's index.html)."""
        path = Path(self.translate_path(self.path))
        return path / "index.html" if path.is_dir() else path

    def send_error(self, code, message=None, explain=None):
        """Answer a missing page with the site's own 404 page, as hosts do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command == "HEAD" or not page.is_file():  # noqa: PLR2004
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", content_type(page.name))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def handle(self):  # noqa: D102
        # A browser that cancels a request (a page left before it loaded)
        # closes the connection: nothing went wrong, nothing to print.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, *_args):  # noqa: D102 (quiet)
        pass


class HostLikeHandler(SiteFilesHandler):
    """The site's files as a host sends them: gzip, Cache-Control, `_headers`."""

    def send_head(self):  # noqa: D102 (http.server's hook)
        self._cache_sent = False
        if not self.allowed():
            return None
        path = self.site_path()
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
        return http.server.SimpleHTTPRequestHandler.send_head(self)

    def refuse(self, code: int, message: str) -> None:  # noqa: D102
        self._cache_sent = True  # no headers of the site for a refusal
        super().refuse(code, message)

    def end_headers(self):  # noqa: D102 (every response says how long to keep it)
        if not getattr(self, "_cache_sent", False):
            self._cache_header(Path(self.translate_path(self.path)))
        super().end_headers()

    def _cache_header(self, path: Path) -> None:
        self._cache_sent = True
        self.send_header("Cache-Control", cache_control(path.name))
        # The security headers the build wrote for hosts (`_headers`).
        address = self.path.split("?", 1)[0]
        for name, value in headers_for(address, _rules(Path(self.directory))).items():
            self.send_header(name, value)


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
    serve_in_thread(server)
    return server, f"http://127.0.0.1:{server.server_port}"
