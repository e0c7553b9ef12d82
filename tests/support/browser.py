"""Debian's Chromium for tests and benchmarks: where it is and how to start it here."""

import time

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
