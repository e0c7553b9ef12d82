"""What the repository's tests and the gates they run share.

The gates' pytest plugin (site_gates.plugin: the build under check, its
address, the browser) for every test, and the sample site's production
build, made once per run, which the gates and the browser tests check
unless `--gates-output` names another build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from filelock import FileLock

from tests.support import SAMPLE_BUILD_EPOCH, run_task

pytest_plugins = ["site_gates.plugin"]


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


@pytest.fixture(scope="session")
def gates_default_build(sample_site) -> Path:
    """Return the build the gates and browser tests check unless told another."""
    return sample_site
