"""The reader reads only what the build's content check vouched for."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

from content_model.categories import Categories
from content_model.checker import SiteCheck
from content_model.config import load_settings
from content_model.problems import ProblemList
from content_model.reader import BundleReader
from tests.support import REPO


def test_a_file_the_check_never_saw_stops_the_build_with_a_clear_message(
    tmp_path, capsys
):
    settings = read_settings(str(REPO / "pelicanconf.py"))
    cfg = load_settings(settings)
    check = SiteCheck(cfg, Categories((), "vi"), {}, ProblemList())
    reader = BundleReader(settings, check)
    with pytest.raises(SystemExit) as stop:
        reader.read(str(tmp_path / "index.md"))
    assert stop.value.code == 1
    message = capsys.readouterr().err
    assert "index.md: error: this file appeared while the site was being built" in (
        message
    )
    assert "Traceback" not in message
