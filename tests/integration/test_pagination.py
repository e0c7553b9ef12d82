"""Lists of more than ten posts are paginated at /page/N/ with links both ways."""

from __future__ import annotations

import pytest

from site_gates.files import broken_links
from tests.support import post, read

POSTS = {
    f"posts/2025/bai-{n:02d}/index.md": post(
        f"title: Bài số {n}\ndate: 2025-01-{n:02d}\ncategory: am-nhac\ntags: [mẫu]"
    )
    for n in range(1, 24)
}


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(POSTS)
    assert built.ok, built.log
    return built.root


def test_home_links_to_page_two(site):
    assert '<a rel="next" href="/page/2/">' in read(site, "")


def test_page_two_links_back_and_on(site):
    page = read(site, "page/2/")
    assert (
        '<a rel="prev" href="/">' in page and '<a rel="next" href="/page/3/">' in page
    )


def test_last_page_has_the_oldest_post(site):
    assert "Bài số 1<" in read(site, "page/3/")


def test_category_tag_and_year_lists_are_paginated(site):
    assert "Bài số 1<" in read(site, "category/am-nhac/page/3/")
    assert "Bài số 1<" in read(site, "tag/mau/page/3/")
    assert "Bài số 1<" in read(site, "2025/page/3/")


def test_no_broken_links(site):
    assert broken_links(site / "output") == []
