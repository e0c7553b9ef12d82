"""The share bar in Chromium: the phone's share sheet, copy with a confirmation,
plain links to Zalo and Facebook; nothing asked of either before the tap."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from site_gates.browser import open_loaded

pytestmark = pytest.mark.browser

ARTICLE = "/2025/hoi-nghi-ban-doc-2025/"
PHONE = {"width": 390, "height": 844}
NETWORKS = ("zalo", "facebook", "fbcdn", "zdn.vn")
# Chromium on Linux has no share sheet: the phone's is stood in for here.
SHARE_SHEET = """
window.__shared = [];
Object.defineProperty(navigator, 'share', {value: data => {
    window.__shared.push({title: data.title, url: data.url});
    return Promise.resolve();
}});
"""


def canonical(page) -> str:
    return page.locator("link[rel=canonical]").get_attribute("href")


def from_networks(asked: list[str]) -> list[str]:
    return [
        url for url in asked if any(host in urlsplit(url).netloc for host in NETWORKS)
    ]


def test_the_share_sheet_gets_the_pages_title_and_address(new_page, site_url):
    page = new_page(viewport=PHONE)
    page.add_init_script(SHARE_SHEET)
    open_loaded(page, site_url + ARTICLE)
    button = page.get_by_role("button", name="Chia sẻ", exact=True)
    # The keyboard reaches it and presses it, as a finger would.
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__shared.length > 0")
    shared = page.evaluate("window.__shared")
    title = page.locator("h1").inner_text()
    assert shared == [{"title": title, "url": canonical(page)}]


def test_without_a_share_sheet_its_button_stays_hidden(reused_tab, site_url):
    page = reused_tab(viewport=PHONE)
    open_loaded(page, site_url + ARTICLE)
    assert page.evaluate("typeof navigator.share") == "undefined"
    expect(page.locator("[data-share-native]")).to_be_hidden()
    expect(page.get_by_role("link", name="Chia sẻ lên Zalo")).to_be_visible()


def test_copy_link_puts_the_address_on_the_clipboard_and_says_so(new_page, site_url):
    page = new_page(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    open_loaded(page, site_url + ARTICLE)
    page.get_by_role("button", name="Chép liên kết").click()
    expect(page.get_by_role("status")).to_have_text("Đã chép liên kết.")
    assert page.evaluate("navigator.clipboard.readText()") == canonical(page)


def test_the_english_page_says_it_in_english(new_page, site_url):
    page = new_page(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    open_loaded(page, site_url + "/en" + ARTICLE)
    expect(page.get_by_role("heading", name="Share this page")).to_be_visible()
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status")).to_have_text("Link copied.")


def test_zalo_and_facebook_get_the_address_only_when_tapped(new_page, site_url):
    page = new_page(viewport={"width": 1280, "height": 900})
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    # The networks answer from here: the test needs no network.
    page.route(
        "https://zalo.me/**",
        lambda route: route.fulfill(content_type="text/html", body="<p>Zalo</p>"),
    )
    open_loaded(page, site_url + ARTICLE)
    assert from_networks(asked) == []
    address = canonical(page)
    zalo = page.get_by_role("link", name="Chia sẻ lên Zalo")
    facebook = page.get_by_role("link", name="Chia sẻ lên Facebook")
    zalo_link = urlsplit(zalo.get_attribute("href"))
    facebook_link = urlsplit(facebook.get_attribute("href"))
    assert (zalo_link.netloc, parse_qs(zalo_link.query)["url"]) == (
        "zalo.me",
        [address],
    )
    assert (facebook_link.netloc, parse_qs(facebook_link.query)["u"]) == (
        "www.facebook.com",
        [address],
    )
    zalo.click()
    page.wait_for_url("https://zalo.me/**")
    assert parse_qs(urlsplit(page.url).query)["url"] == [address]
