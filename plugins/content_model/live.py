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

import copy
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from site_base.digests import shared_digests
from site_base.output import PAGE_CACHE, SiteWriter

from .bundles import bundle_in
from .documents import load_bundle
from .problems import ProblemList
from .reader import pelican_names

# More posts changed than this (a first build, a change of branch): the
# build writes every page in Pelican's order, with nothing to put first.
MOST_SHOWN_FIRST = 10


def first_writer(output_path: str, settings: dict[str, Any]) -> SiteWriter:
    """Return a writer of its own for the pages shown first, without page keys.

    Pelican's writer refuses a page twice; Pelican's own pass renders these
    pages again later (the same bytes: nothing is written twice).
    """
    return SiteWriter(output_path, settings={**settings, PAGE_CACHE: None})


def write_edited_posts_first(generators: list[Any], output_path: str) -> int:
    """Write the pages of the posts just edited; return how many."""
    if not generators:
        return 0
    writer = first_writer(output_path, generators[0].settings)
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


def show_edited_posts(pelican: Any) -> int:
    """Write the edited posts' pages at once, from the last build's site.

    Called in the process that made the last live build (tools/warm_builds.py)
    when a file changes, while a new build starts beside it: the posts whose
    text changed since that build are read again and their pages written
    with everything else as the last build left it (related posts, menus,
    the other languages). The new build then writes every page as it should
    be; the browser reloads again only if this one differed. Returns how
    many pages were written (none when a text has a mistake: the build says it).
    """
    generators = getattr(pelican, "generators", [])
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    check = articles.context.get("CONTENT_CHECK") if articles else None
    if check is None:
        return 0
    digests = shared_digests(check.cfg.site)
    # What this process already showed, as it was then: asked again during
    # the same build, it shows only what changed since.
    shown: dict[Path, tuple[int, int]] = pelican.__dict__.setdefault("live_shown", {})
    edited = [
        path
        for path in check.documents
        if path.is_file()
        and digests.remembered(path) is None
        and shown.get(path) != _stamp(path)
    ]
    if not 0 < len(edited) <= MOST_SHOWN_FIRST:
        return 0
    posts = {
        post.source_path: post for post in [*articles.articles, *articles.translations]
    }
    names = {path: name for name, path in pelican_names(edited, articles.path).items()}
    writer = first_writer(pelican.output_path, pelican.settings)
    written = 0
    for path in edited:
        old = posts.get(names.get(path, str(path)))
        shown[path] = _stamp(path)
        if old is None or not _read_again(path, check):
            continue
        new = _quick_post(articles, old)
        writer.write_file(
            new.save_as,
            articles.get_template(new.template),
            articles.context,
            article=new,
            category=getattr(new, "category", None),
            override_output=hasattr(new, "override_save_as"),
            url=new.url,
            blog=True,
        )
        written += 1
    return written


def _stamp(path: Path) -> tuple[int, int]:
    """Return the size and modification time of a file."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _read_again(path: Path, check: Any) -> bool:
    """Check the bundle of `path` again into `check`; return whether it is sound."""
    folder = path.parent
    problems = ProblemList()
    bundle = bundle_in(folder, check.documents[path].kind, check.cfg)
    documents = load_bundle(bundle, check.cfg, check.categories, problems)
    if problems.errors:
        return False
    for document in documents:
        document.tag_labels = [
            check.tag_names.name(tag, document.lang)
            for tag in document.values.get("tags", [])
        ]
        check.documents[document.path] = document
    return path in check.documents


def _quick_post(articles: ArticlesGenerator, old: Article) -> Article:
    """Return `old` with what its file now says: its text and its front matter."""
    new = articles.readers.read_file(
        base_path=articles.path,
        path=old.source_path,
        content_class=Article,
        context=articles.context,
        preread_signal=signals.article_generator_preread,
        preread_sender=articles,
        context_signal=signals.article_generator_context,
        context_sender=articles,
    )
    quick = copy.copy(old)
    quick._content = new._content  # noqa: SLF001 (Pelican's body)
    quick.metadata = new.metadata
    for key in new.metadata:
        setattr(quick, key.lower(), getattr(new, key.lower(), new.metadata[key]))
    return quick
