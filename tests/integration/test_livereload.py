"""livereload's rebuilds see edited plugins and settings (a fresh process each)."""

from __future__ import annotations

from tasks import build_in_fresh_process
from tests.support import REPO, post, write_site

BASE = REPO / "pelicanconf.py"

PROBE = '''"""A plugin that writes its VALUE into output/, to see which version ran."""
from pathlib import Path

from pelican import signals

VALUE = "{value}"


def write_value(pelican):
    Path(pelican.output_path, "probe.txt").write_text(VALUE, encoding="utf-8")


def register():
    signals.finalized.connect(write_value)
'''

SETTINGS = """from pelican.settings import load_source

_base = load_source("pelicanconf", "{base}")
globals().update({{k: v for k, v in vars(_base).items() if k.isupper()}})
PLUGIN_PATHS = ["{plugins}"]
PLUGINS = [*_base.PLUGINS, "livereload_probe"]
SITENAME = "{sitename}"
"""


def test_a_rebuild_runs_the_plugin_and_settings_as_edited(tmp_path):
    front = """
        title: Bài
        date: 2025-11-06
        category: am-nhac
        """
    site = write_site(tmp_path, {"posts/2025/bai/index.md": post(front)})
    plugin = tmp_path / "plugins" / "livereload_probe.py"
    plugin.parent.mkdir()
    settings = tmp_path / "settings.py"
    output = site / "output"
    arguments = [str(site / "content"), "-s", str(settings), "-o", str(output)]
    seen = []
    for value, sitename in (("first", "Trang một"), ("second", "Trang hai")):
        plugin.write_text(PROBE.format(value=value), encoding="utf-8")
        settings.write_text(
            SETTINGS.format(base=BASE, plugins=plugin.parent, sitename=sitename),
            encoding="utf-8",
        )
        assert build_in_fresh_process(arguments)[0]
        home = (output / "index.html").read_text(encoding="utf-8")
        seen.append(
            ((output / "probe.txt").read_text(encoding="utf-8"), sitename in home)
        )
    assert seen == [("first", True), ("second", True)]
