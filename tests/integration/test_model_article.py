"""The model article (the 2025 readers' conference) shows every part of the model article."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

URL = "2025/hoi-nghi-ban-doc-2025/index.html"
TITLE = (
    "Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025 và giao lưu tác giả, "
    "tác phẩm địa phương"
)
CAPTIONS = [
    "Quang cảnh hội nghị.",
    "Giám đốc Thư viện tỉnh phát biểu khai mạc hội nghị.",
    "Bạn đọc trao đổi, đóng góp ý kiến để nâng cao chất lượng hoạt động thư viện.",
    "Giao lưu với các nhạc sĩ Phùng Chiến và Vũ Đình Trọng.",
    "Các tập thể, cá nhân được khen thưởng vì thành tích phát triển văn hoá đọc năm 2025.",
]


@pytest.fixture(scope="module")
def article(sample_site):
    return BeautifulSoup((sample_site / URL).read_text("utf-8"), "html.parser")


def test_language_of_the_page(article):
    assert article.html["lang"] == "vi"


def test_title_is_the_only_h1(article):
    assert [h1.get_text() for h1 in article.find_all("h1")] == [TITLE]


def test_document_title(article):
    assert article.title.get_text().startswith(TITLE)


def test_byline_names_the_author_and_the_publication(article):
    byline = article.select_one(".post__byline")
    assert (
        byline.select_one('a[href$="/by/ban-bien-tap/"]').get_text() == "Ban biên tập"
    )
    assert "Theo Báo Lào Cai" in byline.get_text()


def test_a_date_without_time_is_a_day_in_vietnamese_news_style(article):
    time = article.select_one(".post__byline time")
    assert (time["datetime"], time.get_text()) == ("2025-11-06", "Thứ Năm, 6/11/2025")


def test_lead_paragraph(article):
    assert (
        article.select_one(".post__header .lead")
        .get_text()
        .startswith("Chiều 6/11/2025")
    )


def test_the_first_photo_group_opens_the_page_under_the_title(article):
    header = article.select_one(".post__header")
    opening = header.select_one(".post__opening > figure.photos")
    assert len(opening.find_all("img")) == 2
    order = [
        child.get("class", [None])[0] for child in header.find_all(recursive=False)
    ]
    assert order.index("post__title") < order.index("post__byline")
    assert order.index("post__byline") < order.index("post__opening")
    assert order.index("post__opening") < order.index("lead") < order.index("event-box")
    assert article.select_one(".prose").find(recursive=False).name == "p"


def test_twelve_photos_in_five_groups(article):
    groups = article.select("figure.photos")
    assert len(groups) == 5
    assert sum(len(group.find_all("img")) for group in groups) == 12


def test_each_group_has_one_caption(article):
    captions = [
        group.select_one(":scope > figcaption").contents[0].strip()
        for group in article.select("figure.photos")
    ]
    assert captions == CAPTIONS


def test_illustrations_say_so_and_name_their_photographers(article):
    credits = article.select(".photos__credit")
    assert len(credits) == 5
    for credit in credits:
        assert "ảnh minh hoạ, không chụp tại hội nghị" in credit.get_text()
        assert "Risto Saukonpää" in credit.get_text()


def test_every_photo_has_alt_and_size(article):
    for image in article.select(".prose img"):
        assert image["alt"] and image["width"].isdigit() and image["height"].isdigit()


def test_source_links_to_the_original_report(article):
    source = article.select_one(".post__source")
    assert source.get_text().startswith("Nguồn:")
    assert source.a["href"].endswith("-post886185.html")
    assert source.a.get_text() == "Báo Lào Cai"


def test_related_lists_in_order_each_post_once_with_thumbnail_and_date(article):
    # The category's one other post is in the topic list already: an empty
    # list is not shown.
    headings = [h2.get_text() for h2 in article.select(".related__list h2")]
    assert headings == ["Cùng chủ đề", "Cùng tác giả"]
    links = [a["href"] for a in article.select(".related a")]
    assert len(links) == len(set(links)) == 6
    for item in article.select(".related__item"):
        assert item.time["datetime"] and "\n" not in item.time.get_text()
        image = item.select_one("img")
        if image is not None:  # the smallest size of the cover, beside the title
            assert image["alt"] == "" and image["sizes"] == "102px"
            assert "-480." in image["src"] or "480w" in image["srcset"]


def test_same_topic_ranks_shared_tags_then_newest(article):
    titles = [a.get_text() for a in article.select("#related-topic + ul a")]
    assert titles == [
        "5 tập thể và 10 cá nhân được khen vì phát triển văn hoá đọc năm 2025",
        "Không gian tri thức số: điểm nhấn của Thư viện tỉnh năm 2025",
        "Những bài ca về Tây Bắc vang lên tại Hội nghị bạn đọc",
        "Bài mẫu: Giới thiệu hai cuốn sách của tác giả địa phương",
        "Hơn 280 lượt thư viện lưu động đến cơ quan, trường học và vùng sâu, vùng xa",
    ]


def test_same_author_list_holds_what_the_topic_list_does_not(article):
    author = [a.get_text() for a in article.select("#related-author + ul a")]
    assert author == ["8 lớp tập huấn đưa hệ thống VietBiblio đến gần 200 trường học"]


def test_no_list_holds_the_article_itself(article):
    assert TITLE not in [a.get_text() for a in article.select(".related a")]


def test_translation_is_linked(article):
    link = article.select_one('.post__translations a[hreflang="en"]')
    assert (
        link["href"] == "https://thuvien.laocai.example/en/2025/hoi-nghi-ban-doc-2025/"
    )
    assert link.get_text() == "Bản tiếng Anh"


def test_no_comment_counter(article):
    assert "bình luận" not in article.get_text().lower()


def test_stylesheet_is_linked_and_fingerprinted(article):
    href = article.select_one('link[rel="stylesheet"]')["href"]
    assert href.startswith("https://thuvien.laocai.example/theme/css/site.")
    assert len(href.rsplit(".", 2)[1]) == 10


def test_no_inline_style_or_script(article):
    # One <style>, the first screen's in the head (allowed by its hash).
    assert len(article.find_all("style")) == 1 and not article.select("[style]")
    # JSON-LD blocks are data, never run: a strict Content-Security-Policy allows them.
    assert all(
        script.get("src") or script.get("type") == "application/ld+json"
        for script in article.find_all("script")
    )


@pytest.fixture(scope="module")
def galleries(sample_site):
    return BeautifulSoup(
        (sample_site / "galleries/index.html").read_text("utf-8"), "html.parser"
    )


def test_galleries_are_albums_of_posts_with_photos_newest_first(galleries):
    albums = [
        (album.h2.get_text(), album.select_one(".album__count").get_text())
        for album in galleries.select(".album")
    ]
    assert albums == [
        ("Không gian tri thức số: điểm nhấn của Thư viện tỉnh năm 2025", "2 ảnh"),
        ("Những bài ca về Tây Bắc vang lên tại Hội nghị bạn đọc", "2 ảnh"),
        (TITLE, "12 ảnh"),
    ]


def test_each_album_shows_its_cover_and_opens_the_posts_photos(galleries, sample_site):
    assert len(galleries.select(".album__cover picture img[alt='']")) == 3
    link = galleries.select(".album__link")[-1]["href"]
    assert link.endswith("/2025/hoi-nghi-ban-doc-2025/#photos")
    article = BeautifulSoup((sample_site / URL).read_text("utf-8"), "html.parser")
    assert article.select_one("#photos figure.photos img")


def test_menu_links_to_the_galleries(article):
    link = article.select_one('.site-nav a[href$="/galleries/"]')
    assert link.get_text() == "Thư viện ảnh"


def test_body_text_has_typographic_quotes(article):
    text = article.select_one(".prose").get_text()
    assert "“Lấy bạn đọc làm trung tâm”" in text
    assert '"' not in text


def test_the_page_paints_from_its_own_styles_and_loads_the_stylesheet_last(article):
    head_styles = article.head.find_all("style")
    assert len(head_styles) == 1 and ":root{" in head_styles[0].string
    assert not article.head.select('link[rel="stylesheet"]')
    last = article.body.find_all(recursive=False)[-1]
    assert last.name == "link" and last["rel"] == ["stylesheet"]
    assert last["href"].endswith(".css")
