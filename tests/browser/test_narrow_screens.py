"""Nothing a writer writes makes a page wider than a phone (320 and 390 px).

A site made for it: the longest dates of each language (a weekday, a day,
a month's name and a time), long names, titles, tags, venues, sources and
addresses, and words with no space to break at, in every list, card, box
and table of every kind of page. A page wider than the screen scrolls
sideways on a phone, and the gates refuse to publish it.
"""

from __future__ import annotations

import pytest

from site_preview.static_server import serve
from tests.support import INDEXED, REPO, jpeg, post

pytestmark = pytest.mark.browser

LONG = "Khôngcókhoảngtrắngnàođểngắtdòngởđâycả" * 2
NAME = "Nguyễn Thị Bảo Ngọc Hoàngggggggggggggggggggggg"
TAG = "thẻ-rất-dài-" + LONG
VENUE = f"Hội trường {LONG}, phường Cam Đường, tỉnh Lào Cai"
WORDS = f"{LONG} https://baolaocai.vn/{LONG}/{LONG}-post886185.html"
CATEGORIES = f"""\
- key: su-kien
  vi: Sự kiện {LONG}
  en: Events {LONG}
"""


def hostile_post(slug: str, day: int, *, photo: bool) -> dict[str, str | bytes]:
    front = f"""
        title: "Tiêu đề {LONG} {day}"
        date: 2026-12-{day:02d} 19:30
        category: su-kien
        tags: [{TAG}, văn hoá đọc]
        authors: ["{NAME}"]
        people: [nguoi-dai]
        works: [bai-hat-dai]
        summary: "Đoạn mở đầu {LONG}."
        source:
          name: Báo {LONG}
          url: https://baolaocai.vn/{LONG}
        event:
          start: 2026-12-{day:02d} 19:30
          venue: "{VENUE}"
        """
    body = f"""
        Đoạn đầu {WORDS}. Chữ &lt;b&gt;đậmđặcbiệt&lt;/b&gt; giả.

        ![Ảnh {LONG}](anh.jpg "Chú thích {LONG}")

        ## Tiêu đề nhỏ {LONG}

        | Cột {LONG} | Cột hai |
        | --- | --- |
        | {LONG} | {LONG} |
        """
    if not photo:
        body = f"Đoạn đầu {WORDS}.\n\n## Tiêu đề nhỏ {LONG}"
    files: dict[str, str | bytes] = {
        f"posts/2026/{slug}/index.md": post(front, body),
        f"posts/2026/{slug}/index.en.md": post(
            f'title: "Title {LONG} {day}"\nsummary: "A lead {LONG}."', f"Text {WORDS}."
        ),
    }
    if photo:
        files[f"posts/2026/{slug}/anh.jpg"] = jpeg(1200, 800)
        files[f"posts/2026/{slug}/index.md"] = post(
            front + f"photo_credit: {NAME} {LONG}", body
        )
    return files


FILES: dict[str, str | bytes] = {
    **hostile_post("bai-mot", 1, photo=True),
    **hostile_post("bai-hai", 2, photo=False),
    **hostile_post("bai-ba", 3, photo=False),
    "people/nguoi-dai/index.md": post(
        f'name: "{NAME}"\nroles: [musician, composer]\nhometown: "{VENUE}"',
        f"Tiểu sử {WORDS}.",
    ),
    "works/bai-hat-dai/index.md": post(
        f"""
        title: "Bài hát {LONG}"
        kind: song
        creators: [nguoi-dai]
        performers: [nguoi-dai]
        year: 2025
        duration: "4:35"
        """,
        f"Giới thiệu {WORDS}.",
    ),
    "works/sach-dai/index.md": post(
        f"""
        title: "Sách {LONG}"
        kind: book
        creators: [nguoi-dai]
        publisher: "Nhà xuất bản {LONG}"
        isbn: 978-0-306-40615-7
        """
    ),
    "pages/gioi-thieu/index.md": post(f'title: "Giới thiệu {LONG}"', WORDS),
}
LIBRARY = (
    (REPO / "data/library.yml")
    .read_text("utf-8")
    .replace("Cơ sở 2 (số nhà và tên đường là mẫu)", f"Cơ sở 2 {LONG}")
    .replace("Sở Văn hoá, Thể thao và Du lịch tỉnh Lào Cai", f"Sở {LONG}")
)
PAGES = [
    "/",
    "/en/",
    "/2026/bai-mot/",
    "/en/2026/bai-mot/",
    "/2026/bai-hai/",
    "/category/su-kien/",
    "/en/category/su-kien/",
    f"/tag/{TAG}/",
    "/archives/",
    "/2026/",
    "/people/",
    "/people/nguoi-dai/",
    "/works/",
    "/works/bai-hat-dai/",
    "/works/sach-dai/",
    "/galleries/",
    "/feeds/",
    "/gioi-thieu/",
    "/search/?q=khong",
    "/trang-khong-co/",
]
WIDTHS = [320, 390]


@pytest.fixture(scope="module")
def hostile_site(build_site):
    built = build_site(
        FILES, categories=CATEGORIES, data={"library.yml": LIBRARY}, **INDEXED
    )
    assert built.ok, built.log
    server, url = serve(built.output)
    yield url
    server.shutdown()


def wider_than_the_screen(page) -> list[str]:
    """Return what sticks out on the right of the page (nothing, if it fits)."""
    return page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return [];
        // What scrolls sideways in a box of its own (the menu, a table) fits.
        const scrolls = e => e.closest('.site-nav__list, .prose table');
        return [...document.body.querySelectorAll('*')]
          .filter(e => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e))
          .slice(-3)
          .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.trim().slice(0, 50)}`);
    }"""
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_a_phone(browser, hostile_site, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    try:
        page = context.new_page()
        wide = {}
        for path in PAGES:
            page.goto(hostile_site + path, wait_until="load")
            if "search" in path:
                page.wait_for_selector(".search-result")
            sticking_out = wider_than_the_screen(page)
            if sticking_out:
                wide[path] = sticking_out
        assert not wide, wide
    finally:
        context.close()


def test_a_search_excerpt_shows_a_posts_markup_as_text(browser, hostile_site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(hostile_site + "/search/?q=damdacbiet")
        page.wait_for_selector(".search-result")
        excerpt = page.locator(".search-result__excerpt").first
        assert "<b>đậmđặcbiệt</b>" in excerpt.inner_text()
        assert not excerpt.locator("b").count()
    finally:
        page.close()
