"""The live preview's first page: the posts just edited, before anything else.

In a live build (setting LIVE_PREVIEW) the posts whose bundle the check read
afresh (what changed since the last build) are rendered and written as soon
as every generator has its context, before Pelican writes the site's other
pages in its own order; the preview server reloads the browser at the first
page written, so the writer sees the edit without waiting for the rest.
Pelican's own pass renders them again later: the same bytes, so nothing is
written twice (site_base.output).
"""

from __future__ import annotations

from typing import Any

from pelican.generators import ArticlesGenerator

from .reader import pelican_names

# More posts changed than this (a first build, a change of branch): the
# build writes every page in Pelican's order, with nothing to put first.
MOST_SHOWN_FIRST = 10


def write_edited_posts_first(generators: list[Any], writer: Any) -> int:
    """Write the pages of the posts just edited with `writer`; return how many."""
    if not generators:
        return 0
    check = generators[0].context.get("CONTENT_CHECK")
    if check is None or not 0 < len(check.rechecked) <= MOST_SHOWN_FIRST:
        return 0
    edited = pelican_names(check.rechecked, generators[0].settings["PATH"])
    written = 0

    def write_edited(name: str, template: Any, context: Any, **options: Any) -> None:
        nonlocal written
        post = options.get("article")
        if post is not None and post.source_path in edited:
            writer.write_file(name, template, context, **options)
            written += 1

    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            # Pelican's own loop, so each page gets exactly Pelican's values.
            generator.generate_articles(write_edited)
    return written
