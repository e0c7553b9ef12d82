"""The live preview's first pages: the posts just edited, before anything else.

Two writers of first pages, both used by `LivePelican` (pelican.py):

- in a live build, the posts whose bundle the check read afresh (what
  changed since the last build, `SiteCheck.rechecked`) are rendered and
  written as soon as every generator has its context, before Pelican writes
  the site's other pages in its own order; the preview server reloads the
  browser at the first page written, so the writer sees the edit without
  waiting for the rest. Pelican's own pass renders them again later: the
  same bytes, so nothing is written twice (site_build.output).
- in the process of the last live build, which keeps the site it built
  (warm_builds.py), the posts edited since are read again and written at
  once with everything else as that build left it, while the next build
  starts beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from content_model.bundles import bundle_in
from content_model.checker import SiteCheck
from content_model.documents import load_bundle
from content_model.problems import ProblemList
from content_model.reader import pelican_names
from site_build.digests import shared_digests
from site_build.output import PAGE_CACHE, SiteWriter

# More posts changed than this (a first build, a change of branch): the
# build writes every page in Pelican's order, with nothing to put first.
MOST_SHOWN_FIRST = 10


def first_writer(output_path: str, settings: dict[str, Any]) -> SiteWriter:
    """Return a writer of its own for the pages shown first, without page keys.

    Pelican's writer refuses a page twice; Pelican's own pass renders these
    pages again later (the same bytes: nothing is written twice).
    """
    return SiteWriter(output_path, settings={**settings, PAGE_CACHE: None})


def write_rechecked_posts(generators: list[Any], output_path: str) -> int:
    """Write the pages of the posts the check read afresh; return how many."""
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


class EditedSince:
    """The posts edited since a build, written from the site that build holds.

    `shown` remembers what was already written, as it was then (size and
    modification time): asked again during the same next build, only what
    changed since is written.
    """

    def __init__(self, generators: list[Any], output_path: str) -> None:
        self.generators = generators
        self.output_path = output_path
        self.shown: dict[Path, tuple[int, int]] = {}

    def write(self) -> int:
        """Write the edited posts' pages; return how many (none if a text is wrong)."""
        articles = next(
            (g for g in self.generators if isinstance(g, ArticlesGenerator)), None
        )
        check = articles.context.get("CONTENT_CHECK") if articles else None
        if check is None:
            return 0
        digests = shared_digests(check.cfg.facts.root)
        edited = [
            path
            for path in check.documents
            if path.is_file()
            and digests.remembered(path) is None
            and self.shown.get(path) != _stamp(path)
        ]
        if not 0 < len(edited) <= MOST_SHOWN_FIRST:
            return 0
        posts = {p.source_path: p for p in [*articles.articles, *articles.translations]}
        names = {
            path: name for name, path in pelican_names(edited, articles.path).items()
        }
        writer = first_writer(self.output_path, articles.settings)
        written = 0
        for path in edited:
            old = posts.get(names.get(path, str(path)))
            self.shown[path] = _stamp(path)
            if old is None or not _read_again(path, check):
                continue
            new = _as_it_reads_now(articles, old)
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


def _read_again(path: Path, check: SiteCheck) -> bool:
    """Check the bundle of `path` again into `check`; return whether it is sound."""
    problems = ProblemList()
    bundle = bundle_in(path.parent, check.documents[path].kind, check.cfg)
    documents = load_bundle(bundle, check.cfg, check.categories, problems)
    if problems.errors:
        return False
    check.tag_names.label(documents)
    check.documents.update((document.path, document) for document in documents)
    return path in check.documents


def _as_it_reads_now(articles: ArticlesGenerator, old: Article) -> Article:
    """Return the post as its file now reads, with what the build gave `old`.

    Pelican's reader makes the post afresh (its text and front matter);
    whatever the generators and plugins added to `old` after reading it
    (translations, related posts, addresses) is taken from `old`.
    """
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
    fresh = vars(new)
    for name, value in vars(old).items():
        if name not in fresh:
            setattr(new, name, value)
    # Pelican's generator gives a post its translations after reading it.
    new.translations = old.translations
    return new
