"""The home page and the header as a reader on a phone meets them (Chromium)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ARTICLE = "/2025/hoi-nghi-ban-doc-2025/"


def headlines_within(page, bottom: int) -> list[str]:
    """Return the titles of posts whose link starts above `bottom` px."""
    return page.evaluate(
        """bottom => [...document.querySelectorAll(
            '.lead-story__title a, .card__title a, .row__title a')]
            .filter(a => a.getBoundingClientRect().top < bottom)
            .map(a => a.textContent.trim())""",
        bottom,
    )


def test_the_lead_and_five_more_headlines_fit_two_phone_screens(reused_tab, site_url):
    page = reused_tab(viewport=PHONE)
    page.goto(site_url + "/")
    titles = headlines_within(page, 2 * PHONE["height"])
    assert len(titles) >= 6, titles
    assert titles[0].startswith("Thư viện tỉnh tổ chức Hội nghị bạn đọc")


def test_on_a_phone_a_post_is_a_row_with_its_photo_beside_the_title(
    reused_tab, site_url
):
    page = reused_tab(viewport=PHONE)
    page.goto(site_url + "/")
    row = page.locator(".cards .card:has(.card__image)").first
    photo = row.locator(".card__image").bounding_box()
    title = row.locator(".card__title").bounding_box()
    assert photo["width"] < 130
    assert photo["x"] > title["x"] + title["width"] - 1  # beside, not above
    assert row.bounding_box()["height"] < 200


def test_on_a_wide_screen_cards_of_a_row_are_equally_tall(reused_tab, site_url):
    page = reused_tab(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "/")
    boxes = page.eval_on_selector_all(
        ".cards .card", "cards => cards.map(c => c.getBoundingClientRect().toJSON())"
    )
    rows = {}
    for box in boxes:
        rows.setdefault(round(box["y"]), []).append(round(box["height"]))
    assert len(rows) >= 2
    assert all(len(set(heights)) == 1 for heights in rows.values()), rows


def test_headlines_are_in_the_text_colour_not_link_blue(reused_tab, site_url):
    page = reused_tab(viewport=PHONE)
    page.goto(site_url + "/")
    colours = page.eval_on_selector_all(
        ".card__title a, .row__title a, .lead-story__title a, .lead-story__summary",
        "nodes => [...new Set(nodes.map(n => getComputedStyle(n).color))]",
    )
    assert len(colours) == 1, colours


def test_the_header_stays_slim_steps_aside_and_comes_back_on_scroll_up(
    reused_tab, site_url
):
    page = reused_tab(viewport=PHONE)
    page.goto(site_url + ARTICLE)
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 56
    page.mouse.wheel(0, 2500)
    page.wait_for_function(
        "() => document.querySelector('.site-header').getBoundingClientRect().bottom <= 0"
    )
    page.mouse.wheel(0, -300)
    page.wait_for_function(
        "() => document.querySelector('.site-header').getBoundingClientRect().top === 0"
    )
    assert header.bounding_box()["height"] <= 56
    assert page.locator(".site-header .site-search__button").is_visible()
    assert page.locator(".site-header .language-switcher a").is_visible()


def test_the_header_shows_the_logo_and_the_name_in_the_pages_language(
    reused_tab, site_url
):
    page = reused_tab(viewport=PHONE)
    page.goto(site_url + "/en/")
    logo = page.locator(".site-name__logo")
    assert logo.evaluate("img => img.complete && img.naturalWidth") == 96
    assert page.locator(".site-name").inner_text() == "Lao Cai Provincial Library"
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
