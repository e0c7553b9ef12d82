"""The writer's preview servers: a free port, the built files, the build's problems.

`invoke serve`, `invoke preview --serve` and `invoke livereload` serve
output/ on 127.0.0.1. When the port asked for (8000 by default) is busy,
another free one is used and said. Under livereload, a failed build shows its
problems in the browser, on whatever page the writer has open (readable on a
phone, in the site's language), and the page comes back once they are fixed:
writers watch the browser, not the terminal.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from site_base.catalogues import translations
from site_base.loopback import is_loopback_host
from site_base.output import PAGE_WRITTEN
from site_publish.http_headers import content_type
from tools.warm_builds import BUILD_DONE, SHOW

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


def pick_port(host: str, wanted: int) -> int:
    """Return `wanted` if nobody listens on it, else a free port of `host`."""
    for port in (wanted, 0):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise OSError(f"no free port on {host}")


def problem_lines(output: str) -> list[str]:
    """Return the lines of a failed build's output that name a problem."""
    lines = [ANSI.sub("", line).strip() for line in output.splitlines()]
    found = [line for line in lines if line and PROBLEM.search(line)]
    return found or [line for line in lines if line][-20:]


class PreviewApp:
    """A WSGI app serving a build folder, or the problems of the last build.

    livereload's server injects its reload script into the HTML it returns.
    """

    def __init__(self, root: Path, theme: Path, lang: str) -> None:
        self.root = root
        self.gettext = translations(theme, lang).gettext
        self.lang = lang
        self.problems: list[str] | None = None

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        """Answer one request (only for this computer: see site_base.loopback)."""
        port = int(environ.get("SERVER_PORT") or 0)
        if not is_loopback_host(environ.get("HTTP_HOST"), port):
            body = b"This server answers only for 127.0.0.1"
            return self._send(start_response, "403 Forbidden", "x.txt", body)
        path = environ.get("PATH_INFO", "/")
        if self.problems is not None and (path.endswith(("/", ".html"))):
            return self._send(start_response, "200 OK", "x.html", self.error_page())
        file = self._file(path)
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
        items = "".join(
            f"<li><code>{html.escape(line)}</code></li>" for line in self.problems or []
        )
        title = html.escape(_("The site could not be built"))
        advice = html.escape(
            _("Fix the problems below and save: the page comes back by itself.")
        )
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


class LiveBuilds:
    """Builds for the live preview, in a thread of their own, one at a time.

    livereload runs its watch callbacks in the server's own loop: a build
    there would hold every request until it ends. Here a change only asks
    for a build; a change during a build asks for one more after it. Builds
    run in a warm process (tools/warm_builds.py: a fork per build, so edited
    plugins take effect). The build announces each changed page as it writes
    it (LIVE_PREVIEW): the browser reloads at the first one (the edited
    post), and again at the end when other pages changed after it, or the
    build failed.
    """

    def __init__(
        self,
        arguments: list[str],
        app: PreviewApp,
        reload: Callable[[str | None], None],
        failed: Callable[[], None],
    ) -> None:
        self.arguments = arguments
        self.app = app
        self.reload = reload
        self.failed = failed
        self.lock = threading.Lock()
        self.running = False
        self.again = False
        # Asked for the edited pages during a build: reload at the next one.
        self.showing = False
        self.process: subprocess.Popen | None = None

    def request(self) -> None:
        """Start a build, or ask for one more after the one running.

        During a build, the edited pages are asked for at once too: the
        process of the build before writes them (tools/warm_builds.py).
        """
        with self.lock:
            if self.running:
                self.again = True
                self.showing = True
                self._send(SHOW)
                return
            self.running = True
        threading.Thread(target=self._builds, daemon=True).start()

    def _send(self, request: Any) -> None:
        """Write one request to the warm process (under the lock)."""
        process = self._warm()
        assert process.stdin is not None  # noqa: S101
        with contextlib.suppress(OSError):
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()

    def _builds(self) -> None:
        while True:
            self.build()
            with self.lock:
                if not self.again:
                    self.running = False
                    return
                self.again = False

    def _warm(self) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(  # noqa: S603 (our own builder)
                [sys.executable, "-m", "tools.warm_builds"],
                cwd=Path(__file__).resolve().parents[1],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
                # Its own process group: stop() ends a build running in a fork too.
                start_new_session=True,
            )
        return self.process

    def build(self) -> bool:
        """Build once, reloading the browser as pages are ready; return success."""
        process = self._warm()
        assert process.stdout is not None  # noqa: S101
        with self.lock:
            self.showing = False
            self._send(self.arguments)
        log: list[str] = []
        first: str | None = None
        after_first = 0
        code = 1
        for line in process.stdout:
            if line.startswith(BUILD_DONE):
                code = int(line[len(BUILD_DONE) :])
                break
            if line.startswith(PAGE_WRITTEN):
                page = line[len(PAGE_WRITTEN) :].strip()
                with self.lock:
                    shown, self.showing = self.showing, False
                if first is None or shown:
                    first = first or page
                    self.app.problems = None
                    self.reload(page)
                else:
                    after_first += 1
                continue
            sys.stdout.write(line)
            log.append(line)
        built = code == 0
        self.app.problems = None if built else problem_lines("".join(log))
        if not built:
            self.failed()
        if not built or first is None or after_first:
            self.reload(None)
        return built

    def stop(self) -> None:
        """End the warm process, and the build it may be running."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
