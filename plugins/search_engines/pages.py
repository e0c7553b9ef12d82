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
    """Return when the page last changed, from the dates of what it shows.

    A post: its `modified` or date. A list: its newest post. A person or
    work: its `modified` or its newest post; their index: the newest of its
    entries. A standing page without `modified`, the archives and the feeds
    page: the newest post of their language, the last time the site changed
    (a writer gives a standing page `modified:` to be exact). Dates only,
    never files' times: every clone writes the same sitemap.
    """
    content = context.get("article") or context.get("page")
    dates = [_changed(content)] if content is not None else []
    if context.get("articles_page") is not None:
        dates += [_changed(post) for post in context["articles_page"].object_list]
    for entry in [context.get("entry"), *context.get("entries", [])]:
        if entry is not None:
            dates += [_changed(entry), *(_changed(post) for post in entry.posts)]
    dates += [_changed(post) for post in context.get("gallery_posts") or []]
    found = [date for date in dates if date is not None]
    lang = getattr(content, "lang", None) or context.get("page_lang")
    return max(found) if found else _site_changed(context, lang)


def _changed(content: Any) -> datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def _site_changed(context: dict[str, Any], lang: str | None) -> datetime | None:
    """Return the newest post's date in `lang` (else in any language)."""
    posts_by_lang = context.get("POSTS_BY_LANG") or {}
    posts = posts_by_lang.get(lang) or [
        post for lang_posts in posts_by_lang.values() for post in lang_posts
    ]
    dates = [date for date in map(_changed, posts) if date is not None]
    return max(dates) if dates else None
