"""Fixtures every test may use: small sites built in temporary folders, and the
repository's sample site built once for the whole run."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from tests.support import CATEGORIES, run_pelican, run_task, write_site

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
