"""People and works pages, their indexes, and their links with posts both ways."""

from __future__ import annotations

import pytest

from tests.support import jpeg, mp3, post, soup

FILES = {
    "people/nhac-si-a/index.md": post(
        "name: Nhạc Sĩ A\nroles: [musician, composer]\nportrait: anh.jpg", "Tiểu sử A."
    ),
    "people/nhac-si-a/index.en.md": post("summary: Musician A.", "Biography of A."),
    "people/nhac-si-a/anh.jpg": jpeg(300, 400),
    "people/tac-gia-b/index.md": post("name: Tác Giả B\nroles: [author]", "Tiểu sử B."),
    "people/ca-si-c/index.md": post("name: Ca Sĩ C\nroles: [singer]", "Tiểu sử C."),
    "people/nhap-d/index.md": post("name: Nháp D\nstatus: draft", "Chưa xong."),
    "works/bai-hat-x/index.md": post(
        """
        title: Bài hát X
        kind: song
        creators: [nhac-si-a]
        performers: [ca-si-c]
        audio: x.mp3
        duration: "4:35"
        """,
        "Giới thiệu.\n\n## Lời bài hát\n\nLời mẫu.",
    ),
    "works/bai-hat-x/x.mp3": mp3(),
    "works/sach-y/index.md": post(
        """
        title: Sách Y
        kind: book
        creators: [tac-gia-b]
        cover: bia.jpg
        cover_alt: Bìa sách Y
        publisher: NXB Văn hoá dân tộc
        isbn: 978-0-306-40615-7
        """
    ),
    "works/sach-y/bia.jpg": jpeg(200, 300),
    "posts/2025/bai-a/index.md": post(
        "title: Bài về A\ndate: 2025-11-06\ncategory: am-nhac\npeople: [nhac-si-a]\nworks: [bai-hat-x]"
    ),
    "posts/2025/bai-a/index.en.md": post("title: A post about A", "English text."),
    "posts/2025/bai-b/index.md": post(
        "title: Bài về B\ndate: 2025-11-07\ncategory: am-nhac\npeople: [tac-gia-b, nhap-d]\n"
        "works: [sach-y, bai-hat-x]"
    ),
}


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(FILES)
    assert built.ok, built.log
    return built.root


def links(page, selector="main a"):
    return {a["href"] for a in page.select(selector)}


def test_person_page(site):
    page = soup(site, "people/nhac-si-a/")
    assert page.h1.get_text() == "Nhạc Sĩ A"
    assert page.select_one(".entry__roles").get_text() == "nhạc sĩ, nhà soạn nhạc"
    assert page.select_one(".entry__portrait img")["alt"] == "Nhạc Sĩ A"


def test_person_lists_the_works_they_created(site):
    assert "/works/bai-hat-x/" in links(
        soup(site, "people/nhac-si-a/"), "#works-created + ul a"
    )


def test_person_lists_the_works_they_performed(site):
    assert "/works/bai-hat-x/" in links(
        soup(site, "people/ca-si-c/"), "#works-performed + ul a"
    )


def test_person_lists_the_works_of_the_posts_about_them_as_such(site):
    page = soup(site, "people/tac-gia-b/")
    # Bài hát X is in a post about B; B wrote Sách Y, listed as B's work.
    assert links(page, "#works-in-posts + ul a") == {"/works/bai-hat-x/"}
    assert page.find("h2", id="works-in-posts").get_text() == (
        "Tác phẩm trong các bài viết về Tác Giả B"
    )
    assert links(page, "#works-created + ul a") == {"/works/sach-y/"}
    assert not soup(site, "people/nhac-si-a/").find(id="works-in-posts")


def test_person_lists_every_post_about_them(site):
    assert links(soup(site, "people/nhac-si-a/"), "#posts-about + ul a") == {
        "/2025/bai-a/"
    }


def test_song_has_an_audio_player_and_its_file(site):
    page = soup(site, "works/bai-hat-x/")
    player = page.find("audio")
    assert player.has_attr("controls") and player["preload"] == "none"
    assert (site / "output" / player["src"].lstrip("/")).is_file()
    # Its length is said once, beside the player (which shows none before
    # it loads).
    assert page.get_text().count("4:35") == 1
    assert "4:35" in page.select_one(".entry__audio figcaption").get_text()


def test_song_has_its_lyrics_section(site):
    assert soup(site, "works/bai-hat-x/").find("h2", string="Lời bài hát")


def test_work_links_its_creators_performers_and_posts(site):
    page = soup(site, "works/bai-hat-x/")
    assert {"/people/nhac-si-a/", "/people/ca-si-c/"} <= links(page, ".entry__facts a")
    assert links(page, "#posts-mention + ul a") == {"/2025/bai-a/", "/2025/bai-b/"}


def test_book_has_cover_publisher_and_isbn(site):
    page = soup(site, "works/sach-y/")
    assert page.select_one(".entry__cover img")["alt"] == "Bìa sách Y"
    facts = page.select_one(".entry__facts").get_text()
    assert "NXB Văn hoá dân tộc" in facts and "978-0-306-40615-7" in facts


def test_post_links_to_its_people_and_works(site):
    page = soup(site, "2025/bai-a/")
    assert links(page, ".post__entries a") == {
        "/people/nhac-si-a/",
        "/works/bai-hat-x/",
    }


def test_people_index_groups_by_role(site):
    page = soup(site, "people/")
    assert links(page, "#authors + ul a") == {"/people/tac-gia-b/"}
    assert links(page, "#musicians + ul a") == {
        "/people/nhac-si-a/",
        "/people/ca-si-c/",
    }
    assert {"#authors", "#musicians"} == links(page, ".filters a")


def test_works_index_groups_by_kind(site):
    page = soup(site, "works/")
    assert links(page, "#songs + ul > li > a") == {"/works/bai-hat-x/"}
    assert links(page, "#books + ul > li > a") == {"/works/sach-y/"}


def test_menu_links_people_and_works(site):
    assert {"/people/", "/works/"} <= links(soup(site, ""), ".site-nav a")


def test_english_post_links_to_english_person_else_the_original(site):
    page = soup(site, "en/2025/bai-a/")
    assert links(page, ".post__entries a") == {
        "/en/people/nhac-si-a/",
        "/works/bai-hat-x/",
    }


def test_english_person_page_speaks_english(site):
    page = soup(site, "en/people/nhac-si-a/")
    assert page.html["lang"] == "en"
    assert page.select_one(".entry__roles").get_text() == "musician, composer"
    assert page.find("h2", id="works-created").get_text() == "Works"


@pytest.fixture(scope="module")
def published(build_site):
    built = build_site(FILES, production=True)
    assert built.ok, built.log
    return built.root


def test_a_draft_person_has_no_page_and_no_link_when_published(published):
    assert not (published / "output/people/nhap-d").exists()
    assert links(soup(published, "2025/bai-b/"), ".post__entries a") == {
        "https://thuvien.laocai.example/people/tac-gia-b/",
        "https://thuvien.laocai.example/works/sach-y/",
        "https://thuvien.laocai.example/works/bai-hat-x/",
    }


def test_a_draft_person_is_shown_to_the_writer(site):
    assert soup(site, "people/nhap-d/").h1.get_text() == "Nháp D"
