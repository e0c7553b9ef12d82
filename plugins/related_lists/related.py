"""Three related lists per article, as the model page shows them.

"Cùng chủ đề" ranks posts by how many tags they share with the article;
"Cùng chuyên mục" takes posts of its category; "Cùng tác giả" posts sharing an
author. Lists are filled in that order and a post appears in one list only
(the first it belongs to), so a reader never meets the same link twice under
an article. In the article's language only, newest first within a rank, ties
broken by slug, never the article itself.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from typing import Any

from pelican import signals

from site_base.settings import check_whole_numbers, merged_settings

DEFAULTS = {"limit": 5}


def load_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Merge RELATED_LISTS over the defaults and check it."""
    merged = merged_settings(settings, "RELATED_LISTS", DEFAULTS)
    check_whole_numbers("RELATED_LISTS", merged, "limit")
    return merged


def _newest_first(candidate: Any) -> tuple[float, str]:
    return (-candidate.date.timestamp(), candidate.slug)


def tag_keys(post: Any) -> set[str]:
    """Return the topics of a post: its tags' slugs."""
    return {tag.slug for tag in getattr(post, "tags", None) or []}


def category_keys(post: Any) -> set[str]:
    """Return the post's category slug (or nothing)."""
    category = getattr(post, "category", None)
    return {category.slug} if category is not None else set()


def author_keys(post: Any) -> set[str]:
    """Return the slugs of the post's byline."""
    return {author.slug for author in getattr(post, "authors", None) or []}


# list name -> (keys of a post, whether the number of shared keys ranks the list)
LISTS = {
    "related_by_topic": (tag_keys, True),
    "related_by_category": (category_keys, False),
    "related_by_author": (author_keys, False),
}


def ranked(
    article: Any,
    by_key: dict[str, list[Any]],
    counts: bool,
    limit: int,
    shown: set[int] = frozenset(),
    *,
    rank: dict[int, int] | None = None,
) -> list[Any]:
    """Return up to `limit` posts sharing a key with `article`, best first.

    `by_key` holds, for each key of the article, the posts with that key,
    newest first (ties by slug): a post is compared only with the posts it
    shares something with. Posts whose id() is in `shown` (listed already)
    are left out. `rank` gives each post's place in the newest-first order of
    all posts (made once per build; else made here from the lists).
    """
    lists = list(by_key.values())
    posts = {id(post): post for posts in lists for post in posts}
    if rank is None:
        ordered = sorted(posts.values(), key=_newest_first)
        rank = {id(post): place for place, post in enumerate(ordered)}
    if not counts:  # newest first: the lists' heads are enough
        found: list[Any] = []
        seen = {id(article), *shown}
        for post in heapq.merge(*lists, key=lambda post: rank[id(post)]):
            if id(post) not in seen:
                seen.add(id(post))
                found.append(post)
                if len(found) == limit:
                    break
        return found
    shared = Counter(id(post) for posts in lists for post in posts)
    candidates = [i for i in shared if i != id(article) and i not in shown]
    best = heapq.nsmallest(limit, candidates, key=lambda i: (-shared[i], rank[i]))
    return [posts[i] for i in best]


def add_related_lists(generator: Any) -> None:
    """Give every built article (drafts too, for their writers) its three lists."""
    limit = load_settings(generator.settings)["limit"]
    published = sorted(
        [*generator.articles, *generator.translations], key=_newest_first
    )
    rank = {id(post): place for place, post in enumerate(published)}
    indexes: dict[str, dict[tuple[str, str], list[Any]]] = {}
    for name, (keys_of, _counts) in LISTS.items():
        indexes[name] = defaultdict(list)
        for post in published:  # so each list is newest first
            for key in keys_of(post):
                indexes[name][(post.lang, key)].append(post)
    for article in [*published, *generator.drafts, *generator.drafts_translations]:
        shown: set[int] = set()
        for name, (keys_of, counts) in LISTS.items():
            by_key = {
                key: indexes[name].get((article.lang, key), [])
                for key in keys_of(article)
            }
            found = ranked(article, by_key, counts, limit, shown, rank=rank)
            shown.update(id(post) for post in found)
            setattr(article, name, found)


def register() -> None:
    """Connect the receiver: after all articles are read, before any is written."""
    signals.article_generator_finalized.connect(add_related_lists)
