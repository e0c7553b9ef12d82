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
from collections import defaultdict
from typing import Any

import numpy as np
from pelican import signals

from site_base.settings import check_whole_numbers, merged_settings

# Posts in each list under an article ("Cùng chủ đề", "Cùng chuyên mục"...).
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
) -> list[Any]:
    """Return up to `limit` posts sharing a key with `article`, best first.

    `by_key` holds, for each key of the article, the posts with that key: a
    post is compared only with the posts it shares something with. Posts
    whose id() is in `shown` (listed already) are left out.
    """
    posts = {id(post): post for posts in by_key.values() for post in posts}
    ordered = sorted(posts.values(), key=_newest_first)
    place = {id(post): number for number, post in enumerate(ordered)}
    lists = [sorted(place[id(post)] for post in posts) for posts in by_key.values()]
    left_out = {place[i] for i in (id(article), *shown) if i in place}
    return [ordered[n] for n in ranked_places(lists, counts, limit, left_out)]


def ranked_places(
    lists: list[Any], counts: bool, limit: int, left_out: set[int]
) -> list[int]:
    """Return up to `limit` places (0 the newest post) found in `lists`, best first.

    Each list holds the places of the posts with one key, in order (a list
    or a numpy array). Best is the most lists shared when `counts`, then the
    newest. Counting is numpy's: a popular tag is in thousands of posts, and
    every post with it is a candidate for each of them.
    """
    if not counts:  # newest first: the lists' heads are enough
        found: list[int] = []
        for number in heapq.merge(*lists):
            if number not in left_out:
                left_out.add(number)
                found.append(int(number))
                if len(found) == limit:
                    break
        return found
    arrays = [array for array in lists if len(array)]
    if not arrays:
        return []
    places, shared = np.unique(np.concatenate(arrays), return_counts=True)
    if left_out:
        kept = ~np.isin(places, np.fromiter(left_out, dtype=places.dtype))
        places, shared = places[kept], shared[kept]
    # `places` ascend (newest first): a stable sort by count keeps that order.
    return places[np.argsort(-shared, kind="stable")[:limit]].tolist()


def add_related_lists(generator: Any) -> None:
    """Give every built article (drafts too, for their writers) its three lists."""
    limit = load_settings(generator.settings)["limit"]
    published = sorted(
        [*generator.articles, *generator.translations], key=_newest_first
    )
    place = {id(post): number for number, post in enumerate(published)}
    # For each list and (language, key): the places of its posts, newest first.
    indexes: dict[str, dict[tuple[str, str], list[int]]] = {}
    for name, (keys_of, counts) in LISTS.items():
        found: dict[tuple[str, str], list[int]] = defaultdict(list)
        for number, post in enumerate(published):
            for key in keys_of(post):
                found[(post.lang, key)].append(number)
        indexes[name] = (
            {key: np.array(places, dtype=np.int32) for key, places in found.items()}
            if counts
            else found
        )
    for article in [*published, *generator.drafts, *generator.drafts_translations]:
        left_out = {place[id(article)]} if id(article) in place else set()
        for name, (keys_of, counts) in LISTS.items():
            lists = [
                indexes[name].get((article.lang, key), []) for key in keys_of(article)
            ]
            found = ranked_places(lists, counts, limit, left_out)
            left_out.update(found)
            setattr(article, name, [published[number] for number in found])


def register() -> None:
    """Connect the receiver: after all articles are read, before any is written."""
    signals.article_generator_finalized.connect(add_related_lists)
