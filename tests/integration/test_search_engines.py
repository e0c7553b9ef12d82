"""sitemap.xml, sitemap-news.xml, robots.txt and redirects from old addresses."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from site_gates.files import html_errors
from tests.support import built_file, post, run_pelican, site_pages

SITEURL = "https://thuvien.laocai.example"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
HOSTILE_TITLE = 'Tin "nóng" & <script>alert(1)</script> > hết'
# Two days before "now" is the news sitemap's window.
BUILD_TIME = "2025-11-20T12:00:00+07:00"
FILES = {
    "posts/2025/tin-moi/index.md": post(
        f"""
        title: '{HOSTILE_TITLE}'
        date: 2025-11-19 08:00
        category: hoat-dong-thu-vien
        aliases: [/2024/ten-cu/, /tin-cu.html, {SITEURL}/old/x]
        """
    ),
    "posts/2025/tin-moi/index.en.md": post("title: New post"),
    "posts/2025/tin-cu/index.md": post(
        "title: Tin cũ\ndate: 2025-11-01\ncategory: am-nhac"
    ),
    "posts/2025/ban-sao/index.md": post(
        "title: Bản sao\ndate: 2025-11-18\ncategory: am-nhac\n"
        "canonical: https://baolaocai.vn/goc.html"
    ),
    "pages/lien-he/index.md": post("title: Liên hệ\nmodified: 2025-10-01 09:00"),
}


def sitemap(output: Path, name: str = "sitemap.xml") -> etree._Element:
    return etree.parse(str(output / name)).getroot()


def listed(root: etree._Element) -> list[str]:
    return [loc.text for loc in root.findall("s:url/s:loc", NS)]


def local(output: Path, url: str) -> Path:
    return built_file(output, SITEURL, url)


@pytest.fixture(scope="module")
def site(build_site):
    built = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME)
    assert built.ok, built.log
    return built


def test_the_sitemap_lists_every_page_once(sample_site):
    root = sitemap(sample_site)
    assert root.tag == f"{{{NS['s']}}}urlset"
    assert root.nsmap == {None: NS["s"], "xhtml": NS["xhtml"]}
    urls = listed(root)
    assert len(urls) == len(set(urls))
    pages = {
        p
        for p in site_pages(sample_site)
        if p.name != "404.html" and not {"drafts", "search"} & set(p.parts)
    }
    assert {local(sample_site, url) for url in urls} == pages
    assert f"{SITEURL}/2025/hoi-nghi-ban-doc-2025/" in urls


def test_every_page_carries_its_last_change_from_the_dates_it_shows(sample_site):
    root = sitemap(sample_site)
    by_url = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }
    assert [url for url, lastmod in by_url.items() if not lastmod] == []
    post_dates = {url: value for url, value in by_url.items() if "/2025/" in url}
    newest_vi = max(v for url, v in post_dates.items() if "/en/" not in url)
    newest_en = max(v for url, v in post_dates.items() if "/en/" in url)
    assert by_url[f"{SITEURL}/2025/hoi-nghi-ban-doc-2025/"] == (
        "2025-11-06T00:00:00+07:00"
    )
    assert by_url[f"{SITEURL}/"] == newest_vi
    # A song: its newest post; the standing page and the feeds page: the
    # newest post of their language.
    assert by_url[f"{SITEURL}/works/chieu-muong-hum/"] == "2025-11-07T00:00:00+07:00"
    assert by_url[f"{SITEURL}/gioi-thieu/"] == newest_vi
    assert by_url[f"{SITEURL}/en/feeds/"] == newest_en != newest_vi


def test_a_standing_page_changed_on_a_day_says_that_day(site):
    (url,) = [
        url
        for url in sitemap(site.output).findall("s:url", NS)
        if url.findtext("s:loc", namespaces=NS) == f"{SITEURL}/lien-he/"
    ]
    assert url.findtext("s:lastmod", namespaces=NS) == "2025-10-01T09:00:00+07:00"


def test_hreflang_pairs_go_both_ways_with_href(sample_site):
    root = sitemap(sample_site)
    alternates = {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    paired = {url: links for url, links in alternates.items() if links}
    assert f"{SITEURL}/en/2025/hoi-nghi-ban-doc-2025/" in paired
    for url, links in paired.items():
        assert url in links.values(), url  # itself included
        assert links["x-default"] == links["vi"]
        for lang, href in links.items():
            assert alternates[href] == links, (url, lang)
    # The same pairs as the pages' own <link rel="alternate" hreflang>.
    html = BeautifulSoup(
        (sample_site / "en/index.html").read_text("utf-8"), "html.parser"
    )
    page_links = {
        link["hreflang"]: link["href"]
        for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert page_links == alternates[f"{SITEURL}/en/"]


def test_robots_txt_lists_both_sitemaps(site):
    assert (site.output / "robots.txt").read_text("utf-8") == (
        "User-agent: *\nAllow: /\n\n"
        f"Sitemap: {SITEURL}/sitemap.xml\n"
        f"Sitemap: {SITEURL}/sitemap-news.xml\n"
    )


def test_no_news_sitemap_without_a_recent_post(sample_site):
    """A sitemap lists one address at least: none, then, when no post is recent."""
    # The sample is built at 2025-11-29, its last post days before.
    assert not (sample_site / "sitemap-news.xml").exists()
    assert (sample_site / "robots.txt").read_text("utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITEURL}/sitemap.xml\n"
    )


def test_the_news_sitemap_holds_the_last_two_days(site):
    root = sitemap(site.output, "sitemap-news.xml")
    assert root.nsmap == {None: NS["s"], "news": NS["news"]}
    assert listed(root) == [f"{SITEURL}/2025/tin-moi/", f"{SITEURL}/en/2025/tin-moi/"]
    news = root.findall("s:url/news:news", NS)
    assert news[0].findtext("news:title", namespaces=NS) == HOSTILE_TITLE
    assert news[0].findtext("news:publication/news:name", namespaces=NS) == (
        "Thư viện tỉnh Lào Cai"
    )
    assert news[1].findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news[1].findtext("news:publication/news:name", namespaces=NS) == (
        "Lao Cai Provincial Library"
    )
    assert news[0].findtext("news:publication_date", namespaces=NS) == (
        "2025-11-19T08:00:00+07:00"
    )
    raw = (site.output / "sitemap-news.xml").read_text("utf-8")
    assert "<script" not in raw and "&amp;lt;" not in raw


def test_the_news_sitemap_leaves_the_build_when_its_posts_grow_old(build_site):
    built = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME)
    assert (built.output / "sitemap-news.xml").is_file()
    later = run_pelican(
        built.root, production=True, BUILD_TIME="2025-12-01T12:00:00+07:00"
    )
    assert later.returncode == 0, later.stderr
    assert not (built.output / "sitemap-news.xml").exists()
    assert "sitemap-news" not in (built.output / "robots.txt").read_text("utf-8")


def test_a_copy_of_another_sites_post_is_left_to_the_original(site):
    assert f"{SITEURL}/2025/ban-sao/" not in listed(sitemap(site.output))


@pytest.mark.parametrize("old", ["2024/ten-cu/", "tin-cu.html", "old/x/"])
def test_an_old_address_sends_readers_to_the_post(site, old):
    target = f"{SITEURL}/2025/tin-moi/"
    html = BeautifulSoup(
        local(site.output, f"{SITEURL}/{old}").read_text("utf-8"), "html.parser"
    )
    refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url={target}"
    assert [link["href"] for link in html.find_all("link", rel="canonical")] == [target]
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert html.select_one("main a")["href"] == target
    assert f"{SITEURL}/{old}" not in listed(sitemap(site.output))


def test_old_addresses_are_listed_for_hosts_that_redirect(site):
    target = f"{SITEURL}/2025/tin-moi/"
    assert (site.output / "_redirects").read_text("utf-8").splitlines() == [
        f"/2024/ten-cu/ {target} 301",
        f"/tin-cu.html {target} 301",
        f"/old/x/ {target} 301",
    ]


def test_sitemaps_are_byte_identical_on_a_rebuild(build_site, site):
    again = build_site(FILES, production=True, BUILD_TIME=BUILD_TIME)
    for name in ("sitemap.xml", "sitemap-news.xml", "robots.txt"):
        assert (again.output / name).read_bytes() == (site.output / name).read_bytes()


def test_every_hreflang_version_is_a_page_of_the_build(sample_site):
    seen = defaultdict(set)
    for link in sitemap(sample_site).findall("s:url/xhtml:link", NS):
        seen[link.get("hreflang")].add(link.get("href"))
        assert local(sample_site, link.get("href")).is_file()
    assert set(seen) == {"vi", "en", "x-default"}


def test_redirect_pages_are_valid_html(site):
    assert html_errors(site.output)[site.output] == []
