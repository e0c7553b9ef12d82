"""livereload's rebuilds see edited plugins and settings, and reload at the first page."""

from __future__ import annotations

import json
import time

from site_preview.app import PreviewApp
from site_preview.live_builds import LiveBuilds
from site_preview.protocol import LIVE_SETTINGS, page_written
from tests.support import REPO, post, run_pelican, write_site

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
PAGE_METADATA = {{**_base.PAGE_METADATA, "locales": {{"vi": "{locale}"}}}}
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
    builds = live_builds(arguments, output)
    for value, locale in (("first", "vi_VN"), ("second", "vi_VN_probe")):
        plugin.write_text(PROBE.format(value=value), encoding="utf-8")
        settings.write_text(
            SETTINGS.format(base=BASE, plugins=plugin.parent, locale=locale),
            encoding="utf-8",
        )
        assert builds.build()
        home = (output / "index.html").read_text(encoding="utf-8")
        seen.append(
            (
                (output / "probe.txt").read_text(encoding="utf-8"),
                f'content="{locale}"' in home,
            )
        )
    builds.stop()
    assert seen == [("first", True), ("second", True)]


def live_builds(arguments, output, reloads=None):
    """Return the live preview's builds of `arguments`, reloads noted in `reloads`."""
    reloads = [] if reloads is None else reloads
    app = PreviewApp(output, REPO / "theme", "vi")
    return LiveBuilds(arguments, app, reloads.append, lambda: reloads.append("failed"))


def posts_site(tmp_path, count: int = 3):
    """Write a site of `count` posts, bai-1 to bai-<count>, one a day of November."""
    front = "title: {title}\ndate: 2025-11-{day:02d}\ncategory: am-nhac"
    files = {
        f"posts/2025/bai-{n}/index.vi.md": post(front.format(title=f"Bài {n}", day=n))
        for n in range(1, count + 1)
    }
    return write_site(tmp_path, files)


def live_arguments(site):
    """Return the live preview's build arguments for `site`."""
    arguments = [str(site / "content"), "-s", str(BASE), "-o", str(site / "output")]
    live = [f"{key}={json.dumps(value)}" for key, value in LIVE_SETTINGS.items()]
    return [*arguments, "-e", *live]


def test_the_browser_reloads_when_the_edited_post_is_written(tmp_path):
    site = posts_site(tmp_path)
    output = site / "output"
    arguments = live_arguments(site)
    reloads: list = []
    builds = live_builds(arguments, output, reloads)
    try:
        assert builds.build()
        reloads.clear()
        text = site / "content/posts/2025/bai-2/index.vi.md"
        text.write_text(text.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
        assert builds.build()
    finally:
        builds.stop()
    # The post's page first, as soon as it is written; no reload at the end,
    # since no other page changed.
    assert reloads == ["2025/bai-2/index.html"]


def test_a_live_build_writes_the_edited_post_before_any_other_page(tmp_path):
    site = posts_site(tmp_path)
    assert run_pelican(site).returncode == 0
    # The oldest post, which Pelican writes last; a new title changes the
    # home page, its category's page and its neighbours' pages too.
    text = site / "content/posts/2025/bai-1/index.vi.md"
    text.write_text(text.read_text("utf-8").replace("Bài 1", "Bài một"), "utf-8")
    live = run_pelican(site, **LIVE_SETTINGS)
    assert live.returncode == 0, live.stderr
    said = [page_written(line) for line in live.stdout.splitlines()]
    written = [page for page, _edited in filter(None, said)]
    assert written[0] == "2025/bai-1/index.html"
    assert [page for page, edited in filter(None, said) if edited] == [written[0]]
    assert written.count("2025/bai-1/index.html") == 1  # rendered again: same bytes
    assert "index.html" in written[1:]
    assert "Bài một" in (site / "output/2025/bai-1/index.html").read_text("utf-8")


def test_a_post_edited_during_a_build_is_shown_before_that_build_ends(tmp_path):
    site = posts_site(tmp_path, 28)
    output = site / "output"
    arguments = live_arguments(site)
    reloads: list = []
    builds = live_builds(arguments, output, reloads)

    def append(number, words):
        text = site / f"content/posts/2025/bai-{number}/index.vi.md"
        text.write_text(text.read_text("utf-8") + f"\n{words}\n", "utf-8")

    try:
        assert builds.build()  # its process keeps the site it built
        append(1, "Câu thứ nhất.")
        builds.request()  # a build starts (the first edit shown at once)
        time.sleep(0.1)
        append(2, "Câu thứ hai.")
        builds.request()  # during that build
        shown_during_build = False
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and builds.running:
            if "2025/bai-2/index.html" in reloads:
                shown_during_build = True
                break
            time.sleep(0.01)
        while builds.running and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        builds.stop()
    assert shown_during_build
    page = (output / "2025/bai-2/index.html").read_text("utf-8")
    assert "Câu thứ hai." in page
