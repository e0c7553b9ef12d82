"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): feedgen has no JSON output."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from .model import Feed, Item

VERSION = "https://jsonfeed.org/version/1.1"


def json_feed_bytes(feed: Feed) -> bytes:
    """Return the JSON Feed file of `feed`, keys in a stable order."""
    publisher = feed.publisher
    document: dict[str, Any] = {
        "version": VERSION,
        "title": feed.title,
        "home_page_url": feed.page_url,
        "feed_url": feed.url("json"),
        "description": feed.description,
        "icon": publisher.icon.url,
        "favicon": publisher.favicon.url,
        "language": feed.lang,
        "authors": [{"name": publisher.name, "url": publisher.home_url}],
    }
    if publisher.hub:
        document["hubs"] = [{"type": "WebSub", "url": publisher.hub}]
    document["items"] = [_item(item, feed.lang) for item in feed.items]
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _item(item: Item, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": item.url,
        "url": item.url,
        "title": item.title,
        "content_html": item.content,
    }
    if item.summary:
        entry["summary"] = _plain(item.summary)
    if item.cover is not None:
        entry["image"] = item.cover.image.url
    if item.published is not None:
        entry["date_published"] = item.published.isoformat()
    entry["date_modified"] = item.updated.isoformat()
    if item.authors:
        entry["authors"] = [{"name": name} for name in item.authors]
    if item.categories:
        entry["tags"] = list(item.categories)
    entry["language"] = lang
    return entry


def _plain(html: str) -> str:
    """Return the text of an HTML summary (JSON Feed's summary is plain text)."""
    return Markup(html).striptags()
