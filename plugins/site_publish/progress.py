"""Progress of a long upload on the terminal: files and bytes sent, and how fast.

Over a slow uplink a first publish takes minutes; a silent terminal looks
like a hang. On a terminal the line is redrawn in place (at most a few times
a second); in a CI log a line is written every `log_every` seconds.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    """Counts files and bytes as they are sent, and shows it now and then."""

    def __init__(  # noqa: PLR0913 (tests pass a stream and a clock)
        self,
        total_files: int,
        total_bytes: int,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        log_every: float = 10.0,
    ) -> None:
        self.total_files = total_files
        self.total_bytes = total_bytes
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = self.last = clock()
        self.interactive = self.stream.isatty()
        self.every = 0.25 if self.interactive else log_every
        self.files = self.bytes = 0
        self.shown = False

    def advance(self, sent_bytes: int) -> None:
        """Count one more file sent; show the line if it is time to."""
        self.files += 1
        self.bytes += sent_bytes
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self._show(now)

    def finish(self) -> None:
        """End the line drawn in place (the summary follows)."""
        if self.shown and self.interactive:
            self._show(self.clock())
            self.stream.write("\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        """Return the progress line: 120/367 files, 1.4/4.1 MB, 350 KB/s."""
        elapsed = max(now - self.started, 1e-6)
        return (
            f"Sending {self.files}/{self.total_files} files, "
            f"{self.bytes / 1e6:.1f}/{self.total_bytes / 1e6:.1f} MB, "
            f"{self.bytes / elapsed / 1e3:.0f} KB/s"
        )

    def _show(self, now: float) -> None:
        self.shown = True
        end = "" if self.interactive else "\n"
        start = "\r" if self.interactive else ""
        self.stream.write(f"{start}{self.line(now)}{end}")
        self.stream.flush()
