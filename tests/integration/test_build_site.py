"""A small good site built for real: URLs, photo groups, translations, escaping."""

from __future__ import annotations

import html
import re

import pytest
from bs4 import BeautifulSoup

from tests.support import jpeg, photo_names, post, read, soup, unfingerprinted

TRICKY_TITLE = 'Sách <script>alert(1)</script> & "Đồng Văn"'

FILES = {
    "posts/2025/hoi-nghi/index.md": post(
        """
        title: Hội nghị bạn đọc năm 2025
        date: 2025-11-06 14:00
        category: hoat-dong-thu-vien
        tags: [văn hoá đọc, thư viện số]
        authors: [Phòng Truyền thông]
        summary: Tổng kết *công tác* phục vụ bạn đọc.
        source: {name: Báo Lào Cai, url: "https://baolaocai.vn/post886185.html"}
        """,
        """
        Đoạn đầu của bài.

        ![Quang cảnh hội nghị](anh/hoi-nghi.jpg)

        *Quang cảnh hội nghị.*

        ![Bạn đọc phát biểu](ban-doc-1.jpg)
        ![Bạn đọc hỏi](ban-doc-2.jpg "Một bạn đọc đặt câu hỏi")
        ![Lãnh đạo trả lời](ban-doc-3.jpg)

        *Bạn đọc trao đổi ý kiến.*

        Đoạn cuối.
        """,
    ),
    "posts/2025/hoi-nghi/index.en.md": post(
        """
        title: Readers' conference 2025
        summary: A review of the year's reader services.
        """,
        "English body.",
    ),
    "posts/2025/hoi-nghi/anh/hoi-nghi.jpg": jpeg(80, 60),
    "posts/2025/hoi-nghi/ban-doc-1.jpg": jpeg(60, 40, orientation=6),
    "posts/2025/hoi-nghi/ban-doc-2.jpg": jpeg(),
    "posts/2025/hoi-nghi/ban-doc-3.jpg": jpeg(),
    "posts/2024/sach-moi/index.md": post(
        f"""
        title: '{TRICKY_TITLE.replace("'", "''")}'
        date: 2024-03-01
        category: Âm nhạc
        cover: bia.jpg
        cover_alt: Bìa sách
        """,
        "Giới thiệu sách.",
    ),
    "posts/2024/sach-moi/bia.jpg": jpeg(),
    "posts/2024/sach-moi/khong-dung.jpg": jpeg(),
    "posts/2025/ban-nhap/index.md": post(
        """
        title: Bản nháp chưa xong
        date: 2025-10-01
        category: am-nhac
        status: draft
        """,
        "![Ảnh chưa công bố](bi-mat.jpg)",
    ),
    "posts/2025/ban-nhap/bi-mat.jpg": jpeg(),
    "posts/2099/tuong-lai/index.md": post(
        """
        title: Bài hẹn giờ
        date: 2099-01-01 08:00
        category: am-nhac
        """
    ),
    "pages/gioi-thieu/index.md": post("title: Giới thiệu", "Về thư viện."),
    "posts/2025/da-sua/index.md": post(
        """
        title: Bài đã sửa
        date: 2025-06-01 08:00
        modified: 2025-06-02 09:30
        correction: Sửa số thẻ bạn đọc từ 7.159 thành 7.195.
        category: am-nhac
        """
    ),
    "pages/gioi-thieu/index.en.md": post("title: About", "About the library."),
    "posts/2025/cong-cu/index.vi.md": post(
        """
        title: Bài do công cụ soạn thảo ghi
        date: 2025-05-05
        category: am-nhac
        """
    ),
}


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(FILES)
    assert built.ok, built.log
    return built.root


@pytest.fixture(scope="module")
def published(build_site):
    built = build_site(FILES, production=True, SITEURL="https://example.org/thu-vien")
    assert built.ok, built.log
    return built.root


def test_post_is_at_year_and_slug(site):
    assert soup(site, "2025/hoi-nghi/").h1.get_text() == "Hội nghị bạn đọc năm 2025"


def test_translation_is_under_its_language(site):
    page = read(site, "en/2025/hoi-nghi/")
    assert '<html lang="en">' in page
    assert "Readers&#39; conference 2025" in page


def test_translation_inherits_date_and_category(site):
    page = read(site, "en/2025/hoi-nghi/")
    assert 'datetime="2025-11-06T14:00:00+07:00"' in page
    assert 'href="/en/category/hoat-dong-thu-vien/"' in page


def test_original_links_to_its_translation(site):
    assert 'href="/en/2025/hoi-nghi/" hreflang="en"' in read(site, "2025/hoi-nghi/")


def test_page_is_at_its_slug(site):
    assert soup(site, "gioi-thieu/").h1.get_text() == "Giới thiệu"


def text_of(page: str) -> str:
    """Return the text a reader sees of `page`, spaces as in the source."""
    return BeautifulSoup(page, "html.parser").get_text()


def test_category_tag_byline_and_year_pages_exist(site):
    for url in (
        "category/hoat-dong-thu-vien/",
        "tag/van-hoa-doc/",
        "by/phong-truyen-thong/",
        "2025/",
    ):
        assert "Hội nghị bạn đọc năm 2025" in text_of(read(site, url)), url


def test_category_by_vietnamese_name_uses_its_key(site):
    assert "sach-moi" in read(site, "category/am-nhac/")


def test_single_photo_is_a_figure_with_the_caption(site):
    page = read(site, "2025/hoi-nghi/")
    figure = re.search(
        r'<figure class="photos photos--1">.*?</figure>', page, re.S
    ).group(0)
    assert 'src="/media/posts/2025/hoi-nghi/anh/hoi-nghi-80.jpg"' in unfingerprinted(
        figure
    )
    assert "<figcaption" in figure and "Quang cảnh hội nghị.</figcaption>" in figure


def test_three_photos_are_one_group_with_one_caption(site):
    page = read(site, "2025/hoi-nghi/")
    group = re.search(
        r'<figure class="photos photos--3">.*?</div>\s*<figcaption.*?</figcaption>',
        page,
        re.S,
    )
    assert group is not None
    assert group.group(0).count("<img") == 3
    assert group.group(0).endswith("Bạn đọc trao đổi ý kiến.</figcaption>")


def test_caption_paragraph_is_not_left_in_the_text(site):
    assert "<p><em>Quang cảnh" not in read(site, "2025/hoi-nghi/")


def test_image_title_is_its_own_caption(site):
    assert "Một bạn đọc đặt câu hỏi</figcaption>" in read(site, "2025/hoi-nghi/")


def shown_image(site, alt):
    return soup(site, "2025/hoi-nghi/").find("img", alt=alt)


def test_photo_width_and_height_come_from_the_file(site):
    image = shown_image(site, "Quang cảnh hội nghị")
    assert (image["width"], image["height"]) == ("80", "60")


def test_turned_photo_has_its_shown_size(site):
    image = shown_image(site, "Bạn đọc phát biểu")
    assert (image["width"], image["height"]) == ("40", "60")


def test_photos_are_published_under_media_in_avif_and_jpeg(site):
    names = photo_names(site / "output/media/posts/2025/hoi-nghi/anh")
    assert {"hoi-nghi-80.avif", "hoi-nghi-80.jpg"} <= names


def test_a_cover_outside_the_text_is_published_with_its_crops(site):
    names = photo_names(site / "output/media/posts/2024/sach-moi")
    assert {
        "bia-60.jpg",
        "bia-og.jpg",
        "bia-16x9.jpg",
        "bia-4x3.jpg",
        "bia-1x1.jpg",
    } <= names


def test_photos_not_shown_are_not_published(site):
    assert not list((site / "output").rglob("khong-dung*"))


def test_summary_is_the_lead_as_html(site):
    lead = soup(site, "2025/hoi-nghi/").select_one("p.lead")
    assert lead.decode_contents() == "Tổng kết <em>công tác</em> phục vụ bạn đọc."


def test_source_is_linked(site):
    assert (
        'Nguồn: <a href="https://baolaocai.vn/post886185.html">Báo Lào Cai</a>'
        in read(site, "2025/hoi-nghi/")
    )


def test_title_is_escaped_exactly_once(site):
    page = read(site, "2024/sach-moi/")
    assert "<script>alert" not in page
    assert "&amp;lt;" not in page and "&amp;amp;" not in page
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page).group(1)
    # Its words' syllables kept together in spans (theme_support.headlines).
    assert html.unescape(re.sub(r"</?span[^>]*>", "", heading)) == TRICKY_TITLE
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert html.unescape(title).startswith(TRICKY_TITLE)


def test_escaped_title_in_lists(site):
    listing = read(site, "category/am-nhac/")
    assert "<script>alert" not in listing
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in listing
    assert TRICKY_TITLE in text_of(listing)


def test_draft_is_built_for_the_writer(site):
    assert "Bản nháp chưa xong" in read(site, "drafts/ban-nhap/")


def test_future_post_is_built_for_the_writer(site):
    assert "Bài hẹn giờ" in read(site, "2099/tuong-lai/")


def test_preview_has_no_draft(published):
    assert not (published / "output/drafts").exists()
    assert "Bản nháp" not in read(published, "")


def test_preview_publishes_no_photo_of_a_draft(published, site):
    assert "bi-mat-60.jpg" in photo_names(site / "output/media/posts/2025/ban-nhap")
    assert not list((published / "output").rglob("bi-mat*"))


def test_preview_holds_back_future_post(published):
    assert not (published / "output/2099").exists()
    assert "Bài hẹn giờ" not in read(published, "")


def test_preview_builds_every_url_from_siteurl(published):
    page = unfingerprinted(read(published, "2025/hoi-nghi/"))
    stylesheet = soup(published, "2025/hoi-nghi/").select_one("link[rel=stylesheet]")
    assert stylesheet["href"].startswith("https://example.org/thu-vien/theme/css/site.")
    assert (
        'src="https://example.org/thu-vien/media/posts/2025/hoi-nghi/anh/hoi-nghi-80.jpg"'
        in page
    )
    assert not re.search(r'(?:href|src)="/(?!/)', page)


def test_page_translation_is_under_its_language(site):
    assert soup(site, "en/gioi-thieu/").h1.get_text() == "About"


def test_index_vi_md_is_the_vietnamese_post(site):
    page = read(site, "2025/cong-cu/")
    assert '<html lang="vi">' in page and "Bài do công cụ soạn thảo ghi" in page


def test_scheduled_post_is_published_by_the_first_build_after_its_time(build_site):
    built = build_site(FILES, production=True, BUILD_TIME="2099-01-01T08:00:00+07:00")
    assert built.ok, built.log
    assert "Bài hẹn giờ" in read(built.root, "2099/tuong-lai/")


def test_correction_note_shows_with_its_date(site):
    note = soup(site, "2025/da-sua/").select_one(".post__correction")
    assert "Đã sửa" in note.get_text()
    assert "Sửa số thẻ bạn đọc từ 7.159 thành 7.195." in note.get_text()
    assert note.time["datetime"] == "2025-06-02T09:30:00+07:00"
    assert note.time.get_text() == "Thứ Hai, 2/6/2025, 09:30"


def test_home_cards_show_covers_with_sizes(site):
    images = soup(site, "").select(".card__image img")
    assert images, "no card has a cover"
    assert all(
        image["width"].isdigit() and image["height"].isdigit() for image in images
    )


def test_only_the_lead_storys_photo_loads_eagerly(site):
    lead = soup(site, "").select_one(".lead-story__image img")
    assert lead.get("fetchpriority") == "high" and not lead.get("loading")
    images = soup(site, "").select(".card__image img")
    assert images and all(image["loading"] == "lazy" for image in images)


def test_not_found_page(site):
    page = soup(site, "404.html")
    assert page.h1.get_text() == "Không tìm thấy trang"
    assert page.select_one('main a[href="/"]')
    # An error page has no version in another language (not the home page).
    assert not page.select("link[hreflang]")
    assert page.select_one(".language-switcher a")["href"] == "/en/"
