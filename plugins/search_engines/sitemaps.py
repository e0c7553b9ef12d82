"""sitemap.xml, sitemap-news.xml and robots.txt (sitemaps.org and Google News)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from lxml import etree

from .pages import PageRecord
from .settings import SearchEngineSettings

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def sitemap_bytes(
    records: list[PageRecord], cfg: SearchEngineSettings, languages: list[str]
) -> bytes:
    """Return sitemap.xml: every page, its last change, and its versions (hreflang).

    Each version of a page lists all of them, itself included, and x-default
    (the default language's), as the pages' own <link rel="alternate"> do.
    """
    urlset = etree.Element(
        f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS}
    )
    for record in records:
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = _full(cfg, record.path)
        if record.lastmod is not None:
            lastmod = etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod")
            lastmod.text = record.lastmod.isoformat()
        if len(record.versions) < 2:  # noqa: PLR2004 (a page alone has no alternates)
            continue
        alternates = [
            (lang, record.versions[lang])
            for lang in languages
            if lang in record.versions
        ]
        if cfg.facts.default_lang in record.versions:
            alternates.append(("x-default", record.versions[cfg.facts.default_lang]))
        for lang, path in alternates:
            etree.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                rel="alternate",
                hreflang=lang,
                href=_full(cfg, path),
            )
    return _xml(urlset)


def news_sitemap_bytes(
    posts: list[Any], cfg: SearchEngineSettings, publication: dict[str, str]
) -> bytes | None:
    """Return sitemap-news.xml: the posts of the last `news_days` before BUILD_TIME.

    `publication` names the publication in each language (news:name). None
    when no post is that recent: a sitemap lists one address at least (its
    schema), so there is no news sitemap then, nor its line in robots.txt.
    """
    since = cfg.facts.build_time - timedelta(days=cfg.news_days)
    recent = sorted(
        (post for post in posts if since < post.date <= cfg.facts.build_time),
        key=lambda post: (-post.date.timestamp(), post.url),
    )
    if not recent:
        return None
    urlset = etree.Element(
        f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "news": NEWS_NS}
    )
    for post in recent:
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = _full(cfg, post.url)
        news = etree.SubElement(url, f"{{{NEWS_NS}}}news")
        source = etree.SubElement(news, f"{{{NEWS_NS}}}publication")
        etree.SubElement(source, f"{{{NEWS_NS}}}name").text = publication[post.lang]
        etree.SubElement(source, f"{{{NEWS_NS}}}language").text = post.lang
        published = etree.SubElement(news, f"{{{NEWS_NS}}}publication_date")
        published.text = post.date.isoformat()
        etree.SubElement(news, f"{{{NEWS_NS}}}title").text = post.title
    return _xml(urlset)


def robots_txt(cfg: SearchEngineSettings, *, news: bool) -> bytes:
    """Return robots.txt: everything may be crawled; where the sitemaps are.

    `news`: whether there is a news sitemap (recent posts) to name.
    """
    lines = [
        "User-agent: *",
        "Allow: /",
        "",
        f"Sitemap: {_full(cfg, cfg.sitemap)}",
        *([f"Sitemap: {_full(cfg, cfg.news_sitemap)}"] if news else []),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _full(cfg: SearchEngineSettings, path: str) -> str:
    return f"{cfg.facts.absolute_siteurl}/{path}"


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
