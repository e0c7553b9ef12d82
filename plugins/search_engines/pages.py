"""Every page the build writes, as a sitemap lists it, recorded as it is written.

Pelican sends `content_written` with the context a page was rendered with;
the receiver reads the page's address, language, versions and date from it
and adds a record to the collector this plugin put in the shared context
(`SITEMAP_PAGES`), so the sitemap lists exactly the pages written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .settings import SearchEngineSettings


@dataclass(frozen=True)
class PageRecord:
    """One page for the sitemap: its path under SITEURL, versions and last change."""

    path: str
    lang: str
    versions: dict[str, str]
    lastmod: datetime | None


class SitemapPages:
    """The pages written so far that a sitemap lists (`SITEMAP_PAGES`)."""

    def __init__(self, cfg: SearchEngineSettings) -> None:
        self.cfg = cfg
        self.records: list[PageRecord] = []

    def record(self, context: dict[str, Any]) -> None:
        """Add the page rendered with `context`, unless sitemaps leave it out."""
        record = page_record(context, self.cfg)
        if record is not None:
            self.records.append(record)

    def sorted(self) -> list[PageRecord]:
        """Return the records in address order (stable output)."""
        return sorted(self.records, key=lambda record: record.path)


def record_written(path: str, context: dict[str, Any]) -> None:
    """Record a written HTML page (Pelican's content_written receiver)."""
    pages = context.get("SITEMAP_PAGES")
    if pages is not None and path.endswith(".html"):
        pages.record(context)


def page_record(
    context: dict[str, Any], cfg: SearchEngineSettings
) -> PageRecord | None:
    """Return the sitemap record of the page rendered with `context`, if listed.

    Left out: not-found pages, drafts, alias redirects, pages written with
    `noindex` (the search pages), and posts whose canonical address is
    another site's (search engines list the original).
    """
    output_file = context["output_file"]
    content = context.get("article") or context.get("page")
    if (
        output_file.endswith(cfg.not_found)
        or output_file.startswith("drafts/")
        or context.get("redirect_to")
        or context.get("noindex")
        or getattr(content, "canonical", None)
    ):
        return None
    path = output_file.removesuffix("index.html")
    lang = (
        getattr(content, "lang", None)
        or context.get("page_lang")
        or cfg.facts.default_lang
    )
    return PageRecord(path, lang, versions_of(context, path, lang), lastmod_of(context))


def versions_of(context: dict[str, Any], path: str, lang: str) -> dict[str, str]:
    """Return {lang: path} of the page in each language it exists in."""
    content = context.get("article") or context.get("page")
    if content is not None and hasattr(content, "translations"):
        return {content.lang: content.url} | {
            t.lang: t.url for t in content.translations
        }
    if isinstance(context.get("versions"), dict):
        return dict(context["versions"])
    for versions in context.get("LIST_VERSIONS", {}).values():
        if versions.get(lang) == path:
            return dict(versions)
    return {lang: path}


def lastmod_of(context: dict[str, Any]) -> datetime | None:
    """Return when the page last changed: its post's date, or its newest post's."""
    content = context.get("article") or context.get("page")
    if content is not None:
        return getattr(content, "modified", None) or getattr(content, "date", None)
    listed = []
    if context.get("articles_page") is not None:
        listed = context["articles_page"].object_list
    elif context.get("entry") is not None:
        listed = context["entry"].posts
    elif context.get("gallery_posts"):
        listed = context["gallery_posts"]
    dates = [
        getattr(post, "modified", None) or post.date
        for post in listed
        if getattr(post, "date", None)
    ]
    return max(dates) if dates else None
