"""The gates' fixtures: the build under check, its public address, the browser.

Registered by plugin.py. The browser is Debian's Chromium, told that the
site's public host is a server on 127.0.0.1 that answers with the
published files (public_address.py), so the very files to publish load,
absolute URLs included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican.settings import read_settings
from playwright.sync_api import BrowserContext, Page

from .browser import CHROMIUM, FLAGS
from .public_address import PublicAddress
from .site import local_file, site_folder


@pytest.fixture(scope="session")
def published(request) -> Path:
    """Return the production build the gates and browser tests check.

    The sample site, or the folder `invoke gates` names (--gates-output).
    """
    given = request.config.getoption("--gates-output")
    if given:
        return Path(given).resolve()
    return request.getfixturevalue("gates_default_build")


@pytest.fixture(scope="session")
def site_url(request) -> str:
    """Return the SITEURL of that build (publishconf.py's unless given)."""
    given = request.config.getoption("--gates-siteurl")
    if given:
        return given.rstrip("/")
    return production_settings()["SITEURL"]


@pytest.fixture(scope="session")
def public_address(site_url, tmp_path_factory):
    """Return the server (bound, not yet serving) Chromium takes for SITEURL's host."""
    address = PublicAddress(site_url, tmp_path_factory.mktemp("public-address"))
    yield address
    address.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, public_address):
    """Return how to start Chromium: Debian's, taking SITEURL's host for ours."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*FLAGS, *public_address.flags],
    }


@pytest.fixture(scope="session")
def served_build(published, public_address):
    """Serve the build at its public address, as a host would (for its effect).

    With the headers of its `_headers` (the Content-Security-Policy among
    them), so pages are checked under the header policy and their own <meta>.
    """
    public_address.serve(published)


@pytest.fixture(scope="session")
def _contexts(browser, served_build):
    """Return one browser context per set of options, made when first asked for.

    Tests get a new page each; sharing contexts spares making one per test.
    """
    made: dict[str, BrowserContext] = {}

    def context_for(options: dict) -> BrowserContext:
        key = repr(sorted(options.items()))
        if key not in made:
            made[key] = browser.new_context(**options)
        return made[key]

    yield context_for
    for context in made.values():
        context.close()


@pytest.fixture(scope="session")
def _tabs(_contexts):
    """Return tab_for(options, script): a tab per context's options and script.

    `script` (JavaScript) runs in every page the tab opens, before the page's own.
    """
    made: dict[str, Page] = {}

    def tab_for(options: dict, script: str | None) -> Page:
        key = repr((sorted(options.items()), script))
        if key not in made or made[key].is_closed():
            made[key] = _contexts(options).new_page()
            if script:
                made[key].add_init_script(script)
        return made[key]

    return tab_for


@pytest.fixture
def reused_tab(_tabs):
    """Return a function of (script=None, **context_options): a shared tab, emptied.

    A new tab costs Chromium a renderer process (a third of a CPU-second
    here); tests that only load a page and read it share one per viewport.
    Each gets it on about:blank, in the light colour scheme: what the page
    before it still loaded ends there, before the test listens.
    """

    def tab(script: str | None = None, **options) -> Page:
        page = _tabs(options, script)
        page.goto("about:blank")
        page.emulate_media(color_scheme="light")
        return page

    return tab


@pytest.fixture
def new_page(_contexts):
    """Return a function of (**context_options): a page, its SITEURL served here."""
    pages = []

    def open_page(**options):
        page = _contexts(options).new_page()
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


def production_settings() -> dict:
    """Return the site's production settings (its publishconf.py)."""
    return read_settings(str(site_folder() / "publishconf.py"))


@dataclass(frozen=True)
class Build:
    """The build the gates check: its folder and the SITEURL it was built for."""

    output: Path
    url: str

    def file(self, address: str) -> Path | None:
        """Return the file an address of the site names (None: another site's)."""
        return local_file(self.output, self.url, address)


@pytest.fixture(scope="session")
def build(published, site_url) -> Build:
    """Return the build under check."""
    return Build(published, site_url)
