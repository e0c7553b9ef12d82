"""Posts as feed items: absolute HTML, the whole story as its page tells it, the cover.

A full-text item reads as the page: the correction note, the lead (a
summary the writer wrote is shown before the body, not in it), the body,
then the source the story comes from with its link.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from html import escape
from typing import Any

from markupsafe import Markup

from media_pipeline.plan import PhotoPlans
from media_pipeline.renditions import MIME
from site_base.catalogues import translations
from theme_support.filters import long_date

from .absolute import absolute_html
from .model import Cover, Image, Item
from .settings import FeedSettings


def absolute_url(siteurl: str, path: str) -> str:
    """Return the address of a site path ("2025/x/" or "/media/a.jpg") under SITEURL."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{siteurl}/{path.lstrip('/')}"


def published(post: Any, cfg: FeedSettings) -> datetime:
    """Return when a post came out, as feeds say it, in the site's zone.

    A post dated by the day (`date: 2025-11-06`, no time) is stamped at noon
    UTC of that day (19:00 in Vietnam): its date is the same for readers
    from UTC-12 to UTC+11, where midnight in Vietnam was the day before for
    every reader west of Vietnam.
    """
    moment = post.date
    if getattr(post, "date_only", False):
        moment = datetime.combine(post.date.date(), time(12), tzinfo=UTC)
    return moment.astimezone(cfg.facts.timezone)


def updated(post: Any, cfg: FeedSettings) -> datetime:
    """Return when a post last changed (`modified`, else when it came out)."""
    modified = getattr(post, "modified", None)
    return modified.astimezone(cfg.facts.timezone) if modified else published(post, cfg)


def post_item(post: Any, cfg: FeedSettings, plans: PhotoPlans) -> Item:
    """Return the feed item of a post (or a translation)."""
    url = absolute_url(cfg.facts.absolute_siteurl, post.url)
    content = "".join(
        (
            _correction_note(post, cfg),
            # In the page's order: the opening photos under the title, the lead.
            absolute_html(getattr(post, "opening_photos", ""), url),
            absolute_html(_lead(post), url),
            absolute_html(str(post.content), url),
            _source_note(post, cfg),
        )
    )
    category = getattr(post, "category", None)
    return Item(
        url=url,
        title=post.title,
        # Dates in the site's time zone, whatever offset the writer gave.
        published=published(post, cfg),
        updated=updated(post, cfg),
        summary=absolute_html(str(getattr(post, "summary", "") or ""), url),
        content=content,
        authors=tuple(author.name for author in getattr(post, "authors", [])),
        categories=(
            *([category.name] if category else []),
            *(tag.name for tag in getattr(post, "tags", [])),
        ),
        cover=cover_of(post, cfg, plans),
    )


def _lead(post: Any) -> str:
    """Return the lead the writer wrote (the page shows it above the body), or ""."""
    if not getattr(post, "lead", False):
        return ""
    return f"<p>{post.summary}</p>\n"


def _source_note(post: Any, cfg: FeedSettings) -> str:
    """Return where the story comes from, as the page's footer says it."""
    source = getattr(post, "source", None)  # {"name": ..., "url": ...}
    if not source:
        return ""
    label = translations(cfg.facts.theme, post.lang, cfg.facts.root).gettext("Source:")
    name = escape(source["name"])
    if source.get("url"):
        name = f'<a href="{escape(source["url"])}">{name}</a>'
    return f"\n<p>{escape(label)} {name}</p>\n"


def _correction_note(post: Any, cfg: FeedSettings) -> str:
    """Return the correction as the article shows it: "Corrected (date): text"."""
    if not getattr(post, "correction", None):
        return ""
    label = translations(cfg.facts.theme, post.lang, cfg.facts.root).gettext(
        "Corrected"
    )
    modified = getattr(post, "modified", None)
    when = f" ({long_date(modified, post.lang)})" if modified else ""
    return (
        f"<p><strong>{escape(label)}</strong>{escape(when)}: "
        f"{escape(str(post.correction))}</p>\n"
    )


def cover_of(content: Any, cfg: FeedSettings, plans: PhotoPlans) -> Cover | None:
    """Return the cover's large picture and thumbnail (media pipeline versions)."""
    photo = getattr(content, "cover", None)
    if photo is None:
        return None
    plan = plans.add(photo)
    versions = plan.of_format(plans.cfg.fallback)
    large, small = versions[-1], versions[0]
    caption = Markup(photo.caption).striptags() if photo.caption else photo.alt
    return Cover(
        image=_image(plan.url(large), large, cfg),
        thumbnail=_image(plan.url(small), small, cfg),
        caption=caption,
    )


def _image(url: str, rendition: Any, cfg: FeedSettings) -> Image:
    return Image(
        absolute_url(cfg.facts.absolute_siteurl, url),
        rendition.width,
        rendition.height,
        MIME[rendition.fmt],
    )
