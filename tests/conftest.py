"""Fixtures every test may use: small sites built in temporary folders, and the
repository's sample site built once for the whole run."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support import CATEGORIES, run_pelican, write_site

# Property tests run the same examples on every run (CI must not pass or fail
# by chance) and keep no database in the tree; HYPOTHESIS_PROFILE=explore
# tries new ones at each run.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# Tests read content problems in English, the messages' source language
# (the tests of the writers' Vietnamese set SITE_MESSAGES_LANG themselves).
os.environ["SITE_MESSAGES_LANG"] = "en"


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
