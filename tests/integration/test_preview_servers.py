"""The writer's previews: a free port when 8000 is busy, problems shown in the browser."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from livereload import Server

from site_base.loopback import free_port, pick_port
from site_preview.app import PreviewApp
from site_preview.live_builds import LiveBuilds
from tests.support import REPO, post, write_site

GOOD = "title: Bài\ndate: 2025-11-06\ncategory: am-nhac"


def test_a_busy_port_gives_way_to_a_free_one():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        port = pick_port("127.0.0.1", busy)
    assert port != busy and port > 0
    free = free_port()
    assert pick_port("127.0.0.1", free) == free


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (127.0.0.1)
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, seconds: float = 10) -> tuple[int, str]:
    """Return get(url) once something answers there."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return get(url)
        except OSError:
            time.sleep(0.02)
    pytest.fail(f"nothing answered at {url} within {seconds:.0f} s")


def test_a_failed_build_shows_its_problems_on_the_open_page_then_the_page(tmp_path):
    site = write_site(tmp_path, {"posts/2025/bai/index.md": post(GOOD)})
    output = site / "output"
    arguments = [str(site / "content"), "-s", str(REPO / "pelicanconf.py")]
    arguments += ["-o", str(output)]
    app = PreviewApp(output, REPO / "theme", "vi")
    builds = LiveBuilds(arguments, app, lambda _page: None, lambda: None)
    assert builds.build()
    server = Server(app=app)
    port = free_port()
    thread = threading.Thread(
        target=server.serve,
        kwargs={"host": "127.0.0.1", "port": port, "debug": False},
        daemon=True,
    )
    thread.start()
    page = f"http://127.0.0.1:{port}/2025/bai/"
    wait_for(page)
    status, text = get(page)
    assert status == 200 and "<h1" in text and "livereload.js" in text

    post_file = site / "content/posts/2025/bai/index.md"
    post_file.write_text(post(GOOD.replace("date: 2025-11-06", "date: ngày 6")))
    assert not builds.build()
    status, text = get(page)
    assert "Chưa dựng được trang" in text
    assert "posts/2025/bai/index.md:3" in text and "livereload.js" in text
    assert 'name="viewport"' in text  # readable on a phone

    post_file.write_text(post(GOOD))
    assert builds.build()
    status, text = get(page)
    assert status == 200 and "Chưa dựng được trang" not in text

    # A draft with a problem does not stop the preview; its address says why
    # it is not there.
    draft = site / "content/posts/2025/nhap/index.md"
    draft.parent.mkdir()
    draft.write_text(post("title: Nháp\ndate: 2025-11-07\ncategory:\nstatus: draft"))
    assert builds.build()
    builds.stop()
    assert get(page)[0] == 200
    status, text = get(f"http://127.0.0.1:{port}/drafts/nhap/")
    assert status == 404
    assert "Trang này chưa có trong bản xem thử" in text
    # The build's own words (the tests' builds speak English).
    assert "posts/2025/nhap/index.md:4: warning: &#x27;category&#x27; is empty" in text
    assert "this draft is left out of the site" in text


def test_preview_serve_builds_for_a_local_address_and_serves_it(tmp_path):
    site = write_site(tmp_path, {"posts/2025/bai/index.md": post(GOOD)})
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "invoke",
        "preview",
        "--serve",
        "--port",
        str(port),
        "--content",
        str(site / "content"),
        "--output",
        str(site / "output"),
    ]
    # Started as a script starts a job in the background: ignoring Ctrl+C.
    process = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # noqa: PLW1509
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        status, text = wait_for(home, seconds=30)
        assert status == 200
        stylesheet = re.search(r'rel="stylesheet"[^>]* href="([^"]+)"', text)[1]
        assert stylesheet.startswith(home)  # styles load from this address
        assert get(stylesheet)[0] == 200
        # Ctrl+C stops it, in a word and without a traceback.
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
        assert process.returncode == 0, err
        assert "Stopped." in out  # the tests run in English
        assert "Traceback" not in err
    finally:
        process.kill()
        process.wait(timeout=10)


def test_the_live_preview_answers_only_for_this_computer_and_its_folder(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<p>nháp</p>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (output / "link.txt").symlink_to(tmp_path / "secret.txt")
    app = PreviewApp(output, REPO / "theme", "vi")

    def answer(path: str, host: str) -> tuple[str, bytes]:
        said = []
        environ = {"PATH_INFO": path, "HTTP_HOST": host, "SERVER_PORT": "8000"}
        body = b"".join(app(environ, lambda status, _headers: said.append(status)))
        return said[0], body

    assert answer("/", "127.0.0.1:8000") == ("200 OK", b"<p>nh\xc3\xa1p</p>")
    assert answer("/", "evil.example:8000")[0] == "403 Forbidden"
    assert answer("/", "127.0.0.1:9999")[0] == "403 Forbidden"
    assert answer("/link.txt", "127.0.0.1:8000")[0] == "404 Not Found"
    assert answer("/../secret.txt", "127.0.0.1:8000")[0] == "404 Not Found"
