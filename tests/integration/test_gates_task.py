"""`invoke gates` on a build broken on purpose fails, naming the page and the rule."""

from __future__ import annotations

import re
import shutil

import pytest

from site_gates.gates.pages import pages_by_type
from tests.support import local_file, run_task

SITEURL = "https://thuvien.laocai.example"
pytestmark = pytest.mark.browser  # the gates run in Chromium


@pytest.fixture(scope="module")
def broken(sample_site, tmp_path_factory):
    """A copy of the sample build where one photo of a post went missing."""
    output = tmp_path_factory.mktemp("broken") / "output"
    shutil.copytree(sample_site, output)
    path = pages_by_type(output)["post"]
    html = (output / path / "index.html").read_text("utf-8")
    photo = re.search(r'<img [^>]*src="([^"]+)"', html).group(1)
    local_file(output, SITEURL, photo).unlink()
    return output, path, photo


def test_a_missing_photo_fails_the_gates_naming_page_and_rule(broken):
    output, path, photo = broken
    result = run_task("gates", "--output", str(output), "--select", "post and 390")
    shown = result.stdout + result.stderr
    assert result.returncode == 1, shown
    assert f"/{path} at 390 px:" in shown
    assert f"image missing: {photo}" in shown
    assert "Gates failed: the pages and rules are listed above." in shown


def test_gates_refuse_a_folder_without_a_build(tmp_path):
    result = run_task("gates", "--output", str(tmp_path))
    assert result.returncode == 1
    assert "holds no built site: run `invoke preview` first" in result.stderr
