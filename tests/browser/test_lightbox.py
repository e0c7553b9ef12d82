"""The PhotoSwipe lightbox on the model article: click, keys, caption, Esc, focus."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from site_gates.browser import open_loaded

pytestmark = pytest.mark.browser

ARTICLE = "/2025/hoi-nghi-ban-doc-2025/"


@pytest.fixture
def article(reused_tab, site_url):
    page = reused_tab(viewport={"width": 1024, "height": 800})
    open_loaded(page, site_url + ARTICLE)
    return page


def open_photo(page, index: int):
    link = page.locator("a.photo-link").nth(index)
    link.click()
    page.wait_for_selector("[data-lightbox-state=open]")
    return link


def current_slide_image(page) -> str:
    """Return the full image of the shown slide (not the thumbnail placeholder)."""
    selector = (
        '.pswp__item[aria-hidden="false"] img.pswp__img:not(.pswp__img--placeholder)'
    )
    page.wait_for_selector(selector)
    return page.locator(selector).get_attribute("src")


def counter_shows(page, text: str) -> None:
    expect(
        page.locator(".pswp__counter"), f"the lightbox's counter should say {text}"
    ).to_have_text(text)


def test_click_opens_the_large_photo(article):
    link = open_photo(article, 0)
    assert current_slide_image(article) == link.get_attribute("href")


def test_caption_and_credit_show_in_the_lightbox(article):
    open_photo(article, 2)
    caption = article.locator('.pswp__item[aria-hidden="false"] .pswp__dynamic-caption')
    text = caption.inner_text()
    assert "Giám đốc Thư viện tỉnh phát biểu khai mạc hội nghị." in text
    assert "Ảnh: ảnh minh hoạ, không chụp tại hội nghị (Ian Hex" in text


def test_the_backdrop_is_opaque_and_a_phones_caption_on_a_solid_ground(
    reused_tab, site_url
):
    page = reused_tab(viewport={"width": 390, "height": 844})
    open_loaded(page, site_url + ARTICLE)
    open_photo(page, 2)
    assert page.eval_on_selector(".pswp__bg", "e => getComputedStyle(e).opacity") == "1"
    # On a phone the caption lies over the photo: on a ground of its own.
    caption = page.locator('.pswp__item[aria-hidden="false"] .pswp__dynamic-caption')
    expect(caption).to_have_class(re.compile("pswp__dynamic-caption--mobile"))
    ground = caption.evaluate("e => getComputedStyle(e).backgroundColor")
    assert ground.startswith("rgba(0, 0, 0, ") and float(ground[14:-1]) >= 0.85


def test_arrow_keys_move_between_photos(article):
    open_photo(article, 0)
    counter_shows(article, "1 / 12")
    article.keyboard.press("ArrowRight")
    counter_shows(article, "2 / 12")
    article.keyboard.press("ArrowLeft")
    counter_shows(article, "1 / 12")


def test_escape_closes_and_focus_returns_to_the_photo(article):
    link = open_photo(article, 3)
    article.keyboard.press("Escape")
    article.wait_for_selector("[data-lightbox-state]", state="detached")
    article.wait_for_selector(".pswp", state="detached")
    focused = article.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == link.get_attribute("href")


def test_keyboard_opens_the_lightbox(article):
    article.locator("a.photo-link").first.focus()
    article.keyboard.press("Enter")
    expect(
        article.locator("[data-lightbox-state=open]"),
        "Enter on a focused photo should open the lightbox",
    ).to_have_count(1)


def test_without_javascript_a_photo_links_to_its_large_version(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + ARTICLE)
    href = page.locator("a.photo-link").first.get_attribute("href")
    response = page.goto(href)
    assert response.ok and response.headers["content-type"] == "image/jpeg"


def test_script_loads_only_on_pages_with_photos(new_page, site_url):
    page = new_page()
    lightbox = "script[type=module][src*='/lightbox.']"
    page.goto(site_url + "/gioi-thieu/")
    assert page.locator(lightbox).count() == 0
    page.goto(site_url + ARTICLE)
    assert page.locator(lightbox).count() == 1


def test_nothing_of_the_lightbox_loads_before_a_photo_is_opened(new_page, site_url):
    page = new_page(viewport={"width": 390, "height": 844})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    assert not [url for url in requested if "photoswipe" in url]
    render_blocking = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].length"
    )
    assert render_blocking == 1  # the site's own stylesheet only
    open_photo(page, 0)
    loaded = [url for url in requested if "photoswipe" in url]
    assert any(url.endswith(".css") for url in loaded)
    assert any("photoswipe-lightbox" in url for url in loaded)


def test_the_lightbox_shows_the_format_the_page_shows(article):
    open_photo(article, 0)
    selector = (
        '.pswp__item[aria-hidden="false"] img.pswp__img:not(.pswp__img--placeholder)'
    )
    article.wait_for_function(
        "s => (document.querySelector(s) || {}).currentSrc", arg=selector
    )
    assert article.locator(selector).evaluate("img => img.currentSrc").endswith(".avif")


@pytest.mark.parametrize(
    ("path", "close"),
    [(ARTICLE, "Đóng (Esc)"), ("/en/2025/hoi-nghi-ban-doc-2025/", "Close (Esc)")],
)
def test_lightbox_labels_are_in_the_pages_language(reused_tab, site_url, path, close):
    page = reused_tab(viewport={"width": 1024, "height": 800})
    open_loaded(page, site_url + path)
    open_photo(page, 0)
    assert page.locator(".pswp__button--close").get_attribute("title") == close
