"""What a reader on a small phone and a keyboard user meet."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/2025/hoi-nghi-ban-doc-2025/",
    "/category/su-kien/",
    "/gioi-thieu/",
    "/404.html",
    "/people/",
    "/works/chieu-muong-hum/",
    "/en/2025/hoi-nghi-ban-doc-2025/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll_at_320_pixels(reused_tab, site_url, path):
    page = reused_tab(viewport={"width": 320, "height": 640})
    page.goto(site_url + path)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_skip_link_is_first_and_moves_focus_to_the_main_content(reused_tab, site_url):
    page = reused_tab()
    page.goto(site_url + "/2025/hoi-nghi-ban-doc-2025/")
    page.keyboard.press("Tab")
    assert (
        page.evaluate("() => document.activeElement.textContent")
        == "Chuyển đến nội dung chính"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_focus_is_visible(reused_tab, site_url):
    page = reused_tab()
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => getComputedStyle(document.activeElement).outlineStyle"
    )
    assert outline == "solid"
