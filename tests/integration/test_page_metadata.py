"""What chat apps, social networks and search engines read of each page.

Canonical links, Open Graph and Twitter tags, JSON-LD; on the sample site and
on a small site with a hostile title, a correction, a canonical and an event.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from page_metadata.settings import load_settings
from site_base.settings import SettingsError
from tests.support import built_file, jpeg, post, site_pages, unfingerprinted

SITEURL = "https://thuvien.laocai.example"
HOSTILE_TITLE = 'Tin "nóng" & <script>alert(1)</script> <b>đậm</b> > hết'
ORIGINAL = "https://baolaocai.vn/bai-goc-post1.html"
FILES = {
    "posts/2025/tin-nong/index.md": post(
        f"""
        title: '{HOSTILE_TITLE}'
        date: 2025-11-10 09:30
        modified: 2025-11-12 08:00
        correction: Đã sửa tên người phát biểu.
        category: hoat-dong-thu-vien
        tags: [văn hoá đọc]
        summary: 'Tóm tắt có "ngoặc" & 5 > 3 < 4.'
        canonical: {ORIGINAL}
        cover: bia.jpg
        cover_alt: Bạn đọc ở thư viện
        event: {{start: 2025-11-10 14:00, end: 2025-11-10 17:00, venue: Hội trường A}}
        """
    ),
    "posts/2025/tin-nong/bia.jpg": jpeg(1600, 1000),
    "posts/2025/tin-nong/index.en.md": post("title: Hot news\nsummary: In English."),
    "pages/gioi-thieu/index.md": post(
        "title: Giới thiệu\ncover: toa-nha.jpg\ncover_alt: Toà nhà thư viện"
    ),
    "pages/gioi-thieu/toa-nha.jpg": jpeg(1200, 900),
    "people/nhac-si-a/index.md": post(
        "name: Nhạc Sĩ A\nroles: [musician]\nportrait: anh.jpg\nsummary: Nhạc sĩ.",
        "Tiểu sử.",
    ),
    "people/nhac-si-a/anh.jpg": jpeg(600, 800),
    "works/sach-y/index.md": post(
        "title: Sách Y\nkind: book\ncreators: [nhac-si-a]\nisbn: 978-0-306-40615-7"
    ),
}


def page(output: Path, path: str) -> BeautifulSoup:
    file = output / path
    if path.endswith("/") or not path:
        file /= "index.html"
    return BeautifulSoup(file.read_text("utf-8"), "html.parser")


def meta(html: BeautifulSoup, name: str) -> str | None:
    tag = html.find("meta", attrs={"property": name}) or html.find(
        "meta", attrs={"name": name}
    )
    return tag["content"] if tag else None


def json_ld(html: BeautifulSoup) -> dict[str, dict]:
    blocks = [
        json.loads(script.string)
        for script in html.find_all("script", type="application/ld+json")
    ]
    return {block["@type"]: block for block in blocks}


def local(output: Path, url: str) -> Path:
    return built_file(output, SITEURL, url)


@pytest.fixture(scope="module")
def hostile(build_site):
    built = build_site(FILES, production=True, BUILD_TIME="2025-11-20T12:00:00+07:00")
    assert built.ok, built.log
    return built.output


def shown_pages(output: Path) -> list[Path]:
    return [
        p
        for p in site_pages(output)
        # Not-found and search pages are not for search engines (noindex).
        if p.name != "404.html" and not {"drafts", "search"} & set(p.parts)
    ]


def test_every_page_has_a_canonical_link_and_share_tags(sample_site):
    pages = shown_pages(sample_site)
    assert len(pages) > 40
    for path in pages:
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        canonical = html.find("link", rel="canonical")["href"]
        assert local(sample_site, canonical) == path, path
        assert meta(html, "og:url") == canonical
        for name in ("og:title", "og:description", "og:site_name", "twitter:title"):
            assert meta(html, name), (path, name)
        image = local(sample_site, meta(html, "og:image"))
        with Image.open(image) as picture:
            assert picture.size == (
                int(meta(html, "og:image:width")),
                int(meta(html, "og:image:height")),
            ), path
        assert meta(html, "og:image:alt"), path
        assert meta(html, "twitter:image") == meta(html, "og:image")


def test_the_model_article_shared_as_a_link_shows_title_lead_and_cover(sample_site):
    html = page(sample_site, "2025/hoi-nghi-ban-doc-2025/")
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == html.h1.get_text()
    assert meta(html, "og:description") == html.select_one(".lead").get_text(" ", True)
    assert unfingerprinted(meta(html, "og:image")).endswith("/hoi-nghi-01-og.jpg")
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:locale") == "vi_VN"
    assert meta(html, "og:locale:alternate") == "en_US"
    assert meta(html, "article:section") == "Sự kiện"
    english = page(sample_site, "en/2025/hoi-nghi-ban-doc-2025/")
    assert (meta(english, "og:locale"), meta(english, "og:locale:alternate")) == (
        "en_US",
        "vi_VN",
    )


def test_a_page_without_a_photo_is_shared_with_a_card_of_its_own(sample_site):
    html = page(sample_site, "category/su-kien/")
    assert meta(html, "og:type") == "website"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert (meta(html, "og:image:alt"), meta(html, "og:image:type")) == (
        "Sự kiện",
        "image/jpeg",
    )
    with Image.open(local(sample_site, meta(html, "og:image"))) as card:
        assert (card.format, card.size) == ("JPEG", (1200, 630))
    # Each page its own: no two pages without a photo share a picture.
    shared = {}
    for path in shown_pages(sample_site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if "/media/share/" in meta(soup, "og:image"):
            shared.setdefault(meta(soup, "og:image"), []).append(path)
    assert len(shared) > 30
    assert [paths for paths in shared.values() if len(paths) > 1] == []


def test_the_home_page_is_shared_with_the_librarys_logo(sample_site):
    for home in ("", "en/"):
        html = page(sample_site, home)
        assert meta(html, "twitter:card") == "summary"
        assert unfingerprinted(meta(html, "og:image")).endswith(
            "/media/data/library/logo-square-512.jpg"
        )


def share_links(html: BeautifulSoup) -> dict[str, str]:
    """Return {network: the address it is asked to share} of a page's share bar."""
    found = {}
    for link in html.select(".share a"):
        parts = urlsplit(link["href"])
        query = parse_qs(parts.query)
        # Zalo's parameter is "url", Facebook's "u".
        (shared,) = query.get("url") or query["u"]
        found[link.get_text(" ", strip=True)] = (parts.netloc, shared)
    return found


@pytest.mark.parametrize(
    "path",
    ["2025/hoi-nghi-ban-doc-2025/", "people/phung-chien/", "works/chieu-muong-hum/"],
)
def test_posts_people_and_works_share_to_zalo_and_facebook_without_javascript(
    sample_site, path
):
    html = page(sample_site, path)
    address = html.find("link", rel="canonical")["href"]
    bar = html.select_one("section.share")
    assert bar.h2.get_text() == "Chia sẻ trang này"
    assert (bar["data-share-url"], bar["data-share-title"]) == (
        address,
        html.h1.get_text(),
    )
    assert share_links(html) == {
        "Chia sẻ lên Zalo": ("zalo.me", address),
        "Chia sẻ lên Facebook": ("www.facebook.com", address),
    }
    # Shown by the script only where the browser can share or copy.
    assert bar.select_one("[data-share-native]").has_attr("hidden")
    assert bar.select_one("[data-share-copy]").has_attr("hidden")


def test_lists_have_no_share_bar(sample_site):
    assert page(sample_site, "category/su-kien/").select(".share") == []


def test_a_copied_post_shares_its_own_page_with_its_title_as_written(hostile):
    html = page(hostile, "2025/tin-nong/")
    bar = html.select_one("section.share")
    own = f"{SITEURL}/2025/tin-nong/"
    assert (bar["data-share-url"], bar["data-share-title"]) == (own, HOSTILE_TITLE)
    assert set(share_links(html).values()) == {
        ("zalo.me", own),
        ("www.facebook.com", own),
    }


@pytest.mark.parametrize(
    "links",
    [
        {"Zalo": "http://zalo.me/share?url={url}"},
        {"Zalo": "https://zalo.me/share"},
        {"Zalo": "https://zalo.me/share?url={url}&x={page}"},
        {"": "https://zalo.me/share?url={url}"},
        ["https://zalo.me/share?url={url}"],
    ],
)
def test_a_share_link_without_https_or_the_address_is_refused(links):
    with pytest.raises(SettingsError, match="share_links"):
        crops = dict.fromkeys(["og", "16x9", "4x3", "1x1"], (1, 1))
        load_settings({"PAGE_METADATA": {"share_links": links}}, crops)


def test_the_not_found_page_is_not_indexed(sample_site):
    html = page(sample_site, "404.html")
    assert meta(html, "robots") == "noindex"
    assert html.find("link", rel="canonical") is None


def test_articles_carry_news_article_and_breadcrumbs(sample_site):
    data = json_ld(page(sample_site, "2025/hoi-nghi-ban-doc-2025/"))
    news = data["NewsArticle"]
    assert news["headline"].startswith("Thư viện tỉnh tổ chức Hội nghị bạn đọc")
    assert news["datePublished"] == "2025-11-06T00:00:00+07:00"
    assert news["dateModified"] == news["datePublished"]
    assert news["inLanguage"] == "vi"
    assert news["author"] == [
        {
            "@type": "Person",
            "name": "Ban biên tập",
            "url": f"{SITEURL}/by/ban-bien-tap/",
        }
    ]
    assert news["publisher"]["name"] == "Thư viện tỉnh Lào Cai"
    assert local(sample_site, news["publisher"]["logo"]["url"]).is_file()
    ratios = [round(i["width"] / i["height"], 2) for i in news["image"]]
    assert ratios == [1.78, 1.33, 1.0]
    for image in news["image"]:
        assert local(sample_site, image["url"]).is_file()
    assert news["isBasedOn"]["name"] == "Báo Lào Cai"
    assert news["isBasedOn"]["url"].startswith("https://baolaocai.vn/")
    crumbs = [i["name"] for i in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Thư viện tỉnh Lào Cai", "Sự kiện", news["headline"]]
    assert data["Event"]["location"]["name"].startswith("Cơ sở 2")


def test_people_and_works_carry_their_schema_types(sample_site):
    person = json_ld(page(sample_site, "people/phung-chien/"))["Person"]
    assert person["name"] == "Phùng Chiến"
    assert person["url"] == f"{SITEURL}/people/phung-chien/"
    song = json_ld(page(sample_site, "works/chieu-muong-hum/"))["MusicComposition"]
    assert song["name"] == "Chiều Mường Hum"
    book = json_ld(page(sample_site, "works/sach-mau-chuyen-ke-ben-bep-lua/"))["Book"]
    assert book["author"][0]["name"] == "Tác giả Mẫu Một"
    assert local(sample_site, book["image"]).is_file()


@pytest.mark.parametrize("path", ["", "en/", "gioi-thieu/"])
def test_home_and_about_pages_describe_the_library(sample_site, path):
    library = json_ld(page(sample_site, path))["Library"]
    assert library["telephone"] == "+84 214 000 0000"
    assert library["address"]["addressLocality"] == "phường Cam Đường"
    assert library["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 22.43,
        "longitude": 103.99,
    }
    (hours,) = library["openingHoursSpecification"]
    assert hours["dayOfWeek"][0] == "Monday"
    assert (hours["opens"], hours["closes"]) == ("07:30", "17:00")


def test_titles_are_escaped_exactly_once_in_tags_and_json_ld(hostile):
    html = page(hostile, "2025/tin-nong/")
    for name in ("og:title", "twitter:title"):
        assert meta(html, name) == HOSTILE_TITLE
    assert meta(html, "og:description") == "Tóm tắt có “ngoặc” & 5 > 3 < 4."
    assert json_ld(html)["NewsArticle"]["headline"] == HOSTILE_TITLE
    raw = (hostile / "2025/tin-nong/index.html").read_text("utf-8")
    assert "<script>alert" not in raw
    assert "&amp;lt;" not in raw and "&amp;amp;" not in raw
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in raw


def test_a_post_copied_from_elsewhere_names_the_original_as_canonical(hostile):
    html = page(hostile, "2025/tin-nong/")
    assert html.find("link", rel="canonical")["href"] == ORIGINAL
    assert meta(html, "og:url") == ORIGINAL
    assert json_ld(html)["NewsArticle"]["mainEntityOfPage"] == ORIGINAL
    # The English page is not a copy of it: canonical is not inherited.
    english = page(hostile, "en/2025/tin-nong/")
    assert (
        english.find("link", rel="canonical")["href"] == f"{SITEURL}/en/2025/tin-nong/"
    )


def test_a_translation_without_its_own_correction_shows_none(hostile):
    assert page(hostile, "2025/tin-nong/").select_one(".post__correction")
    assert page(hostile, "en/2025/tin-nong/").select_one(".post__correction") is None


def test_an_event_is_described_with_its_times_and_place(hostile):
    event = json_ld(page(hostile, "2025/tin-nong/"))["Event"]
    assert event["startDate"] == "2025-11-10T14:00:00+07:00"
    assert event["endDate"] == "2025-11-10T17:00:00+07:00"
    assert event["location"]["name"] == "Hội trường A"


def test_only_crops_that_pages_use_are_made(hostile):
    made = {unfingerprinted(p.name) for p in (hostile / "media").rglob("*.jpg")}
    article = {f"bia-{name}.jpg" for name in ("og", "16x9", "4x3", "1x1")}
    assert article <= made
    # A standing page and a portrait are shared, not described as articles.
    assert "toa-nha-og.jpg" in made and "anh-og.jpg" in made
    assert not {"toa-nha-16x9.jpg", "anh-16x9.jpg", "anh-1x1.jpg"} & made


@pytest.mark.parametrize(
    ("path", "hours", "about"),
    [
        (
            "2025/hoi-nghi-ban-doc-2025/",
            "Thứ Hai – Thứ Sáu: 07:30–17:00",
            "/gioi-thieu/",
        ),
        ("en/", "Monday – Friday: 07:30–17:00", "/en/gioi-thieu/"),
    ],
)
def test_the_footer_shows_where_when_and_how_to_reach_the_library(
    sample_site, path, hours, about
):
    footer = page(sample_site, path).select_one(".site-footer")
    text = footer.get_text(" ", strip=True).replace("\u2060", "")
    assert "phường Cam Đường, tỉnh Lào Cai" in text
    assert hours in text
    assert footer.select_one('a[href="tel:+842140000000"]').text == "+84 214 000 0000"
    assert footer.select_one('a[href^="mailto:"]').text == "thuvien@laocai.example"
    links = {a["href"].removeprefix(SITEURL) for a in footer.select(".footer-nav a")}
    assert about in links
    assert any(link.endswith("/feeds/") for link in links)
