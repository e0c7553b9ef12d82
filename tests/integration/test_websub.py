"""WebSub: the feeds that changed between two builds, and the ping a hub receives."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from site_base.loopback import serve_in_thread
from site_feeds.websub import WebSubError, changed_feeds, ping_hub
from tests.support import post

SITEURL = "https://thuvien.laocai.example"
BUILD_TIME = "2025-11-20T12:00:00+07:00"
BEFORE = {
    "posts/2025/mot/index.md": post(
        "title: Một\ndate: 2025-11-01\ncategory: am-nhac\ntags: [nhạc]"
    ),
    "posts/2025/hai/index.md": post(
        "title: Hai\ndate: 2025-11-02\ncategory: hoat-dong-thu-vien"
    ),
}
AFTER = {
    **BEFORE,
    "posts/2025/ba/index.md": post(
        "title: Ba\ndate: 2025-11-03\ncategory: hoat-dong-thu-vien"
    ),
}


@pytest.fixture(scope="module")
def builds(build_site):
    before = build_site(BEFORE, production=True, BUILD_TIME=BUILD_TIME)
    after = build_site(AFTER, production=True, BUILD_TIME=BUILD_TIME)
    assert before.ok and after.ok, before.log + after.log
    return before.output, after.output


class _Hub(BaseHTTPRequestHandler):
    """A hub on 127.0.0.1 that records each publish notification."""

    received: list[dict[str, list[str]]] = []
    status = 204

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers["Content-Length"])
        type(self).received.append(parse_qs(self.rfile.read(length).decode()))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *_args):
        pass


@pytest.fixture
def hub():
    _Hub.received = []
    _Hub.status = 204
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hub)
    serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/hub", _Hub
    server.shutdown()


def test_only_the_feeds_that_changed_are_listed(builds):
    before, after = builds
    changed = changed_feeds(before, after, SITEURL)
    assert f"{SITEURL}/feeds/all.rss.xml" in changed
    assert f"{SITEURL}/feeds/all.json" in changed
    assert f"{SITEURL}/feeds/category/hoat-dong-thu-vien.atom.xml" in changed
    assert f"{SITEURL}/feeds/category/am-nhac.rss.xml" not in changed
    assert f"{SITEURL}/feeds/tag/nhac.rss.xml" not in changed
    assert changed_feeds(after, after, SITEURL) == []
    assert len(changed_feeds(None, after, SITEURL)) > len(changed)


def test_the_hub_receives_one_publish_notification_naming_them(builds, hub):
    address, handler = hub
    changed = changed_feeds(*builds, SITEURL)
    assert ping_hub(address, changed) == 204
    (form,) = handler.received
    assert form["hub.mode"] == ["publish"]
    assert form["hub.url"] == changed
    assert ping_hub(address, []) == 0
    assert len(handler.received) == 1


def test_a_hub_that_refuses_the_ping_is_a_clear_error(builds, hub):
    address, handler = hub
    handler.status = 500
    with pytest.raises(WebSubError, match=r"the WebSub hub http://127\.0\.0\.1"):
        ping_hub(address, changed_feeds(*builds, SITEURL))
