"""Search in Chromium: Pagefind's index of each language, with or without tone marks."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SEARCH = "/search/"
ENGLISH_SEARCH = "/en/search/"


def search(reused_tab, site_url, path: str, query: str, **context):
    """Open the search page with `query` in its address; wait for the results."""
    page = reused_tab(viewport={"width": 390, "height": 844}, **context)
    page.goto(f"{site_url}{path}?q={query}")
    page.wait_for_function(
        "() => document.querySelector('.search__status').textContent"
        " && !document.querySelector('.search__status').textContent.endsWith('…')"
    )
    return page


def result_links(page) -> list[str]:
    return page.locator(".search-result__title a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        (SEARCH, "phung chien", "/people/phung-chien/"),
        (SEARCH, "Phùng Chiến", "/people/phung-chien/"),
        # đ typed as d: "dinh" must find "Đình".
        (SEARCH, "vu dinh trong", "/people/vu-dinh-trong/"),
        (SEARCH, "Vũ Đình Trọng", "/people/vu-dinh-trong/"),
        (SEARCH, "chieu muong hum", "/works/chieu-muong-hum/"),
        (SEARCH, "dong song hoa gao", "/works/dong-song-hoa-gao/"),
        (ENGLISH_SEARCH, "readers conference", "/en/2025/hoi-nghi-ban-doc-2025/"),
        (ENGLISH_SEARCH, "chieu muong hum", "/en/works/chieu-muong-hum/"),
    ],
)
def test_a_query_finds_the_right_page_first(reused_tab, site_url, path, query, first):
    page = search(reused_tab, site_url, path, query)
    assert page.locator("#search-query").input_value() == query  # from the URL
    links = result_links(page)
    assert links and links[0].endswith(first), links


def test_with_or_without_tone_marks_the_same_pages_come_first(reused_tab, site_url):
    marked = result_links(search(reused_tab, site_url, SEARCH, "Hội nghị bạn đọc"))
    plain = result_links(search(reused_tab, site_url, SEARCH, "hoi nghi ban doc"))
    assert marked[:3] == plain[:3]
    titles = {
        "/2025/hoi-nghi-ban-doc-2025/",  # "...tổ chức Hội nghị bạn đọc năm 2025..."
        "/2025/giao-luu-nhac-si-tay-bac/",  # "...vang lên tại Hội nghị bạn đọc"
    }
    assert set(plain[:2]) == titles


def test_english_pages_search_only_english_pages(reused_tab, site_url):
    links = result_links(search(reused_tab, site_url, ENGLISH_SEARCH, "library"))
    assert links and all(link.startswith("/en/") for link in links)


def test_the_first_result_opens_with_the_keyboard(reused_tab, site_url):
    page = search(reused_tab, site_url, SEARCH, "vu dinh trong")
    page.locator("#search-query").focus()
    for _press in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.closest('.search-result')"):
            break
    page.keyboard.press("Enter")
    expect(
        page, "Enter on the first result should open Vũ Đình Trọng's page"
    ).to_have_url(re.compile(r".*/people/vu-dinh-trong/$"))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def in_order(needle: list[str], haystack: list[str]) -> bool:
    """Return whether the words of `needle` occur in `haystack` in that order."""
    remaining = iter(haystack)
    return all(word in remaining for word in needle)


@pytest.mark.parametrize(
    ("path", "query"),
    [(SEARCH, "doc sach"), (SEARCH, "dinh"), (ENGLISH_SEARCH, "songs")],
)
def test_every_excerpt_shows_words_of_its_page(reused_tab, site_url, path, query):
    page = search(reused_tab, site_url, path, query)
    items = page.locator(".search-result").evaluate_all(
        """items => items.map(li => ({
            url: li.querySelector('a').href,
            excerpt: li.querySelector('.search-result__excerpt').textContent}))"""
    )
    assert items
    for item in items:
        shown = reused_tab(viewport={"width": 1280, "height": 800})
        shown.goto(item["url"])
        # Every word of the excerpt is on the page, in the same order (an
        # excerpt may skip what is not indexed, such as the audio's caption).
        visible = words(shown.locator("main").inner_text())
        assert in_order(words(item["excerpt"]), visible), item


def test_results_are_announced_and_filters_narrow_them(reused_tab, site_url):
    page = search(reused_tab, site_url, SEARCH, "hoi nghi")
    status = page.locator(".search__status")
    assert status.get_attribute("role") == "status"
    assert re.match(r"\d+ kết quả", status.inner_text())
    before = len(result_links(page))
    # On a phone the filters are folded behind one line.
    assert not page.locator("select[name=kind]").is_visible()
    page.click(".search__filters > summary")
    page.select_option("select[name=kind]", label="Tác phẩm")
    page.wait_for_function(
        "n => document.querySelectorAll('.search-result').length !== n", arg=before
    )
    assert all("/works/" in link for link in result_links(page))
    assert "kind=" in page.url
    assert page.locator(".search__filters-count").inner_text() == "(1)"


@pytest.mark.parametrize(("width", "folded"), [(320, True), (390, True), (1280, False)])
def test_on_a_phone_the_filters_fold_so_results_start_on_the_first_screen(
    reused_tab, site_url, width, folded
):
    page = reused_tab(viewport={"width": width, "height": 700})
    page.goto(f"{site_url}{SEARCH}?q=hoi+nghi")
    page.wait_for_selector(".search-result")
    assert page.locator("select[name=year]").is_visible() is not folded
    if folded:
        top = page.evaluate(
            "() => document.querySelector('.search-result').getBoundingClientRect().top"
        )
        assert top < 700 - 100


def test_excerpts_are_the_texts_words_from_a_sentence_or_a_word(reused_tab, site_url):
    page = search(reused_tab, site_url, SEARCH, "hoi nghi")
    excerpts = page.locator(".search-result__excerpt").all_inner_texts()
    assert excerpts
    for excerpt in excerpts:
        # Not the byline, the date, the category or a photo's credit.
        for metadata in (
            "Ban biên tập",
            "Theo Báo Lào Cai",
            "Thứ Năm",
            "Ảnh:",
            "Sự kiện",
        ):
            assert metadata not in excerpt, excerpt
        # A sentence's start (a capital letter, a digit, a quote) or "…" before a word.
        assert re.match(r"(… )?[\w“\"(]", excerpt) and not excerpt[0].islower(), excerpt
    article = page.locator(".search-result", has_text="tổ chức Hội nghị bạn đọc")
    assert (
        not article.locator(".search-result__excerpt")
        .inner_text()
        .startswith("Thư viện tỉnh tổ chức")
    ), "the title is the result's heading, not its excerpt"


def test_nothing_of_pagefind_loads_before_the_reader_types(reused_tab, site_url):
    page = reused_tab(viewport={"width": 390, "height": 844})
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + SEARCH)
    page.wait_for_timeout(500)
    assert page.evaluate("() => document.activeElement.id") == "search-query"
    assert not [url for url in fetched if "/pagefind/" in url]
    page.keyboard.type("phung chien")
    page.wait_for_selector(".search-result")
    loaded = [url for url in fetched if "/pagefind/" in url]
    assert any(url.endswith("/pagefind.js") for url in loaded)
    assert any(".pagefind" in url for url in loaded)  # the WebAssembly
    assert not any("pagefind-worker" in url for url in loaded)


def test_without_javascript_the_page_says_so_and_links_the_archives(
    reused_tab, site_url
):
    page = reused_tab(java_script_enabled=False)
    page.goto(site_url + SEARCH + "?q=hoi+nghi")
    notice = page.locator("noscript").inner_text()
    assert "Tìm kiếm cần JavaScript" in notice
    assert "/archives/" in page.content()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_header_search_lands_on_the_search_page(reused_tab, site_url, width):
    page = reused_tab(viewport={"width": width, "height": 800})
    page.goto(site_url + "/2025/hoi-nghi-ban-doc-2025/")
    header = page.locator(".site-header").bounding_box()
    button = page.locator(".site-search__button").bounding_box()
    assert button["y"] + button["height"] <= header["y"] + header["height"]
    if page.locator(".site-search__input").is_visible():
        page.fill(".site-search__input", "phung chien")
    page.click(".site-search__button")
    page.wait_for_url(re.compile(r".*/search/\?q="))
    if width >= 1280:
        page.wait_for_selector(".search-result")
        assert result_links(page)[0] == "/people/phung-chien/"
    else:
        page.wait_for_function("() => document.activeElement.id === 'search-query'")
