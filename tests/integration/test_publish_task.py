"""`invoke publish --to FOLDER`: build, gates, then a release; nothing else, ever.

One small site, published in steps as a library would: a first publish, one
with no change, one with a broken post, one a gate refuses, an edit (the
WebSub hub hears of the changed feeds), and a rollback.
"""

from __future__ import annotations

import hashlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from site_base.loopback import serve_in_thread
from tests.support import post, run_task, write_site

SITEURL = "https://thuvien.laocai.example"
# Each publish runs the gates in Chromium.
pytestmark = [pytest.mark.browser, pytest.mark.long]
GOOD = {
    "posts/2025/tin-mot/index.md": post(
        "title: Tin một\ndate: 2025-11-10\ncategory: hoat-dong-thu-vien"
    ),
}


def tree(folder: Path) -> dict[str, str]:
    """Return {path: digest} of everything under `folder`, links as their target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = "-> " + str(path.readlink())
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


class _Hub(BaseHTTPRequestHandler):
    received: list[dict[str, list[str]]] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers["Content-Length"])
        type(self).received.append(parse_qs(self.rfile.read(length).decode()))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *_args):
        pass


@pytest.fixture(scope="module")
def hub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hub)
    serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """The site's folder, the web folder it publishes to, and a publish command."""
    root = write_site(tmp_path_factory.mktemp("site"), GOOD)
    www = root / "www"

    def publish(*extra: str):
        return run_task(
            "publish",
            "--to",
            str(www),
            "--content",
            str(root / "content"),
            "--output",
            str(root / "output"),
            *extra,
        )

    return root, www, publish


@pytest.fixture(scope="module")
def first(library):
    _root, www, publish = library
    result = publish("--no-ping")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_first_publish_puts_the_whole_site_online(library, first):
    _root, www, _publish = library
    assert "Published release" in first.stdout
    assert (www / "current/2025/tin-mot/index.html").is_file()
    assert (www / "current/feeds/all.rss.xml").is_file()


def test_a_second_publish_with_no_change_sends_nothing(library, first):
    _root, www, publish = library
    before = tree(www)
    result = publish("--no-ping")
    assert result.returncode == 0, result.stderr
    assert "Nothing to publish" in result.stdout
    assert tree(www) == before


def test_a_broken_post_publishes_nothing(library, first):
    root, www, publish = library
    before = tree(www)
    broken = root / "content/posts/2025/hong/index.md"
    broken.parent.mkdir(parents=True)
    broken.write_text("---\ntitle: Hỏng\ndate: hôm qua\n---\nx\n", encoding="utf-8")
    try:
        result = publish("--no-ping")
    finally:
        broken.unlink()
        broken.parent.rmdir()
    assert result.returncode == 1
    assert "posts/2025/hong/index.md:3: error" in result.stderr
    assert tree(www) == before


def test_a_gate_that_fails_publishes_nothing(library, first):
    root, www, publish = library
    before = tree(www)
    post_file = root / "content/posts/2025/tin-mot/index.md"
    text = post_file.read_text("utf-8")
    post_file.write_text(text + "\n[Một liên kết hỏng](/khong-co-trang-nay/)\n")
    try:
        result = publish("--no-ping")
    finally:
        post_file.write_text(text, encoding="utf-8")
    assert result.returncode == 1
    shown = result.stdout + result.stderr
    assert "/khong-co-trang-nay/" in shown and "broken links" in shown
    assert tree(www) == before


def test_an_edit_is_published_and_the_hub_hears_of_its_feeds(library, first, hub):
    root, www, publish = library
    post_file = root / "content/posts/2025/tin-mot/index.md"
    post_file.write_text(
        post_file.read_text("utf-8") + "\nMột đoạn mới.\n", encoding="utf-8"
    )
    result = publish("--hub", hub)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Published release" in result.stdout
    assert "Một đoạn mới." in (www / "current/2025/tin-mot/index.html").read_text(
        "utf-8"
    )
    (form,) = _Hub.received
    assert f"{SITEURL}/feeds/all.rss.xml" in form["hub.url"]
    assert f"{SITEURL}/feeds/category/hoat-dong-thu-vien.atom.xml" in form["hub.url"]

    rollback = run_task("publish", "--to", str(www), "--rollback")
    assert rollback.returncode == 0, rollback.stderr
    assert "Một đoạn mới." not in (www / "current/2025/tin-mot/index.html").read_text(
        "utf-8"
    )
