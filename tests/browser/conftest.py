"""Browser tests: the shared production build of the sample site, in Chromium.

The site is built for its public SITEURL; a real HTTP server serves it on
127.0.0.1 and every browser context answers requests to SITEURL's origin from
that server (Playwright's context.route), so the very files that would be
published load locally, absolute URLs included.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading

import pytest
from pelican.settings import read_settings
from playwright.sync_api import BrowserContext
from playwright.sync_api import Error as PlaywrightError

from tests.support import REPO
from tools.browser import CHROMIUM, FLAGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args):
        pass


@pytest.fixture(scope="session")
def site_url() -> str:
    """Return the production SITEURL the sample site is built for."""
    return read_settings(str(REPO / "publishconf.py"))["SITEURL"]


@pytest.fixture(scope="session")
def local_server(sample_site):
    """Serve the sample site's output/ on a free port of 127.0.0.1."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(sample_site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def _contexts(browser, site_url, local_server):
    """Return one browser context per set of options, made when first asked for.

    Tests get a new page each; sharing contexts spares making one per test.
    """
    made: dict[str, BrowserContext] = {}

    def answer_locally(route):
        local = local_server + route.request.url[len(site_url) :]
        # A page may close while one of its lazy photos is still loading.
        with contextlib.suppress(PlaywrightError):
            route.fulfill(response=route.fetch(url=local))

    def context_for(options: dict) -> BrowserContext:
        key = repr(sorted(options.items()))
        if key not in made:
            made[key] = browser.new_context(**options)
            made[key].route(f"{site_url}/**", answer_locally)
        return made[key]

    yield context_for
    for context in made.values():
        context.unroute_all(behavior="ignoreErrors")
        context.close()


@pytest.fixture
def new_page(_contexts):
    """Return new_page(**context_options): a page whose SITEURL is served locally."""
    pages = []

    def open_page(**options):
        page = _contexts(options).new_page()
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()
