"""A video link, or a post's `video:`, becomes a player that loads nothing until play."""

from __future__ import annotations

import feedparser
import pytest

from site_gates.files import html_errors
from tests.support import jpeg, post, read, run_task, soup, write_site

FRONT = "title: Đêm nhạc Tây Bắc\ndate: 2025-11-06\ncategory: am-nhac"

FILES = {
    "posts/2025/dem-nhac/index.md": post(
        FRONT,
        """
        Đoạn đầu.

        https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s

        *Trích đoạn “Chiều Mường Hum”.*

        <https://www.facebook.com/baolaocai/videos/1234567890/>

        Xem thêm https://youtu.be/dQw4w9WgXcQ trong câu này.
        """,
    ),
    "posts/2025/co-poster/index.md": post(
        FRONT + "\nsummary: Đoạn mở đầu.\nvideo: {url: 'https://youtu.be/dQw4w9WgXcQ', "
        "poster: poster.jpg, title: Toàn bộ đêm nhạc, transcript: /gioi-thieu/}",
        "Đoạn thứ nhất.\n\nĐoạn thứ hai.",
    ),
    "posts/2025/co-poster/poster.jpg": jpeg(160, 90),
    "posts/2025/co-poster/index.en.md": post(
        "title: The whole night\nsummary: The lead.", "One.\n\nTwo."
    ),
    "posts/2025/sau-doan-dau/index.md": post(
        FRONT + "\nvideo: https://www.facebook.com/watch/?v=98765",
        "Đoạn thứ nhất.\n\nĐoạn thứ hai.",
    ),
    "posts/2025/khong-video/index.md": post(FRONT, "Chỉ có chữ."),
}


@pytest.fixture(scope="module")
def built(build_site):
    built = build_site(FILES)
    assert built.ok, built.log
    return built


@pytest.fixture(scope="module")
def site(built):
    return built.root


def test_a_posters_empty_alt_text_is_not_reported_to_the_writer(built):
    # The poster is inside the link that names the video: its alt is empty on
    # purpose, and Pelican's own English warning about it would only confuse.
    assert 'alt=""' in (built.output / "2025/co-poster/index.html").read_text("utf-8")
    assert "Empty alt" not in built.log


def test_a_youtube_link_alone_on_a_line_becomes_a_player(site):
    player = soup(site, "2025/dem-nhac/").select(".prose figure.video")[0]
    link = player.select_one("a.video__link")
    assert link["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s"
    assert link["data-player"] == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"
    )
    assert " ".join(link.get_text(" ").split()) == "Phát video trên YouTube"
    assert link["aria-label"] == (
        "Phát video trên YouTube: Trích đoạn “Chiều Mường Hum”."
    )
    assert player.figcaption.get_text() == "Trích đoạn “Chiều Mường Hum”."


def test_the_italic_line_after_a_video_is_its_caption_not_a_paragraph(site):
    prose = soup(site, "2025/dem-nhac/").select_one(".prose")
    assert [p.get_text() for p in prose.find_all("p", recursive=False)] == [
        "Đoạn đầu.",
        "Xem thêm https://youtu.be/dQw4w9WgXcQ trong câu này.",
    ]


def test_a_facebook_link_in_angle_brackets_becomes_its_player(site):
    player = soup(site, "2025/dem-nhac/").select(".prose figure.video")[1]
    assert "video--facebook" in player["class"]
    link = player.select_one("a.video__link")
    assert link["href"] == "https://www.facebook.com/baolaocai/videos/1234567890/"
    assert link["data-player"].startswith(
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com"
    )


def test_no_page_holds_an_iframe_or_asks_the_video_host_for_anything(site):
    for path in ("2025/dem-nhac/", "2025/co-poster/", "2025/sau-doan-dau/"):
        page = soup(site, path)
        assert page.find("iframe") is None
        for tag in page.find_all(src=True):
            assert "youtube" not in tag["src"] and "facebook" not in tag["src"]
        for tag in page.find_all(srcset=True):
            assert "ytimg" not in tag["srcset"]


def test_the_posts_video_follows_the_lead_with_its_poster_title_and_transcript(site):
    prose = soup(site, "2025/co-poster/").select_one(".prose")
    first = prose.find(True)
    assert first.name == "figure" and "video" in first["class"]
    poster = first.select_one(".video__poster picture img")
    assert poster["alt"] == ""  # the link names the video
    assert "/media/posts/2025/co-poster/poster-160." in poster["src"]
    assert first.select_one("a.video__link").find("a") is None
    caption = first.figcaption
    assert caption.get_text(" ", strip=True) == "Toàn bộ đêm nhạc Bản ghi nội dung"
    assert caption.select_one("a.video__transcript")["href"] == "/gioi-thieu/"
    assert (site / "output/media/posts/2025/co-poster").is_dir()


def test_without_a_summary_the_video_follows_the_first_paragraph(site):
    prose = soup(site, "2025/sau-doan-dau/").select_one(".prose")
    children = prose.find_all(True, recursive=False)
    assert [c.name for c in children] == ["p", "figure", "p"]
    link = children[1].select_one("a.video__link")
    assert link["href"] == "https://www.facebook.com/watch/?v=98765"
    assert children[1].select_one(".video__poster--plain") is not None


def test_the_player_script_loads_only_on_pages_with_a_video(site):
    assert "/theme/js/video." in read(site, "2025/dem-nhac/")
    assert "/theme/js/video." not in read(site, "2025/khong-video/")


def test_feeds_carry_a_link_to_the_video_not_a_player(site):
    feed = feedparser.parse(str(site / "output/feeds/all.atom.xml"))
    assert feed.bozo == 0
    entry = next(e for e in feed.entries if e.link.endswith("/2025/dem-nhac/"))
    content = entry.content[0].value
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=90s"' in content
    assert "<iframe" not in content


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "https://vimeo.com/12345",
            "'video' 'https://vimeo.com/12345' is not a YouTube or Facebook video",
        ),
        (
            "{url: 'https://youtu.be/dQw4w9WgXcQ', poster: khong-co.jpg}",
            "'video': poster: there is no photo 'khong-co.jpg' in this folder",
        ),
        (
            "{link: 'https://youtu.be/dQw4w9WgXcQ'}",
            "'video' has an unknown key 'link': use url, poster, title, transcript",
        ),
    ],
)
def test_a_wrong_video_is_a_content_error_on_its_line(tmp_path, value, message):
    site = write_site(
        tmp_path, {"posts/2025/x/index.md": post(f"{FRONT}\nvideo: {value}")}
    )
    result = run_task("check", "--content", str(site / "content"))
    assert result.returncode == 1
    assert f"content/posts/2025/x/index.md:5: error: {message}" in result.stderr


def test_a_translation_keeps_the_video_and_marks_its_vietnamese_title(site):
    figure = soup(site, "en/2025/co-poster/").select_one(".prose figure.video")
    assert figure.select_one("a.video__link")["aria-label"] == (
        "Play the video on YouTube: Toàn bộ đêm nhạc"
    )
    title = figure.figcaption.select_one("span")
    assert (title["lang"], title.get_text()) == ("vi", "Toàn bộ đêm nhạc")
    assert figure.select_one("a.video__transcript").get_text() == "Transcript"


def test_pages_with_videos_are_valid_html(site):
    output = site / "output"
    assert html_errors(output)[output] == []


def test_search_leaves_the_play_button_out_of_results(site):
    link = soup(site, "2025/dem-nhac/").select_one("a.video__link")
    assert link.has_attr("data-pagefind-ignore")
