"""Which feeds the site has: per language, the site, each category, tag and person.

The catalogue is shared with templates as `FEEDS`: every page links the
feeds that fit it, and the feeds page lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from media_pipeline.plan import PhotoPlans
from site_base.catalogues import translations
from site_i18n.lists import groups
from site_i18n.paths import language_prefix

from .items import absolute_url, post_item, updated
from .model import MIME, Feed, Item, Publisher
from .settings import FeedSettings

# Feeds of a site, in the order the feeds page lists them.
KINDS = ("site", "songs", "category", "tag", "person")
SITE_FORMATS = ("rss", "atom", "json")
LIST_FORMATS = ("rss", "atom")
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
# The URL folder of each kind's feeds: feeds/category/<slug>.rss.xml ...
FOLDERS = {"category": "category", "tag": "tag", "person": "people"}


@dataclass(frozen=True)
class FeedLink:
    """One `<link rel="alternate">` of a page, or one link on the feeds page."""

    title: str
    url: str
    mime: str
    format_name: str


class FeedCatalog:
    """Every feed of the build; find them by kind, slug and language."""

    def __init__(self, feeds: list[Feed], page_urls: dict[str, str]) -> None:
        self.feeds = feeds
        self.page_urls = page_urls
        self._by_key = {(f.kind, f.slug, f.lang): f for f in feeds}

    def find(self, kind: str, slug: str, lang: str) -> Feed | None:
        """Return the feed of a category, tag, person (or the site: slug "")."""
        return self._by_key.get((kind, slug, lang))

    def links(self, lang: str, kind: str = "", slug: str = "") -> list[FeedLink]:
        """Return the feeds a page in `lang` links: the site's, then its own."""
        found = [self.find("site", "", lang)]
        if kind:
            found.append(self.find(kind, slug, lang))
        return [link for feed in found if feed for link in feed_links(feed)]

    @staticmethod
    def links_of(feed: Feed) -> list[FeedLink]:
        """Return a link per format of `feed` (the feeds page)."""
        return feed_links(feed)

    def of_kind(self, kind: str, lang: str) -> list[Feed]:
        """Return the feeds of one kind in `lang`, as the feeds page lists them."""
        return [f for f in self.feeds if f.kind == kind and f.lang == lang]


def feed_links(feed: Feed) -> list[FeedLink]:
    """Return a link per format of `feed`."""
    return [
        FeedLink(
            f"{feed.title} ({FORMAT_NAMES[fmt]})",
            feed.url(fmt),
            MIME[fmt],
            FORMAT_NAMES[fmt],
        )
        for fmt in feed.formats
    ]


@dataclass(frozen=True)
class Subject:
    """What one feed follows: the site, a category, a tag or a person."""

    kind: str
    slug: str
    name: str
    description: str
    page: str  # the path of the page the feed follows
    posts: list[Any]
    label: str = ""  # how the feed's title names it, if not by `name`


def subjects(
    lang: str,
    posts: list[Any],
    people: list[Any],
    cfg: FeedSettings,
    publisher: Publisher,
) -> list[Subject]:
    """Return what the feeds of `lang` follow: the site, categories, tags, people."""
    gettext = translations(cfg.facts.theme, lang, cfg.facts.root).gettext
    site = publisher.name
    found = [
        Subject(
            "site",
            "",
            site,
            publisher.tagline or gettext("News from %(name)s") % {"name": site},
            language_prefix(lang, cfg.facts.default_lang),
            posts,
        )
    ]
    for slug, (category, chosen) in sorted(groups(posts, "category").items()):
        description = gettext("Posts in %(category)s") % {"category": category.name}
        found.append(
            Subject("category", slug, category.name, description, category.url, chosen)
        )
    for slug, (tag, chosen) in sorted(groups(posts, "tag").items()):
        topic = gettext("Topic: %(tag)s") % {"tag": tag.name}
        description = gettext("Posts about %(tag)s") % {"tag": tag.name}
        found.append(
            Subject("tag", slug, tag.name, description, tag.url, chosen, label=topic)
        )
    shown = {id(post) for post in posts}
    for person in people:
        chosen = [post for post in person.posts if id(post) in shown]
        if chosen:
            description = gettext("Posts about %(name)s") % {"name": person.title}
            found.append(
                Subject(
                    "person", person.slug, person.title, description, person.url, chosen
                )
            )
    return found


def post_feeds(
    lang: str,
    *,
    posts: list[Any],
    people: list[Any],
    publisher: Publisher,
    cfg: FeedSettings,
    plans: PhotoPlans,
) -> list[Feed]:
    """Return the site, category, tag and person feeds of one language.

    Items are made only for the posts some feed lists (each feed its newest
    few), with the moments `distinct_moments` gives every post.
    """
    followed = subjects(lang, posts, people, cfg, publisher)
    listed = {
        id(post)
        for subject in followed
        for post in subject.posts[: limit(subject, cfg)]
    }
    moments = distinct_moments([updated(post, cfg) for post in posts])
    items = {
        id(post): replace(item, updated=moment)
        if (item := post_item(post, cfg, plans)).updated != moment
        else item
        for post, moment in zip(posts, moments, strict=True)
        if id(post) in listed
    }
    return [make_feed(subject, lang, items, publisher, cfg) for subject in followed]


def limit(subject: Subject, cfg: FeedSettings) -> int:
    """Return how many posts the feed of `subject` lists."""
    return cfg.site_limit if subject.kind == "site" else cfg.limit


def make_feed(
    subject: Subject,
    lang: str,
    items: dict[int, Item],
    publisher: Publisher,
    cfg: FeedSettings,
) -> Feed:
    """Return the feed of `subject`: its newest posts as items, within the limit."""
    is_site = subject.kind == "site"
    chosen = tuple(items[id(post)] for post in subject.posts[: limit(subject, cfg)])
    folder = "all" if is_site else f"{FOLDERS[subject.kind]}/{subject.slug}"
    return Feed(
        kind=subject.kind,
        slug=subject.slug,
        lang=lang,
        name=subject.name,
        title=(
            publisher.name
            if is_site
            else f"{publisher.name}: {subject.label or subject.name}"
        ),
        description=subject.description,
        page_url=absolute_url(cfg.facts.absolute_siteurl, subject.page),
        base=f"{language_prefix(lang, cfg.facts.default_lang)}{cfg.path}/{folder}",
        formats=SITE_FORMATS if is_site else LIST_FORMATS,
        items=chosen,
        publisher=publisher,
        updated=newest(chosen, cfg.facts.build_time),
        siteurl=cfg.facts.absolute_siteurl,
    )


def distinct_moments(moments: list[datetime]) -> list[datetime]:
    """Move moments that are the same apart by seconds, in list order.

    Posts dated by the day alone all share midnight, and Atom readers (the
    W3C validator warns) expect each entry's `updated` to differ. Going from
    the oldest listed, a repeated moment gets a second more, so the items
    keep the site's order; the same post has the same moment in every feed.
    """
    taken: set[datetime] = set()
    moved: list[datetime] = []
    for moment in reversed(moments):
        while moment in taken:
            moment += timedelta(seconds=1)  # noqa: PLW2901
        taken.add(moment)
        moved.append(moment)
    return moved[::-1]


def newest(items: tuple[Item, ...], fallback: datetime) -> datetime:
    """Return the newest item's date: an unchanged site keeps its feeds' bytes."""
    dates = [item.updated for item in items if item.updated is not None]
    return max(dates) if dates else fallback
