"""Builds for the live preview, in a thread of their own, in the warm build process.

The preview server asks for a build at each change; LiveBuilds runs them
one at a time in the warm process (warm_builds.py), reads what the build
says (protocol.py) and reloads the browser as pages are ready.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from .app import PreviewApp, problem_lines
from .protocol import SHOW, build_done, page_written


class LiveBuilds:
    """Builds for the live preview, in a thread of their own, one at a time.

    livereload runs its watch callbacks in the server's own loop: a build
    there would hold every request until it ends. Here a change only asks
    for a build; a change during a build asks for one more after it. Builds
    run in a warm process (warm_builds.py: a fork per build, so edited
    plugins take effect). The build says each changed page as it writes it
    (LivePelican), the pages of the posts just edited first and said as
    such: the browser reloads at each of those (or at the first page, when
    no post was edited), and again at the end when other pages changed
    after them, or the build failed.
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
        self.process: subprocess.Popen | None = None

    def request(self) -> None:
        """Start a build, or ask for one more after the one running.

        During a build, the edited pages are asked for at once too: the
        process of the build before writes them (warm_builds.py).
        """
        with self.lock:
            if self.running:
                self.again = True
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
                [sys.executable, "-m", "site_preview.warm_builds"],
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
            self._send(self.arguments)
        log: list[str] = []
        first: str | None = None
        after_first = 0
        code = 1
        for line in process.stdout:
            done = build_done(line)
            if done is not None:
                code = done
                break
            written = page_written(line)
            if written is not None:
                page, edited = written
                if first is None or edited:
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
        if built:
            self.app.warnings = problem_lines("".join(log), only_named=True)
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
