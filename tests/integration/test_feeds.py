"""Feeds as subscribers, aggregators and podcast apps read them (production builds).

Two sites: the sample site, and a small one with what breaks careless feeds:
a title full of markup characters, a correction, relative links, a cover
with a caption, a song, a draft and a post dated after "now".
"""

from __future__ import annotations

import calendar
import json
import re
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
import podcastparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from tests.feed_rules import (
    NS,
    atom_problems,
    html_problems,
    podcast_problems,
    rss_problems,
)
from tests.support import REPO, jpeg, post, unfingerprinted

SITEURL = "https://thuvien.laocai.example"
HUB = "https://pubsubhubbub.appspot.com/"
SCHEMA = json.loads(
    (REPO / "tests" / "schemas" / "jsonfeed-1.1.schema.json").read_text("utf-8")
)
HOSTILE_TITLE = 'Tin "nóng" & <script>alert(1)</script> <b>đậm</b> > hết'
CORRECTION = "Đã sửa tên người phát biểu."
LEAD = "Sáng 10/11, thư viện mở cửa đón bạn đọc nhỏ tuổi."
SOURCE_URL = "https://baolaocai.vn/tin-nong-post1.html"
BUILD_TIME = "2025-11-20T12:00:00+07:00"
SONG = (REPO / "content/works/chieu-muong-hum/am-thanh-mau.mp3").read_bytes()

FILES = {
    "posts/2025/tin-nong/index.md": post(
        f"""
        title: '{HOSTILE_TITLE}'
        date: 2025-11-10 09:30
        modified: 2025-11-12 08:00
        correction: {CORRECTION}
        category: hoat-dong-thu-vien
        tags: [a & b, văn hoá đọc]
        authors: [Lê Văn Viết]
        people: [nhac-si-a]
        cover: bia.jpg
        cover_alt: Bạn đọc ở thư viện
        summary: {LEAD}
        source:
          name: Báo Lào Cai
          url: {SOURCE_URL}
        """,
        """
        Đọc [bài trước](../bai-truoc/) và [trang chủ](/) hoặc [tin khác](/2025/bai-truoc/).

        ![Hội trường](hoi-truong.jpg)
        """,
    ),
    "posts/2025/tin-nong/bia.jpg": jpeg(1600, 1000),
    "posts/2025/tin-nong/hoi-truong.jpg": jpeg(800, 600),
    "posts/2025/tin-nong/index.en.md": post(
        "title: 'Hot news & <script>x</script>'\nsummary: The English version.",
        "English text.",
    ),
    "posts/2025/bai-truoc/index.md": post(
        "title: Bài trước\ndate: 2025-11-01 01:00 +00:00\ncategory: am-nhac\n"
        "works: [bai-hat-x]"
    ),
    "posts/2025/ban-nhap/index.md": post(
        "title: Bản nháp bí mật\ndate: 2025-11-05\ncategory: am-nhac\nstatus: draft"
    ),
    "posts/2025/tuong-lai/index.md": post(
        "title: Bài của tương lai\ndate: 2025-12-30\ncategory: am-nhac"
    ),
    "people/nhac-si-a/index.md": post("name: Nhạc Sĩ A\nroles: [musician]", "Tiểu sử."),
    "works/bai-hat-x/index.md": post(
        "title: Bài hát X & Y\nkind: song\ncreators: [nhac-si-a]\naudio: x.mp3\n"
        "cover: bia.jpg\ncover_alt: Bìa đĩa",
        "Giới thiệu [bài hát](../bai-hat-x/).",
    ),
    "works/bai-hat-x/x.mp3": SONG,
    "works/bai-hat-x/bia.jpg": jpeg(1500, 1500),
}


@pytest.fixture(scope="module")
def hostile(build_site):
    built = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME)
    assert built.ok, built.log
    return built.output


@pytest.fixture(scope="module", params=["sample", "hostile"])
def output(request, sample_site, hostile):
    return sample_site if request.param == "sample" else hostile


def feed_files(output: Path, suffix: str) -> list[Path]:
    return sorted(p for p in output.rglob(f"*{suffix}") if "feeds" in p.parts)


def url_of(output: Path, path: Path) -> str:
    return f"{SITEURL}/{path.relative_to(output).as_posix()}"


def test_every_feed_parses_without_error(output):
    feeds = feed_files(output, ".xml")
    assert len(feeds) > 10
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path


def test_rss_feeds_follow_the_validators_rules(output):
    for path in feed_files(output, ".rss.xml"):
        assert rss_problems(path, url_of(output, path), HUB) == [], path


def test_atom_feeds_follow_the_validators_rules(output):
    for path in feed_files(output, ".atom.xml"):
        assert atom_problems(path, url_of(output, path), HUB) == [], path


def test_json_feeds_match_the_json_feed_schema(output):
    paths = feed_files(output, ".json")
    assert [p.relative_to(output).as_posix() for p in paths] == [
        "en/feeds/all.json",
        "feeds/all.json",
    ]
    for path in paths:
        document = json.loads(path.read_text("utf-8"))
        jsonschema.validate(document, SCHEMA)
        assert document["feed_url"] == url_of(output, path)
        assert document["hubs"] == [{"type": "WebSub", "url": HUB}]
        for item in document["items"]:
            assert html_problems(item["content_html"], item["id"]) == []


def test_each_language_has_its_own_feeds(hostile):
    vi = feedparser.parse((hostile / "feeds/all.rss.xml").read_bytes())
    en = feedparser.parse((hostile / "en/feeds/all.rss.xml").read_bytes())
    assert vi.feed.language == "vi"
    assert en.feed.language == "en"
    assert [e.link for e in en.entries] == [f"{SITEURL}/en/2025/tin-nong/"]
    assert en.feed.title == "Lao Cai Provincial Library"
    assert vi.feed.link == f"{SITEURL}/"
    assert en.feed.link == f"{SITEURL}/en/"


def test_category_tag_and_person_feeds_hold_their_posts(hostile):
    def links(path):
        return [e.link for e in feedparser.parse((hostile / path).read_bytes()).entries]

    news, music = f"{SITEURL}/2025/tin-nong/", f"{SITEURL}/2025/bai-truoc/"
    assert links("feeds/category/hoat-dong-thu-vien.rss.xml") == [news]
    assert links("feeds/category/am-nhac.atom.xml") == [music]
    assert links("feeds/tag/a-b.rss.xml") == [news]
    assert links("feeds/people/nhac-si-a.rss.xml") == [news]


def test_items_carry_everything_a_reader_shows(hostile):
    rss = etree.parse(str(hostile / "feeds/all.rss.xml")).getroot()
    item = rss.find("channel/item")
    assert item.findtext("title") == HOSTILE_TITLE
    assert item.findtext("guid") == f"{SITEURL}/2025/tin-nong/"
    assert item.findtext("pubDate") == "Mon, 10 Nov 2025 09:30:00 +0700"
    assert item.findtext("dc:creator", namespaces=NS) == "Lê Văn Viết"
    assert [c.text for c in item.findall("category")] == [
        "Hoạt động thư viện",
        "a & b",
        "văn hoá đọc",
    ]
    content = BeautifulSoup(item.findtext("content:encoded", namespaces=NS), "lxml")
    hrefs = [a["href"] for a in content.select("a:not(.photo-link)")]
    assert hrefs[:3] == [
        f"{SITEURL}/2025/bai-truoc/",
        f"{SITEURL}/",
        f"{SITEURL}/2025/bai-truoc/",
    ]
    assert all(s.startswith(SITEURL) for s in [img["src"] for img in content("img")])
    # A date the writer gave in UTC is written in the site's time zone.
    older = rss.findall("channel/item")[1]
    assert older.findtext("pubDate") == "Sat, 01 Nov 2025 08:00:00 +0700"
    atom = etree.parse(str(hostile / "feeds/all.atom.xml")).getroot()
    entry = atom.find("atom:entry", NS)
    assert entry.findtext("atom:updated", namespaces=NS) == "2025-11-12T08:00:00+07:00"
    assert (
        entry.findtext("atom:published", namespaces=NS) == "2025-11-10T09:30:00+07:00"
    )


def test_the_correction_comes_first_in_the_content(hostile):
    parsed = feedparser.parse((hostile / "feeds/all.rss.xml").read_bytes())
    first = BeautifulSoup(parsed.entries[0].content[0].value, "lxml").p
    assert first.strong.text == "Đã sửa"
    assert CORRECTION in first.text
    assert "12 tháng 11, 2025" in first.text
    english = feedparser.parse((hostile / "en/feeds/all.rss.xml").read_bytes())
    assert CORRECTION not in english.entries[0].content[0].value


def _items_of(feed: Path, link: str) -> list[str]:
    """Return the full text of the items of `feed` (RSS, Atom or JSON) for `link`."""
    if feed.suffix == ".json":
        items = json.loads(feed.read_text("utf-8"))["items"]
        return [i["content_html"] for i in items if i["url"] == link]
    entries = feedparser.parse(feed.read_bytes()).entries
    return [e.content[0].value for e in entries if e.link == link]


@pytest.mark.parametrize(
    ("lang", "lead", "source_label"),
    [("vi", LEAD, "Nguồn:"), ("en", "The English version.", "Source:")],
    ids=["vi", "en"],
)
def test_every_full_text_item_tells_the_lead_first_and_the_source_last(
    hostile, lang, lead, source_label
):
    """The lead a writer wrote is shown above the body, not in it: so in feeds."""
    prefix = "" if lang == "vi" else "en/"
    link = f"{SITEURL}/{prefix}2025/tin-nong/"
    feeds = [
        path
        for suffix in (".rss.xml", ".atom.xml", ".json")
        for path in feed_files(hostile / prefix, suffix)
        if lang == "en" or "en" not in path.relative_to(hostile).parts
    ]
    texts = [text for feed in feeds for text in _items_of(feed, link)]
    assert len(texts) >= 3, feeds  # the language's RSS, Atom and JSON feeds at least
    for text in texts:
        paragraphs = BeautifulSoup(text, "lxml").find_all("p", recursive=True)
        story = [p for p in paragraphs if CORRECTION not in p.text]
        assert story[0].text == lead
        source = story[-1]
        assert source.text == f"{source_label} Báo Lào Cai"
        assert source.a["href"] == SOURCE_URL


def test_a_caption_and_its_credit_read_apart_in_text_readers(sample_site):
    """ "Quang cảnh hội nghị.Ảnh: ..." was what a reader of text alone saw."""
    credits = []
    for path in feed_files(sample_site, ".rss.xml"):
        for entry in feedparser.parse(path.read_bytes()).entries:
            text = entry.content[0].value if "content" in entry else ""
            credits += BeautifulSoup(text, "lxml").select(".photos__credit")
    assert credits, "the sample's posts credit their photos"
    for credit in credits:
        before = credit.previous_sibling
        text = before if isinstance(before, str) else before.get_text()
        assert text[-1:].isspace(), f"{text!r} runs into {credit.get_text()!r}"


def test_the_cover_is_published_with_its_size_and_caption(hostile):
    item = (
        etree.parse(str(hostile / "feeds/all.rss.xml")).getroot().find("channel/item")
    )
    content = item.find("media:content", NS)
    thumbnail = item.find("media:thumbnail", NS)
    for element in (content, thumbnail):
        path = hostile / element.get("url").removeprefix(f"{SITEURL}/")
        assert path.is_file(), element.get("url")
    assert (content.get("width"), content.get("height")) == ("1600", "1000")
    assert content.get("type") == "image/jpeg"
    assert content.findtext("media:description", namespaces=NS) == "Bạn đọc ở thư viện"
    assert (thumbnail.get("width"), thumbnail.get("height")) == ("480", "300")


def test_channel_names_the_library_with_its_logo(hostile):
    channel = etree.parse(str(hostile / "feeds/all.rss.xml")).getroot().find("channel")
    assert channel.findtext("copyright") == "© 2025 Thư viện tỉnh Lào Cai"
    logo = hostile / channel.findtext("image/url").removeprefix(f"{SITEURL}/")
    assert logo.is_file()
    assert channel.findtext("lastBuildDate") == "Wed, 12 Nov 2025 08:00:00 +0700"


def test_markup_characters_are_escaped_exactly_once(hostile):
    for path in feed_files(hostile, ".xml"):
        raw = path.read_text("utf-8")
        assert "<script" not in raw, path
        assert "&amp;lt;" not in raw and "&amp;amp;" not in raw, path
    titles = [
        e.title
        for e in feedparser.parse((hostile / "feeds/all.atom.xml").read_bytes()).entries
    ]
    assert HOSTILE_TITLE in titles
    # JSON Feed titles are plain text: the characters as the writer typed them.
    document = json.loads((hostile / "feeds/all.json").read_text("utf-8"))
    assert document["items"][0]["title"] == HOSTILE_TITLE
    assert "&amp;" not in (hostile / "feeds/all.json").read_text("utf-8")


def test_drafts_and_future_posts_are_in_no_feed(hostile):
    for path in [*feed_files(hostile, ".xml"), *feed_files(hostile, ".json")]:
        raw = path.read_text("utf-8")
        assert "ban-nhap" not in raw and "Bản nháp" not in raw, path
        assert "tuong-lai" not in raw and "tương lai" not in raw, path


def test_a_rebuild_with_no_change_gives_byte_identical_feeds(build_site, hostile):
    again = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME)
    assert again.ok, again.log
    first = {
        p.relative_to(hostile): p.read_bytes()
        for p in hostile.rglob("*")
        if "feeds" in p.parts and p.is_file()
    }
    second = {
        p.relative_to(again.output): p.read_bytes()
        for p in again.output.rglob("*")
        if "feeds" in p.parts and p.is_file()
    }
    assert len(first) > 10
    assert first == second


def test_the_songs_load_in_a_podcast_app(hostile):
    path = hostile / "feeds/songs.rss.xml"
    assert podcast_problems(path) == []
    with path.open("rb") as stream:
        podcast = podcastparser.parse(f"{SITEURL}/feeds/songs.rss.xml", stream)
    assert podcast["title"] == "Thư viện tỉnh Lào Cai: Bài hát"
    assert unfingerprinted(podcast["cover_url"]).endswith("-podcast.jpg")
    (episode,) = podcast["episodes"]
    assert episode["title"] == "Bài hát X & Y"
    assert episode["total_time"] == 5
    assert episode["published"] > 0  # the date of the first post about it
    (enclosure,) = episode["enclosures"]
    audio = hostile / enclosure["url"].removeprefix(f"{SITEURL}/")
    assert enclosure["file_size"] == audio.stat().st_size == len(SONG)
    assert enclosure["mime_type"] == "audio/mpeg"
    # The podcast's artwork, and the song's own square cover as its episode art.
    for url in (podcast["cover_url"], episode["episode_art_url"]):
        with Image.open(hostile / url.removeprefix(f"{SITEURL}/")) as image:
            assert image.size == (1400, 1400)
    assert "/media/works/bai-hat-x/bia-podcast.jpg" in unfingerprinted(
        episode["episode_art_url"]
    )


def test_a_post_dated_by_the_day_keeps_its_day_for_readers_east_and_west(
    sample_site,
):
    """Midnight in Vietnam is the day before for every reader west of it."""
    parsed = feedparser.parse((sample_site / "feeds/all.rss.xml").read_bytes())
    (item,) = [e for e in parsed.entries if "hoi-nghi-ban-doc-2025" in e.link]
    assert item.published == "Thu, 06 Nov 2025 19:00:00 +0700"  # noon UTC
    moment = datetime.fromtimestamp(calendar.timegm(item.published_parsed), UTC)
    for zone in ("Etc/GMT+12", "America/Los_Angeles", "Europe/Paris", "Asia/Tokyo"):
        assert moment.astimezone(ZoneInfo(zone)).date() == date(2025, 11, 6), zone


def test_the_podcast_says_who_it_is_and_its_episodes_their_own_moment(sample_site):
    """podcast:guid and :locked for directories; explicit and a distinct date each."""
    channel = etree.parse(str(sample_site / "feeds/songs.rss.xml")).getroot()[0]
    podcast = {"podcast": "https://podcastindex.org/namespace/1.0", **NS}
    feed = "thuvien.laocai.example/feeds/songs.rss.xml"
    namespace = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
    assert channel.findtext("podcast:guid", namespaces=podcast) == str(
        uuid.uuid5(namespace, feed)
    )
    locked = channel.find("podcast:locked", podcast)
    assert (locked.text, locked.get("owner")) == ("yes", "thuvien@laocai.example")
    items = channel.findall("item")
    assert len(items) >= 3, "the sample's conference post names three songs"
    assert [i.findtext("itunes:explicit", namespaces=NS) for i in items] == (
        ["false"] * len(items)
    )
    dates = [i.findtext("pubDate") for i in items]
    assert len(set(dates)) == len(dates), dates


def test_every_address_of_the_site_in_a_feed_leads_to_a_file(output):
    for path in feed_files(output, ".xml"):
        raw = path.read_text("utf-8")
        for url in set(re.findall(rf"{re.escape(SITEURL)}/[^\s\"'<>&]*", raw)):
            target = output / url.removeprefix(f"{SITEURL}/")
            if url.endswith("/"):
                target /= "index.html"
            assert target.is_file(), (path, url)


def test_every_page_links_the_feeds_that_fit_it(hostile):
    def alternates(page):
        html = BeautifulSoup((hostile / page).read_text("utf-8"), "html.parser")
        return {
            link["href"] for link in html.select('link[rel="alternate"][type$="xml"]')
        }

    site = {f"{SITEURL}/feeds/all.rss.xml", f"{SITEURL}/feeds/all.atom.xml"}
    assert alternates("index.html") == site
    assert alternates("2025/tin-nong/index.html") == site
    assert alternates("category/am-nhac/index.html") == site | {
        f"{SITEURL}/feeds/category/am-nhac.rss.xml",
        f"{SITEURL}/feeds/category/am-nhac.atom.xml",
    }
    assert f"{SITEURL}/feeds/people/nhac-si-a.rss.xml" in alternates(
        "people/nhac-si-a/index.html"
    )
    assert f"{SITEURL}/feeds/songs.rss.xml" in alternates("works/bai-hat-x/index.html")
    assert alternates("en/index.html") == {
        f"{SITEURL}/en/feeds/all.rss.xml",
        f"{SITEURL}/en/feeds/all.atom.xml",
    }
    for href in alternates("category/am-nhac/index.html"):
        assert (hostile / href.removeprefix(f"{SITEURL}/")).is_file()


def test_pages_show_a_visible_feed_link(hostile):
    category = BeautifulSoup(
        (hostile / "category/am-nhac/index.html").read_text("utf-8"), "html.parser"
    )
    follow = category.select_one(".feed-follow a")
    assert follow.text == "Theo dõi qua RSS"
    assert follow["href"] == f"{SITEURL}/feeds/category/am-nhac.rss.xml"
    footer = category.select_one(".site-footer a[href$='/feeds/']")
    assert footer["href"] == f"{SITEURL}/feeds/"


def test_the_feeds_page_explains_and_lists_every_feed(hostile):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        page = BeautifulSoup(
            (hostile / prefix / "feeds/index.html").read_text("utf-8"), "html.parser"
        )
        assert page.html["lang"] == lang
        listed = {a["href"] for a in page.select(".feed-list a")}
        files = {
            url_of(hostile, p)
            for p in feed_files(hostile, "")
            if p.is_file()
            and p.suffix != ".html"
            and (p.relative_to(hostile).parts[0] == "en") == (lang == "en")
        }
        assert listed == files
        assert page.h1.text in ("Nhận tin qua RSS và podcast", "Feeds and podcast")
        assert page.select_one("ol li")  # the steps to subscribe


def test_the_development_build_writes_absolute_feeds_too(build_site):
    built = build_site(FILES, BUILD_TIME=BUILD_TIME)
    assert built.ok, built.log
    parsed = feedparser.parse((built.output / "feeds/all.rss.xml").read_bytes())
    assert parsed.entries[0].link == "http://127.0.0.1:8000/2025/tin-nong/"
    assert "ban-nhap" not in (built.output / "feeds/all.rss.xml").read_text("utf-8")


def test_item_limits_are_settings(build_site):
    built = build_site(
        FILES,
        production=True,
        BUILD_TIME=BUILD_TIME,
        FEEDS={"site_limit": 1, "limit": 1},
    )
    assert built.ok, built.log
    vi = feedparser.parse((built.output / "feeds/all.rss.xml").read_bytes())
    assert [e.link for e in vi.entries] == [f"{SITEURL}/2025/tin-nong/"]
