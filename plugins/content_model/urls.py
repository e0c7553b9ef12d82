"""Each post's and page's address computed once, when every generator is done.

Pelican computes `url` and `save_as` again at each use: its settings
formatted with the object's metadata, the source file's path made relative
on the way. Every card, related list and language switch uses them, a
third of the time of writing a thousand posts. Once all generators are
finalized nothing changes an address any more, so each one is kept through
Pelican's own `override_url` / `override_save_as`, which its
`get_url_setting` returns first.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import ArticlesGenerator, PagesGenerator

_LISTS = {
    ArticlesGenerator: (
        "articles", "translations", "drafts", "drafts_translations",
        "hidden_articles", "hidden_translations",
    ),
    PagesGenerator: (
        "pages", "translations", "draft_pages", "draft_translations",
        "hidden_pages", "hidden_translations",
    ),
}  # fmt: skip


def keep_addresses(generators: list[Any]) -> None:
    """Keep every post's and page's url and save_as (all_generators_finalized)."""
    for generator in generators:
        for kind, names in _LISTS.items():
            if isinstance(generator, kind):
                for name in names:
                    for content in getattr(generator, name, []):
                        _keep(content)


def _keep(content: Any) -> None:
    for key in ("url", "save_as"):
        if not hasattr(content, f"override_{key}"):
            setattr(content, f"override_{key}", getattr(content, key))
