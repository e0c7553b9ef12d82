"""Fixtures every test may use: small sites built in temporary folders, and the
repository's sample site built once for the whole run."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings
from pelican.settings import read_settings
from playwright.sync_api import BrowserContext, Page

from tests.support import CATEGORIES, REPO, run_pelican, run_task, write_site
from tests.support.browser import CHROMIUM, FLAGS
from tests.support.public_address import PublicAddress

# Property tests run the same examples on every run (CI must not pass or fail
# by chance) and keep no database in the tree; HYPOTHESIS_PROFILE=explore
# tries new ones at each run.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# Tests read content problems in English, the messages' source language
# (the tests of the writers' Vietnamese set SITE_MESSAGES_LANG themselves).
os.environ["SITE_MESSAGES_LANG"] = "en"

# "Now" of the shared sample build (2025-11-29 08:00 UTC): after every sample
# post, and fixed so that a second build can be compared with it byte for byte.
SAMPLE_BUILD_EPOCH = 1764403200


@dataclass(frozen=True)
class BuiltSite:
    """A site written into a temporary folder and built by `python -m pelican`."""

    root: Path
    result: subprocess.CompletedProcess

    @property
    def output(self) -> Path:
        """Return the built site's folder."""
        return self.root / "output"

    @property
    def ok(self) -> bool:
        """Return whether the build succeeded."""
        return self.result.returncode == 0

    @property
    def log(self) -> str:
        """Return what the build printed, for assertion messages."""
        return self.result.stdout + self.result.stderr


@pytest.fixture(scope="session")
def build_site(tmp_path_factory):
    """Return build_site(files, production=False, **settings) -> BuiltSite.

    `files` maps paths under content/ to text or bytes; data/categories.yml is
    written too (`categories=` another text, `data=` more files of data/).
    `production` builds with publishconf.py; other keywords are Pelican
    settings, passed with -e.
    """

    def build(
        files: dict[str, str | bytes],
        production: bool = False,
        *,
        categories: str = CATEGORIES,
        data: dict[str, str] | None = None,
        **settings,
    ) -> BuiltSite:
        root = write_site(tmp_path_factory.mktemp("site"), files, categories, data)
        return BuiltSite(root, run_pelican(root, production, **settings))

    return build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory, worker_id) -> Path:
    """Return output/ of the sample site built once per run by `invoke preview`.

    The production build at the public SITEURL, at SAMPLE_BUILD_EPOCH; every
    test worker uses the same build (the first to ask makes it, under a lock).
    Tests read it and never change it.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    folder = shared / "sample-site"
    outcome = folder / "outcome.json"
    with FileLock(str(shared / "sample-site.lock")):
        if not outcome.is_file():
            folder.mkdir(exist_ok=True)
            result = run_task(
                "preview",
                "--output",
                str(folder / "output"),
                source_date_epoch=SAMPLE_BUILD_EPOCH,
            )
            outcome.write_text(
                json.dumps({"code": result.returncode, "log": result.stderr}),
                encoding="utf-8",
            )
    built = json.loads(outcome.read_text(encoding="utf-8"))
    assert built["code"] == 0, built["log"]
    return folder / "output"


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def pytest_collection_modifyitems(items):
    """Hand out the `long` modules first, then those with the most tests.

    pytest-xdist (`invoke test`: --dist loadfile --no-loadscope-reorder)
    gives whole modules to the workers in this order. A long module (half a
    minute or more) started when the rest is nearly done would leave the
    other worker idle. Among the others, most tests first is xdist's own
    order: the quick loop measured 1.5 s faster so than slowest first by the
    last run's times.
    """
    tests = Counter(_module(item.nodeid) for item in items)
    items.sort(
        key=lambda item: (
            item.get_closest_marker("long") is None,
            -tests[_module(item.nodeid)],
        )
    )


def pytest_addoption(parser):
    """`invoke gates` points the browser tests at a build other than the sample's."""
    group = parser.getgroup("gates", "gates on a production build")
    group.addoption("--gates-output", help="the output/ folder to check")
    group.addoption("--gates-siteurl", help="the SITEURL it was built for")


@pytest.fixture(scope="session")
def published(request) -> Path:
    """Return the production build the gates and browser tests check.

    The sample site, or the folder `invoke gates` names (--gates-output).
    """
    given = request.config.getoption("--gates-output")
    return Path(given).resolve() if given else request.getfixturevalue("sample_site")


@pytest.fixture(scope="session")
def site_url(request) -> str:
    """Return the SITEURL of that build (publishconf.py's unless given)."""
    given = request.config.getoption("--gates-siteurl")
    if given:
        return given.rstrip("/")
    return read_settings(str(REPO / "publishconf.py"))["SITEURL"]


# The browser: Debian's Chromium, told that the site's public host is a server
# on 127.0.0.1 that answers with the published files (tests.support.public_address),
# so the very files to publish load, absolute URLs included.


@pytest.fixture(scope="session")
def public_address(site_url, tmp_path_factory):
    """Return the server (bound, not yet serving) Chromium takes for SITEURL's host."""
    address = PublicAddress(site_url, tmp_path_factory.mktemp("public-address"))
    yield address
    address.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, public_address):
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
    """Return reused_tab(script=None, **context_options): a shared tab, emptied first.

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
    """Return new_page(**context_options): a page whose SITEURL is served locally."""
    pages = []

    def open_page(**options):
        page = _contexts(options).new_page()
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()
