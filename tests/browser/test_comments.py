"""Comments in Chromium with a real Isso: posted, held, approved, then seen and counted.

A small site built for production with COMMENTS naming an Isso started on
127.0.0.1 (temporary database), served as a host would serve it, with its
Content-Security-Policy as a header too.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from site_base.loopback import free_port
from site_comments.local import local_comments
from site_gates.gates.checks import axe_violations
from site_preview.static_server import serve
from tests.support import jpeg, post
from tests.support.comments import moderate, new_comment

pytestmark = pytest.mark.browser

POST = "/2025/dem-tho/"
PHONE = {"width": 390, "height": 844}
FILES = {
    "posts/2025/dem-tho/index.md": post(
        "title: Đêm thơ mùa đông\ndate: 2025-11-06\ncategory: am-nhac\n"
        "summary: Đêm thơ ở thư viện.\ncover: anh.jpg\ncover_alt: Đêm thơ",
        "Đoạn một.\n\n" * 40,
    ),
    "posts/2025/dem-tho/anh.jpg": jpeg(800, 500),
    "posts/2025/dem-tho/index.en.md": post(
        "title: A winter poetry night\nsummary: Poems at the library."
    ),
}
# Every refusal of the page's policy, from the start.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
window.__dialogs = 0;
window.alert = () => { window.__dialogs += 1; };
"""


@pytest.fixture(scope="module")
def site(build_site, tmp_path_factory):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    folder = tmp_path_factory.mktemp("comments")
    with local_comments(folder, [origin], rate_limit=1000) as isso:
        built = build_site(
            FILES, production=True, SITEURL=origin, COMMENTS=isso.address
        )
        assert built.ok, built.log
        server, _ = serve(built.output, port)
        yield origin, isso
        server.shutdown()


@pytest.fixture
def reader(browser):
    """Return reader(): a new reader (a browser context of their own) on a phone."""
    contexts = []

    def new_reader(**options):
        context = browser.new_context(viewport=PHONE, **options)
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(LISTEN)
        return page

    yield new_reader
    for context in contexts:
        context.close()


def open_thread(page, url: str) -> None:
    """Open the post and go down to its comments, as a reader scrolls."""
    page.goto(url, wait_until="networkidle")
    page.locator("#comments").scroll_into_view_if_needed()
    page.wait_for_selector(".isso-postbox")
    page.wait_for_load_state("networkidle")


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_a_comment_is_held_until_a_moderator_approves_it_then_shown_and_counted(
    site, reader
):
    origin, isso = site
    writer = reader()
    asked: list[str] = []
    writer.on("request", lambda request: asked.append(request.url))
    writer.goto(origin + POST, wait_until="networkidle")
    # Before the reader comes near the thread: the count alone, no cookie.
    assert [url for url in asked if url.startswith(isso.address)] == [
        f"{isso.address}count"
    ]
    assert writer.context.cookies() == []
    open_thread(writer, origin + POST)
    writer.get_by_label("Bình luận của bạn").fill(
        "Đêm thơ thật đáng nhớ, cảm ơn thư viện!"
    )
    writer.get_by_label("Tên của bạn").fill("Nguyễn Văn An")
    writer.get_by_role("button", name="Gửi bình luận").click()
    own = writer.locator(".isso-comment[id^=isso-]")
    expect(own).to_contain_text("Bình luận sẽ hiện ra sau khi chúng tôi đọc duyệt")
    assert writer.context.cookies()  # Isso's, to edit it a few minutes

    other = reader()
    open_thread(other, origin + POST)
    expect(other.locator(".isso-comment[id^=isso-]")).to_have_count(0)
    expect(other.locator("#comments-heading")).to_have_text("Bình luận")

    moderator = reader()
    moderator.goto(isso.admin)
    moderator.locator("input[name=password]").fill(isso.password)
    moderator.keyboard.press("Enter")
    with moderator.expect_response(lambda answer: "/activate/" in answer.url) as done:
        moderator.get_by_text("Validate").click()
    assert done.value.ok

    later = reader()
    open_thread(later, origin + POST)
    comment = later.locator(".isso-comment[id^=isso-]")
    expect(comment).to_contain_text("Đêm thơ thật đáng nhớ, cảm ơn thư viện!")
    expect(comment).to_contain_text("Nguyễn Văn An")
    expect(later.locator("#comments-heading")).to_have_text("Bình luận (1)")
    expect(later.locator(".post__byline [data-comments-thread]")).to_have_text(
        "Bình luận (1)"
    )
    later.goto(origin + "/", wait_until="networkidle")
    expect(later.locator(".card__meta [data-comments-thread]").first).to_have_text(
        "Bình luận (1)"
    )
    for page in (writer, other, later):
        assert violations(page) == []


def test_a_comment_full_of_html_is_shown_as_text(site, reader):
    origin, isso = site
    text = "<b>đậm</b> <script>alert(1)</script> <img src=x onerror=alert(2)>"
    thread = "/en" + POST
    status, _, body = new_comment(isso, thread, origin, text=text)
    assert status == 202
    moderate(isso, json.loads(body)["id"])
    page = reader()
    open_thread(page, origin + thread)
    shown = page.locator(".isso-comment[id^=isso-] .isso-text")
    expect(shown).to_have_text(text)
    assert shown.locator("b, script, img").count() == 0
    assert page.evaluate("window.__dialogs") == 0
    # The English page's thread speaks English.
    expect(page.get_by_role("button", name="Send")).to_be_visible()


def test_the_form_is_labelled_and_keyboard_usable(site, reader):
    origin, _isso = site
    page = reader(bypass_csp=True)  # axe is injected as a script
    open_thread(page, origin + POST)
    assert axe_violations(page) == []
    page.get_by_label("Tên của bạn").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == page.get_by_label(
        "Bình luận của bạn"
    ).get_attribute("id")
    page.keyboard.type("Gõ bằng bàn phím thôi.")
    page.keyboard.press("Tab")
    page.keyboard.type("Trần Thị Bình")
    page.get_by_role("button", name="Gửi bình luận").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".isso-comment[id^=isso-]").last).to_contain_text(
        "Gõ bằng bàn phím thôi."
    )


def test_without_a_server_the_page_says_comments_without_a_count(site, reader):
    origin, _isso = site
    page = reader()
    page.route("**/count", lambda route: route.abort())
    page.goto(origin + POST, wait_until="networkidle")
    expect(page.locator(".post__byline [data-comments-thread]")).to_have_text(
        "Bình luận"
    )
    assert violations(page) == []
