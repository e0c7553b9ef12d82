"""Pelican's generator of posts, without its passes as slow as posts squared.

Pelican finds the posts of each tag, category, author and period among all
posts by testing list membership: for 10,000 posts, hundreds of millions
of comparisons (about 7 s of a build, cold or after an edit, nothing of
the kind at 100 posts). Here the same lists are made with membership by
identity in a set; the pages and their order are Pelican's.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import ArticlesGenerator


class _Posts(list):
    """A list of posts whose `in` finds a post by identity, in constant time.

    Lent to Pelican's writing of the topic pages only: the list is not
    changed while it is lent, so the set stays true.
    """

    def __init__(self, posts: list[Any]) -> None:
        super().__init__(posts)
        self._ids = {id(post) for post in posts}

    def __contains__(self, post: object) -> bool:
        return id(post) in self._ids


class SiteArticlesGenerator(ArticlesGenerator):
    """Pelican's ArticlesGenerator; a topic's or period's posts found by identity."""

    def _build_period_archives(
        self, sorted_articles: list[Any], articles: list[Any], settings: dict[str, Any]
    ) -> Any:
        """Return Pelican's period archives; each period's posts found by identity."""
        archives = super()._build_period_archives(sorted_articles, [], settings)
        for periods in archives.values():
            for archive in periods:
                ids = {id(post) for post in archive["dates"]}
                archive["articles"] = [post for post in articles if id(post) in ids]
        return archives

    def generate_pages(self, writer: Any) -> None:
        """Write Pelican's pages, lending it each topic's posts as `_Posts`."""
        kept = self.tags, self.categories, self.authors
        self.tags = {tag: _Posts(posts) for tag, posts in kept[0].items()}
        self.categories = [(name, _Posts(posts)) for name, posts in kept[1]]
        self.authors = [(name, _Posts(posts)) for name, posts in kept[2]]
        try:
            super().generate_pages(writer)
        finally:
            self.tags, self.categories, self.authors = kept

    def check_disabled_readers(self) -> None:
        """Walk the posts for files of disabled readers only if a reader is disabled."""
        if self.readers.disabled_extensions:
            super().check_disabled_readers()
