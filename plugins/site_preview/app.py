"""The live preview's web app: the built files, or the last build's problems.

Under livereload a failed build shows its problems in the browser, on
whatever page the writer has open (readable on a phone, in the site's
language), and the page comes back once they are fixed: writers watch the
browser, not the terminal. livereload's server injects its reload script
into the HTML it returns; the page's Content-Security-Policy lets it run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from site_base.catalogues import translations
from site_base.loopback import is_loopback_host
from site_publish.http_headers import content_type

# livereload 2.7's reload script, which its server writes inline into every
# HTML page (Server.serve without a separate live port). Pages refuse inline
# scripts (their Content-Security-Policy): the preview lets this one run by its
# hash. tests/browser/test_livereload_page.py fails if livereload changes it.
LIVERELOAD_SNIPPET = (
    "(function(){"
    'var s=document.createElement("script");'
    "var port=(window.location.port || "
    "(window.location.protocol == 'https:' ? 443: 80));"
    's.src="//"+window.location.hostname+":"+port'
    '+ "/livereload.js?port=" + port;'
    "document.head.appendChild(s);"
    "})();"
)
_SNIPPET_DIGEST = hashlib.sha256(LIVERELOAD_SNIPPET.encode()).digest()
_SNIPPET_SOURCE = f"&#39;sha256-{base64.b64encode(_SNIPPET_DIGEST).decode()}&#39;"
_SCRIPT_SRC = re.compile(
    rb"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src)"
)


def allow_reload_script(page: bytes) -> bytes:
    """Return a page whose policy also lets livereload's inline script run."""
    source = f" {_SNIPPET_SOURCE}".encode()
    return _SCRIPT_SRC.sub(lambda m: m.group(1) + source, page, count=1)


# A content problem as the build prints it: "path:12: error: ..." or a
# Pelican error line.
PROBLEM = re.compile(r"(: (error|warning|lỗi|cảnh báo): )|^(CRITICAL|ERROR)\b")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def problem_lines(output: str, *, only_named: bool = False) -> list[str]:
    """Return the lines of a build's output that name a problem.

    Without any, a failed build's last lines (unless `only_named`).
    """
    lines = [ANSI.sub("", line).strip() for line in output.splitlines()]
    found = [line for line in lines if line and PROBLEM.search(line)]
    return found or ([] if only_named else [line for line in lines if line][-20:])


class PreviewApp:
    """A WSGI app serving a build folder, or the problems of the last build.

    livereload's server injects its reload script into the HTML it returns.
    """

    def __init__(self, root: Path, theme: Path, lang: str) -> None:
        self.root = root
        self.gettext = translations(theme, lang).gettext
        self.lang = lang
        self.problems: list[str] | None = None
        # The last good build's warnings: a draft it left out says why there.
        self.warnings: list[str] = []

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        """Answer one request (only for this computer: see site_base.loopback)."""
        port = int(environ.get("SERVER_PORT") or 0)
        if not is_loopback_host(environ.get("HTTP_HOST"), port):
            body = b"This server answers only for 127.0.0.1"
            return self._send(start_response, "403 Forbidden", "x.txt", body)
        path = environ.get("PATH_INFO", "/")
        page = path.endswith(("/", ".html"))
        if self.problems is not None and page:
            return self._send(start_response, "200 OK", "x.html", self.error_page())
        file = self._file(path)
        if file is None and page and self.warnings:
            body = self.warnings_page()
            return self._send(start_response, "404 Not Found", "x.html", body)
        if file is None:
            missing = self.root / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"Not found"
            return self._send(start_response, "404 Not Found", "404.html", body)
        body = file.read_bytes()
        if file.suffix == ".html":
            body = allow_reload_script(body)
        return self._send(start_response, "200 OK", file.name, body)

    def _file(self, path: str) -> Path | None:
        relative = Path(path.lstrip("/"))
        if ".." in relative.parts:
            return None
        file = self.root / relative
        if file.is_dir():
            file /= "index.html"
        inside = file.resolve().is_relative_to(self.root.resolve())
        return file if inside and file.is_file() and not file.is_symlink() else None

    @staticmethod
    def _send(
        start_response: Callable[..., Any], status: str, name: str, body: bytes
    ) -> list[bytes]:
        start_response(
            status,
            [("Content-Type", content_type(name)), ("Cache-Control", "no-store")],
        )
        return [body]

    def error_page(self) -> bytes:
        """Return the page that lists the problems of the failed build."""
        _ = self.gettext
        return self._problems_page(
            _("The site could not be built"),
            _("Fix the problems below and save: the page comes back by itself."),
            self.problems or [],
        )

    def warnings_page(self) -> bytes:
        """Return the page of a missing page when the last build had warnings."""
        _ = self.gettext
        return self._problems_page(
            _("This page is not in the preview"),
            _(
                "A draft with problems is left out until they are fixed; "
                "the last build said:"
            ),
            self.warnings,
        )

    def _problems_page(self, title: str, advice: str, lines: list[str]) -> bytes:
        items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
        title, advice = html.escape(title), html.escape(advice)
        return (
            f'<!doctype html><html lang="{self.lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>"
            "body{font:1.05rem/1.6 system-ui,sans-serif;margin:0;padding:1rem;"
            "color:#1b1b1f;background:#fff8f6}"
            "h1{color:#8a1c1c;font-size:1.4rem}"
            "li{margin:.75rem 0;padding:.5rem .75rem;background:#fff;"
            "border-left:4px solid #8a1c1c;overflow-wrap:anywhere}"
            "code{font:inherit}ul{padding:0;list-style:none}"
            f"</style></head><body><main><h1>{title}</h1><p>{advice}</p>"
            f"<ul>{items}</ul></main></body></html>"
        ).encode()
