"""Vietnamese at /, English under /en/, in one run; a third language is a setting."""

from __future__ import annotations

import pytest

from tests.support import REPO, jpeg, post, run_pelican, soup, write_site

FILES = {
    "posts/2025/hoi-nghi/index.md": post(
        """
        title: Hội nghị bạn đọc
        date: 2025-11-06 14:00
        category: su-kien
        tags: [văn hoá đọc]
        people: [nhac-si-a]
        source: {name: Báo Lào Cai, url: "https://baolaocai.vn/a.html"}
        """,
        "![Hội trường](hoi-truong.jpg)\n\n*Quang cảnh.*",
    ),
    "posts/2025/hoi-nghi/index.en.md": post(
        "title: Readers' conference\nslug: readers-conference",
        "![The hall](hoi-truong.jpg)",
    ),
    "posts/2025/hoi-nghi/hoi-truong.jpg": jpeg(),
    "posts/2025/chi-tieng-viet/index.md": post(
        "title: Chỉ có tiếng Việt\ndate: 2025-10-01\ncategory: su-kien"
    ),
    "posts/2025/english-only/index.en.md": post(
        "title: Only in English\ndate: 2025-09-01\ncategory: su-kien"
    ),
    "people/nhac-si-a/index.md": post("name: Nhạc Sĩ A\nroles: [musician]"),
    "pages/gioi-thieu/index.md": post("title: Giới thiệu"),
    "pages/gioi-thieu/index.en.md": post("title: About"),
}
CATEGORIES = "- key: su-kien\n  vi: Sự kiện\n  en: Events\n"


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(
        FILES,
        categories=CATEGORIES,
        data={"tags.yml": "văn hoá đọc: {en: reading culture}\n"},
    )
    assert built.ok, built.log
    return built.root


def alternates(page):
    return {
        link["hreflang"]: link["href"]
        for link in page.select('link[rel="alternate"][hreflang]')
    }


def test_english_post_is_under_en_with_its_own_slug(site):
    assert soup(site, "en/2025/readers-conference/").html["lang"] == "en"


def test_english_post_has_english_ui_strings(site):
    page = soup(site, "en/2025/readers-conference/")
    assert page.select_one(".skip-link").get_text() == "Skip to main content"
    assert page.select_one(".post__source").get_text().startswith("Source:")


def test_vietnamese_post_has_vietnamese_ui_strings(site):
    page = soup(site, "2025/hoi-nghi/")
    assert page.select_one(".skip-link").get_text() == "Chuyển đến nội dung chính"
    assert page.select_one(".post__source").get_text().startswith("Nguồn:")


def test_dates_follow_the_language_with_weekday_and_time(site):
    english = soup(site, "en/2025/readers-conference/").select_one(".post__byline time")
    assert (english["datetime"], english.get_text()) == (
        "2025-11-06T14:00:00+07:00",
        "Thursday, 6 November 2025, 14:00",
    )
    vietnamese = soup(site, "2025/hoi-nghi/").select_one(".post__byline time")
    assert vietnamese.get_text() == "Thứ Năm, 6/11/2025, 14:00"


def test_a_date_without_time_shows_no_time_in_either_language(site):
    time = soup(site, "2025/chi-tieng-viet/").select_one(".post__byline time")
    assert (time["datetime"], time.get_text()) == ("2025-10-01", "Thứ Tư, 1/10/2025")
    english = soup(site, "en/2025/english-only/").select_one(".post__byline time")
    assert (english["datetime"], english.get_text()) == (
        "2025-09-01",
        "Monday, 1 September 2025",
    )


def test_hreflang_both_ways_with_x_default(site):
    expected = {
        "vi": "/2025/hoi-nghi/",
        "en": "/en/2025/readers-conference/",
        "x-default": "/2025/hoi-nghi/",
    }
    assert alternates(soup(site, "2025/hoi-nghi/")) == expected
    assert alternates(soup(site, "en/2025/readers-conference/")) == expected


def test_switcher_goes_to_the_translation(site):
    link = soup(site, "2025/hoi-nghi/").select_one(".language-switcher a")
    name = link.select_one(".language-switcher__name").get_text()
    assert (link["href"], link["lang"], name) == (
        "/en/2025/readers-conference/",
        "en",
        "English",
    )


def test_switcher_goes_home_when_there_is_no_translation(site):
    link = soup(site, "2025/chi-tieng-viet/").select_one(".language-switcher a")
    assert link["href"] == "/en/"


def test_switcher_on_english_page_goes_back(site):
    link = soup(site, "en/2025/readers-conference/").select_one(".language-switcher a")
    name = link.select_one(".language-switcher__name").get_text()
    assert (link["href"], name) == ("/2025/hoi-nghi/", "Tiếng Việt")


def test_translation_inherits_date_category_photos_and_people(site):
    page = soup(site, "en/2025/readers-conference/")
    assert page.select_one(".post__category a")["href"] == "/en/category/su-kien/"
    assert page.select_one(".post__category a").get_text() == "Events"
    assert page.find("img", alt="The hall")["src"].startswith(
        "/media/posts/2025/hoi-nghi/hoi-truong-"
    )
    assert page.select_one(".post__entries a")["href"] == "/people/nhac-si-a/"


def test_lists_are_per_language(site):
    titles = ".lead-story__title a, .card__title a"
    vietnamese = {a.get_text() for a in soup(site, "").select(titles)}
    english = {a.get_text() for a in soup(site, "en/").select(titles)}
    assert vietnamese == {"Hội nghị bạn đọc", "Chỉ có tiếng Việt"}
    assert english == {"Readers' conference", "Only in English"}


def test_untranslated_post_stays_in_its_language(site):
    assert "Only in English" not in soup(site, "category/su-kien/").get_text()
    assert "Chỉ có tiếng Việt" not in soup(site, "en/category/su-kien/").get_text()


def test_english_category_tag_and_year_pages(site):
    assert soup(site, "en/category/su-kien/").h1.get_text() == "Events"
    assert soup(site, "en/tag/van-hoa-doc/").h1.get_text() == "Topic: reading culture"
    assert soup(site, "en/2025/").h1.get_text() == "Posts of 2025"


def test_not_found_page_per_language(site):
    assert soup(site, "404.html").h1.get_text() == "Không tìm thấy trang"
    page = soup(site, "en/404.html")
    assert (page.html["lang"], page.h1.get_text()) == ("en", "Page not found")


def test_page_translation_and_footer_links(site):
    assert {a["href"] for a in soup(site, "en/").select(".footer-nav a")} == {
        "/en/gioi-thieu/",
        "/en/archives/",
        "/en/feeds/",
    }
    assert {a["href"] for a in soup(site, "").select(".footer-nav a")} == {
        "/gioi-thieu/",
        "/archives/",
        "/feeds/",
    }


def site_catalogue(root, lang: str, skip_link: str) -> None:
    """Write the site's own catalogue of `lang`: one message, the skip link's."""
    catalogue = root / "translations" / lang / "LC_MESSAGES/messages.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "Skip to main content"\nmsgstr "{skip_link}"\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def swedish(tmp_path_factory):
    """A third language: a settings entry plus the site's own catalogue, no more.

    The catalogue is in the site's translations/ folder, not the theme's:
    the site's message first, the theme's (none for Swedish) for the rest.
    """
    files = {
        **FILES,
        "posts/2025/hoi-nghi/index.sv.md": post(
            "title: Läsarkonferens", "Svensk text."
        ),
    }
    root = write_site(tmp_path_factory.mktemp("swedish"), files, CATEGORIES)
    site_catalogue(root, "sv", "Hoppa till huvudinnehållet")
    built = run_pelican(root, LANGUAGES=["vi", "en", "sv"])
    assert built.returncode == 0, built.stdout + built.stderr
    return root


def test_a_third_language_needs_only_a_setting_and_a_catalogue(swedish):
    page = soup(swedish, "sv/2025/hoi-nghi/")
    assert page.html["lang"] == "sv"
    assert page.select_one(".skip-link").get_text() == "Hoppa till huvudinnehållet"
    assert page.select_one(".post__byline time").get_text() == (
        "torsdag 6 november 2025, 14:00"
    )
    assert alternates(soup(swedish, "2025/hoi-nghi/"))["sv"] == "/sv/2025/hoi-nghi/"


def test_tag_names_are_translated_through_the_data_file(site):
    english = soup(site, "en/2025/readers-conference/").select_one(".post__tags a")
    vietnamese = soup(site, "2025/hoi-nghi/").select_one(".post__tags a")
    assert (english.get_text(), english["href"]) == (
        "reading culture",
        "/en/tag/van-hoa-doc/",
    )
    assert (vietnamese.get_text(), vietnamese["href"]) == (
        "văn hoá đọc",
        "/tag/van-hoa-doc/",
    )


def test_a_blank_translation_from_the_editor_is_left_out_with_a_warning(build_site):
    built = build_site(
        {
            "posts/2025/dem-tho/index.vi.md": post(
                "title: Đêm thơ\ndate: 2025-11-06\ncategory: am-nhac"
            ),
            # What the editor writes for a language the writer left blank.
            "posts/2025/dem-tho/index.en.md": "",
        }
    )
    assert built.ok, built.log
    assert (
        "content/posts/2025/dem-tho/index.en.md: warning: index.en.md is empty, so "
        "this post has no 'en' version yet"
    ) in built.log
    assert (built.output / "2025/dem-tho/index.html").is_file()
    assert not (built.output / "en/2025/dem-tho").exists()
    assert soup(built.root, "2025/dem-tho/").select(".post__translations") == []


def test_the_footer_names_who_runs_and_answers_for_the_site(site):
    facts = {
        lang: soup(site, path).select_one(".library-facts__legal").get_text(" ")
        for lang, path in (("vi", ""), ("en", "en/"))
    }
    assert "Cơ quan chủ quản: Sở Văn hoá, Thể thao và Du lịch tỉnh Lào Cai" in (
        " ".join(facts["vi"].split())
    )
    assert "Chịu trách nhiệm nội dung: Giám đốc Thư viện tỉnh Lào Cai" in (
        " ".join(facts["vi"].split())
    )
    english = " ".join(facts["en"].split())
    assert "Managing agency: Lao Cai Department of Culture, Sports and Tourism" in (
        english
    )
    assert "Responsible for content: Director of the Lao Cai" in english
    # The sample site has no licence: no empty line for it.
    assert "Licence" not in english and "Giấy phép" not in facts["vi"]


def test_a_licence_given_once_shows_in_every_language_marked_vietnamese(build_site):
    library = (REPO / "data" / "library.yml").read_text("utf-8")
    licence = "licence: Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp\n"
    built = build_site(
        FILES, categories=CATEGORIES, data={"library.yml": library + licence}
    )
    assert built.ok, built.log
    english = soup(built.root, "en/").select_one(".library-facts__legal")
    fact = english.find("dt", string="Licence:").find_next_sibling("dd")
    assert (fact["lang"], fact.get_text()) == ("vi", licence[9:].strip())


def test_the_english_home_lists_no_empty_news_under_its_lead(site):
    home = soup(site, "en/")
    assert home.select_one(".lead-story") is not None
    assert "No posts yet." not in home.get_text()
    name = "Lao Cai Provincial Library"
    assert home.select_one(".site-name").get_text(strip=True) == name
    assert home.title.get_text().strip() == name


def test_the_home_has_a_block_per_category_and_the_feed_last(site):
    home = soup(site, "")
    (block,) = home.select(".category-block")
    assert block.h2.a["href"] == "/category/su-kien/"
    titles = [a.get_text() for a in block.select(".row__title a")]
    assert titles == ["Chỉ có tiếng Việt"]  # the lead story is above already
    more = block.select_one(".category-block__more a")
    assert " ".join(more.get_text().split()) == "Xem thêm tin Sự kiện →"
    listing = home.select_one(".listing")
    assert listing.find_all(recursive=False)[-1]["class"] == ["feed-follow"]


def test_the_tagline_is_the_librarys_in_each_language(site):
    home, english = soup(site, ""), soup(site, "en/")
    assert home.select_one(".site-tagline").get_text() == (
        "Tin tức, tác giả, tác phẩm và văn hoá đọc"
    )
    assert english.select_one(".site-tagline").get_text() == (
        "News, authors, works and reading culture"
    )
    description = english.select_one('meta[name="description"]')["content"]
    assert description == "News, authors, works and reading culture"


def test_a_site_without_a_tagline_says_whose_news_it_is(build_site):
    library = (REPO / "data" / "library.yml").read_text("utf-8")
    untagged = library.split("\n# What the site is about")[0] + "\n"
    built = build_site(FILES, categories=CATEGORIES, data={"library.yml": untagged})
    assert built.ok, built.log
    home = soup(built.root, "")
    assert home.select(".site-tagline") == []
    assert home.select_one('meta[name="description"]')["content"] == (
        "Tin tức của Thư viện tỉnh Lào Cai"
    )
    feed = (built.output / "feeds/all.rss.xml").read_text("utf-8")
    assert "<description>Tin tức của Thư viện tỉnh Lào Cai</description>" in feed


def test_a_sites_own_catalogue_changes_a_message_and_keeps_the_themes(tmp_path):
    root = write_site(tmp_path, FILES, CATEGORIES)
    site_catalogue(root, "vi", "Đến phần nội dung")
    built = run_pelican(root)
    assert built.returncode == 0, built.stdout + built.stderr
    home = soup(root, "")
    assert home.select_one(".skip-link").get_text() == "Đến phần nội dung"
    # Every other message is still the theme's Vietnamese.
    assert "Tin mới" in home.get_text()
