"""Under livereload the page keeps its policy and still runs the reload script."""

from __future__ import annotations

import threading

import pytest
from livereload import Server

from site_base.loopback import free_port
from site_preview.app import PreviewApp
from site_preview.live_builds import LiveBuilds
from tests.support import REPO, post, write_site

pytestmark = pytest.mark.browser

GOOD = "title: Bài\ndate: 2025-11-06\ncategory: am-nhac"


def test_livereloads_script_runs_under_the_pages_policy(tmp_path, browser):
    site = write_site(tmp_path, {"posts/2025/bai/index.md": post(GOOD)})
    output = site / "output"
    arguments = [str(site / "content"), "-s", str(REPO / "pelicanconf.py")]
    app = PreviewApp(output, REPO / "theme", "vi")
    builds = LiveBuilds([*arguments, "-o", str(output)], app, print, print)
    assert builds.build()
    builds.stop()
    port = free_port()
    server = Server(app=app)
    threading.Thread(
        target=server.serve,
        kwargs={"host": "127.0.0.1", "port": port, "debug": False},
        daemon=True,
    ).start()
    page = browser.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security" in m.text else None,
    )
    for _attempt in range(50):
        try:
            page.goto(f"http://127.0.0.1:{port}/2025/bai/")
            break
        except Exception:  # noqa: BLE001 (the server is starting)
            page.wait_for_timeout(100)
    # livereload.js loaded and connected: it defines window.LiveReload.
    page.wait_for_function("() => window.LiveReload !== undefined", timeout=10_000)
    assert refused == []
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    page.close()
