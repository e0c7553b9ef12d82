"""Debian's Chromium for tests and benchmarks: where it is and how to start it here."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking family Chromium keeps calling hosts it cannot
# reach on these machines (offline build machines and CI runners).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


# How long a page must stay without a request in flight to count as loaded.
QUIET_MS = 50


class Traffic:
    """The requests a page has started and not yet finished or failed.

    Playwright's "networkidle" waits for 500 ms without traffic after every
    load; a page here is done once its own requests are done, which takes
    a few milliseconds on 127.0.0.1.
    """

    def __init__(self, page) -> None:
        self.page = page
        self.pending: set = set()
        # Methods, not the set's own: Playwright wraps the Python functions it calls.
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request) -> None:
        self.pending.add(request)

    def _ended(self, request) -> None:
        self.pending.discard(request)

    def __enter__(self) -> Traffic:
        """Listen until the `with` block ends."""
        return self

    def __exit__(self, *_exception) -> None:
        """Stop listening."""
        self.stop()

    def stop(self) -> None:
        """Stop following the page's requests (the page goes on to other tests)."""
        self.page.remove_listener("request", self._started)
        self.page.remove_listener("requestfinished", self._ended)
        self.page.remove_listener("requestfailed", self._ended)

    def settle(self, timeout: float = 30.0) -> None:
        """Wait until no request of the page is in flight for QUIET_MS."""
        deadline = time.monotonic() + timeout
        self.page.wait_for_timeout(QUIET_MS)
        while self.pending:
            if time.monotonic() > deadline:
                urls = sorted(request.url for request in self.pending)
                raise AssertionError(f"still loading after {timeout} s: {urls}")
            self.page.wait_for_timeout(QUIET_MS)

    def open(self, url: str) -> None:
        """Go to `url`; return once it has loaded with everything it asked for."""
        self.page.goto(url)
        self.settle()


def open_loaded(page, url: str) -> None:
    """Go to `url` and return once everything it asked for has loaded."""
    with Traffic(page) as traffic:
        traffic.open(url)


@contextlib.contextmanager
def listening(page, handlers: dict[str, Callable]) -> Iterator[None]:
    """Call each handler on its event of `page` while the block runs."""
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        yield
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
