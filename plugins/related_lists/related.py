"""Three related lists per article, as the model page shows them.

"Cùng chủ đề" ranks posts by how many tags they share with the article;
"Cùng chuyên mục" takes posts of its category; "Cùng tác giả" posts sharing an
author. Each list is independent, in the article's language only, newest first
within a rank, ties broken by slug, and never holds the article itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from pelican import signals

DEFAULTS = {"limit": 5}


class SettingsError(ValueError):
    """RELATED_LISTS in pelicanconf.py is wrong."""


def load_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Merge RELATED_LISTS over the defaults and check it."""
    given = settings.get("RELATED_LISTS", {})
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise SettingsError(f"RELATED_LISTS has unknown keys: {sorted(unknown)}")
    merged = {**DEFAULTS, **given}
    limit = merged["limit"]
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise SettingsError("RELATED_LISTS['limit'] must be a positive whole number")
    return merged


def _newest_first(candidate: Any) -> tuple[float, str]:
    return (-candidate.date.timestamp(), candidate.slug)


def ranked(
    article: Any,
    candidates: Iterable[Any],
    score: Callable[[Any, Any], int],
    limit: int,
) -> list[Any]:
    """Return up to `limit` candidates with a positive score, best first."""
    scored = [
        (score(article, other), other) for other in candidates if other is not article
    ]
    scored = [(points, other) for points, other in scored if points > 0]
    scored.sort(key=lambda item: (-item[0], *_newest_first(item[1])))
    return [other for _points, other in scored[:limit]]


def shared_tags(article: Any, other: Any) -> int:
    """Return how many tags the two posts share."""
    mine = {tag.slug for tag in getattr(article, "tags", [])}
    return len(mine & {tag.slug for tag in getattr(other, "tags", [])})


def same_category(article: Any, other: Any) -> int:
    """Return 1 when both posts are in one category."""
    mine, theirs = getattr(article, "category", None), getattr(other, "category", None)
    return int(mine is not None and theirs is not None and mine.slug == theirs.slug)


def same_author(article: Any, other: Any) -> int:
    """Return 1 when the posts share an author of their byline."""
    mine = {author.slug for author in getattr(article, "authors", [])}
    return int(bool(mine & {author.slug for author in getattr(other, "authors", [])}))


LISTS = {
    "related_by_topic": shared_tags,
    "related_by_category": same_category,
    "related_by_author": same_author,
}


def add_related_lists(generator: Any) -> None:
    """Give every built article (drafts too, for their writers) its three lists."""
    limit = load_settings(generator.settings)["limit"]
    published = [*generator.articles, *generator.translations]
    by_lang: dict[str, list[Any]] = defaultdict(list)
    for article in published:
        by_lang[article.lang].append(article)
    for article in [*published, *generator.drafts, *generator.drafts_translations]:
        candidates = by_lang[article.lang]
        for name, score in LISTS.items():
            setattr(article, name, ranked(article, candidates, score, limit))


def register() -> None:
    """Connect the receiver: after all articles are read, before any is written."""
    signals.article_generator_finalized.connect(add_related_lists)
