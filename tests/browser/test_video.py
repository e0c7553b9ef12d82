"""A video in Chromium: nothing from the host until play; then its player, in place."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from site_preview.static_server import serve
from tests.support import post

pytestmark = pytest.mark.browser

FRONT = "title: Đêm nhạc\ndate: 2025-11-06\ncategory: am-nhac"
HOSTS = ("youtube", "ytimg", "facebook", "fbcdn", "google")


@pytest.fixture(scope="module")
def video_site(build_site):
    built = build_site(
        {
            "posts/2025/dem-nhac/index.md": post(
                FRONT,
                "Đoạn đầu.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
                "*Trích đoạn đêm nhạc.*\n\n"
                "https://www.facebook.com/baolaocai/videos/1234567890/",
            )
        }
    )
    assert built.ok, built.log
    # Served as a host would: the Content-Security-Policy as a header too.
    server, url = serve(built.output)
    yield f"{url}/2025/dem-nhac/"
    server.shutdown()


@pytest.fixture
def video_page(browser, video_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.add_init_script(
        "window.__violations = []; document.addEventListener("
        "'securitypolicyviolation', e => window.__violations.push(e.blockedURI))"
    )

    def player(route):
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    # The players' hosts answer from here: the test needs no network.
    page.route("https://www.youtube-nocookie.com/**", player)
    page.route("https://www.facebook.com/**", player)
    page.goto(video_site, wait_until="networkidle")
    yield page, asked
    context.close()


def from_hosts(asked: list[str]) -> list[str]:
    return [url for url in asked if any(host in url for host in HOSTS)]


def test_the_page_asks_nothing_of_the_video_hosts_before_play(video_page):
    page, asked = video_page
    page.mouse.wheel(0, 2000)  # lazy posters and anything else come into view
    page.wait_for_timeout(300)
    assert from_hosts(asked) == []
    assert page.locator("iframe").count() == 0


def test_pressing_play_loads_the_no_cookie_player_in_place(video_page):
    page, asked = video_page
    link = page.get_by_role(
        "link", name="Phát video trên YouTube: Trích đoạn đêm nhạc."
    )
    # The player's own request is awaited: the iframe is in the page before
    # Chromium asks for its document.
    with page.expect_request("https://www.youtube-nocookie.com/**"):
        link.click()
    frame = page.locator("figure.video--youtube iframe.video__frame")
    frame.wait_for()
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    assert frame.get_attribute("title") == "Trích đoạn đêm nhạc."
    page.wait_for_load_state("networkidle")
    assert from_hosts(asked) == [
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    ]
    # Focus moves to the player, so keyboard readers go on from there.
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    # The other video still waits for its own press.
    assert page.locator("figure.video--facebook a.video__link").count() == 1
    # The page's policy lets the player in (and nothing else was refused).
    assert page.evaluate("() => window.__violations") == []


def test_enter_on_the_focused_player_plays_the_facebook_video(video_page):
    page, asked = video_page
    page.locator("figure.video--facebook a.video__link").focus()
    with page.expect_request("https://www.facebook.com/plugins/video.php**"):
        page.keyboard.press("Enter")
    page.locator("figure.video--facebook iframe").wait_for()
    assert [url.split("?")[0] for url in from_hosts(asked)] == [
        "https://www.facebook.com/plugins/video.php"
    ]
    assert page.evaluate("() => window.__violations") == []


def test_without_javascript_the_player_is_a_link_to_the_video(browser, video_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route("https://www.youtube.com/**", lambda route: route.fulfill(body="yt"))
    page.goto(video_site)
    page.locator("figure.video--youtube a.video__link").click()
    expect(page, "the player without JavaScript should open the video").to_have_url(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    context.close()
