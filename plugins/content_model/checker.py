"""Check the whole content tree at once: every file, then the rules between files."""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from site_base.messages import did_you_mean, say
from site_build.workers import build_workers, run_shared

from .aliases import check_aliases
from .bundles import discover, ignore_pattern
from .categories import Categories, load_categories
from .config import SECTIONS, ContentModelSettings, load_settings
from .documents import is_blank, load_bundle
from .fields import SLUG_PATTERN
from .library import load_library
from .model import Bundle, Document, Library
from .problems import ERROR, WARNING, ContentProblems, Problem, ProblemList
from .regular_files import file_problem, list_files
from .tag_names import load_tag_names

_YEAR = re.compile(r"^\d{4}$")
# The content check's cache (site_build.bundle_cache): its name, and a version
# bumped when CheckedBundle changes shape (older entries are then not read).
CHECK_CACHE = ("check", "1")


class BundleResults(Protocol):
    """Where the check of each bundle is kept between builds (given by the caller)."""

    def key(self, kind: str, files: list[Path]) -> str: ...  # noqa: D102
    def get(self, key: str) -> Any: ...  # noqa: D102
    def put(self, key: str, result: Any) -> None: ...  # noqa: D102
    def save(self) -> None: ...  # noqa: D102


@dataclass(frozen=True)
class CheckedBundle:
    """What checking one bundle gave."""

    documents: list[Document]
    problems: list[Problem]
    blank: frozenset[Path]


@dataclass
class SiteCheck:
    """The checked content: documents by file, categories, and every problem."""

    cfg: ContentModelSettings
    categories: Categories
    documents: dict[Path, Document]
    problems: ProblemList
    library: Library | None = None
    # Files the check read and leaves out of the site (blank translations).
    left_out: frozenset[Path] = frozenset()
    # Documents of the bundles checked afresh (not kept from the last check):
    # what changed since the last build, which the live preview shows first.
    rechecked: frozenset[Path] = frozenset()
    # The tags' names per language (data/tags.yml), as documents got them.
    tag_names: Any = None

    @property
    def ok(self) -> bool:
        """Return whether nothing stops the build."""
        return not self.problems.errors


def check_settings(
    settings: dict[str, Any], problems: ProblemList | None = None
) -> tuple[ContentModelSettings, Categories]:
    """Return the checked settings and the site's categories."""
    cfg = load_settings(settings)
    problems = problems if problems is not None else ProblemList()
    return cfg, load_categories(cfg.categories_file, cfg.facts.languages, problems)


def check_site(
    settings: dict[str, Any], *, cache: BundleResults | None = None
) -> SiteCheck:
    """Read and check every content file and data file named by `settings`.

    With a `cache`, each bundle's own check is kept there between builds
    (the build gives one: site_build.bundle_cache); the rules between files
    (unique addresses, people and works named, page names, year folders) run
    every time over all of them, so a renamed person is still noticed in
    every post that names them.
    """
    problems = ProblemList()
    cfg, categories = check_settings(settings, problems)
    documents: dict[Path, Document] = {}
    blank: set[Path] = set()
    rechecked: set[Path] = set()
    # The bundles, and how many problems finding them had given at each:
    # each bundle's own problems are said after those, as it was found.
    bundles, found_before = [], []
    for bundle in discover(cfg, problems):
        bundles.append(bundle)
        found_before.append(len(problems.problems))
    in_discovery, problems.problems = problems.problems, []
    workers = build_workers(settings)
    checks = _checked_bundles(bundles, cfg, categories, cache, workers)
    start = 0
    for (checked, fresh), end in zip(checks, found_before, strict=True):
        problems.problems += in_discovery[start:end] + checked.problems
        start = end
        if fresh:
            rechecked |= {document.path for document in checked.documents}
        documents.update((document.path, document) for document in checked.documents)
        # Translations the editor left blank: checked, not published.
        blank |= checked.blank
    problems.problems += in_discovery[start:]
    if cache is not None:
        cache.save()
    _check_data_files(cfg, problems)
    tag_names = load_tag_names(cfg.tags_file, cfg.facts.languages, problems)
    library = load_library(cfg.library_file, cfg.facts.languages, problems)
    tag_names.label(documents.values())
    _check_unique_slugs(documents.values(), problems)
    _check_references(cfg, documents.values(), problems)
    _check_page_slugs(cfg, documents.values(), problems)
    check_aliases(cfg, list(documents.values()), problems)
    _check_year_folders(documents.values(), problems)
    blank |= _hold_back_drafts_with_errors(documents, problems, cfg)
    return SiteCheck(
        cfg,
        categories,
        documents,
        problems,
        library,
        frozenset(blank),
        frozenset(rechecked),
        tag_names,
    )


def _hold_back_drafts_with_errors(
    documents: dict[Path, Document], problems: ProblemList, cfg: ContentModelSettings
) -> set[Path]:
    """Leave out every draft with an error; its errors become warnings.

    A draft is not published: its problems must not stop everyone's build.
    Its writer still reads them (the live preview, `check`), and it enters
    the preview once they are fixed; set to published, they are errors.
    An error of a bundle's other file (a photo) holds back its drafts only
    when every language of the bundle is a draft; an original held back
    takes its translations with it. Returns the files left out.
    """
    by_folder: dict[Path, list[Document]] = defaultdict(list)
    for document in documents.values():
        by_folder[document.path.parent].append(document)

    def bundle_of(path: Path) -> list[Document]:
        folder = path.parent
        while folder not in by_folder and folder != folder.parent:
            folder = folder.parent
        return by_folder.get(folder, [])

    held: set[Path] = set()
    for problem in problems.errors:
        bundle = bundle_of(problem.path)
        own = documents.get(problem.path)
        caught = [own] if own is not None else bundle
        if not caught or any(d.status != "draft" for d in caught):
            continue
        if any(d.lang == cfg.facts.default_lang for d in caught):
            caught = bundle
        held |= {d.path for d in caught}
    if not held:
        return held
    for number, problem in enumerate(problems.problems):
        if problem.severity == ERROR and _held(
            problem.path, held, documents, bundle_of
        ):
            problems.problems[number] = replace(problem, severity=WARNING)
    for path in sorted(held):
        problems.warning(
            path, say("this draft is left out of the site until its problems are fixed")
        )
        del documents[path]
    return held


def _held(
    path: Path,
    held: set[Path],
    documents: dict[Path, Document],
    bundle_of: Callable[[Path], list[Document]],
) -> bool:
    """Return whether a problem of `path` belongs to a held-back draft.

    A held document's own, or another file of a bundle all held (a photo);
    never a file of no bundle (data/): that one stops every build.
    """
    if path in held or path in documents:
        return path in held
    bundle = bundle_of(path)
    return bool(bundle) and all(d.path in held for d in bundle)


def _checked_bundles(
    bundles: list[Bundle],
    cfg: ContentModelSettings,
    categories: Categories,
    cache: BundleResults | None,
    workers: int,
) -> list[tuple[CheckedBundle, bool]]:
    """Return the check of each bundle, and whether it was made now (not kept).

    The bundles not kept from the last check are read, their bodies
    rendered, in `workers` processes (site_build.workers): each on its own.
    """
    keys = [cache.key(b.kind, b.contents) if cache is not None else "" for b in bundles]
    kept = [cache.get(key) if cache is not None else None for key in keys]
    fresh = iter(
        run_shared(
            [bundle for bundle, found in zip(bundles, kept, strict=True) if not found],
            functools.partial(_check_bundle, cfg=cfg, categories=categories),
            workers,
        )
    )
    results = []
    for key, found in zip(keys, kept, strict=True):
        if found is not None:
            results.append((found, False))
            continue
        checked = next(fresh)
        if cache is not None:
            cache.put(key, checked)
        results.append((checked, True))
    return results


def _check_bundle(
    bundle: Bundle, *, cfg: ContentModelSettings, categories: Categories
) -> CheckedBundle:
    """Read and check one bundle: its documents, their problems, blank files."""
    own = ProblemList()
    documents = load_bundle(bundle, cfg, categories, own)
    paths = {document.path for document in documents}
    return CheckedBundle(
        documents,
        own.problems,
        frozenset(
            path
            for path in bundle.files.values()
            if path not in paths and is_blank(path)
        ),
    )


def check_or_stop(
    settings: dict[str, Any], cache: BundleResults | None = None
) -> SiteCheck:
    """Check all content; report every problem; stop the build if any is an error."""
    check = check_site(settings, cache=cache)
    output = Path(settings["OUTPUT_PATH"]) if settings.get("OUTPUT_PATH") else None
    check.problems.report(check.cfg.facts.root, check.cfg.messages_gettext, output)
    if not check.ok:
        raise ContentProblems
    return check


def _check_data_files(cfg: ContentModelSettings, problems: ProblemList) -> None:
    """Refuse links and special files among the data files and in their folders.

    data/ is walked like content/ (the logo and the podcast artwork are in
    data/library/); a data file kept beside content/ is checked alone, since
    its folder is the whole site.
    """
    data_files = (cfg.categories_file, cfg.tags_file, cfg.library_file)
    for path in data_files:
        refused = file_problem(path, cfg.facts.root)
        if refused:
            problems.error(path, refused)
    ignored = ignore_pattern(cfg.ignore_files)
    for folder in sorted({path.parent for path in data_files}):
        if folder == cfg.facts.root or folder.is_symlink() or not folder.is_dir():
            continue
        for path, message in list_files(folder, ignored).refused:
            if path not in data_files:
                problems.error(path, message)


def _check_unique_slugs(documents, problems: ProblemList) -> None:
    """Two documents of one kind may not share a slug in one language."""
    seen: dict[tuple[str, str, str], list[Document]] = defaultdict(list)
    for document in documents:
        seen[(document.kind, document.lang, document.slug)].append(document)
    for (kind, lang, slug), same in seen.items():
        if len(same) == 1:
            continue
        for document in same:
            others = ", ".join(_folder_name(o) for o in same if o is not document)
            problems.error(
                document.path,
                say(
                    "the {kind} web address name '{slug}' ({lang}) is also used "
                    "by {others}: give one of them another 'slug:' or rename its "
                    "folder",
                    kind=kind,
                    slug=slug,
                    lang=lang,
                    others=others,
                ),
                document.line_of("slug"),
            )


# (kind of document, key, kind it names): "people: [phung-chien]" names a person.
_REFERENCES = (
    ("post", "people", "person"),
    ("post", "works", "work"),
    ("work", "creators", "person"),
    ("work", "performers", "person"),
)


def _check_references(
    cfg: ContentModelSettings, documents, problems: ProblemList
) -> None:
    """Every person and work a file names must have its own folder."""
    documents = list(documents)
    slugs = {
        kind: {d.slug for d in documents if d.kind == kind}
        for kind in ("person", "work")
    }
    for document in documents:
        for kind, key, target in _REFERENCES:
            if document.kind != kind or not document.sets(key):
                continue
            for slug in document.values.get(key, []):
                if slug not in slugs[target]:
                    problems.error(
                        document.path,
                        _unknown_reference(cfg, key, slug, target, slugs[target]),
                        document.line_of(key),
                    )


def _unknown_reference(
    cfg: ContentModelSettings, key: str, slug: str, target: str, known: set[str]
) -> str:
    section = SECTIONS[target]
    folder = cfg.suggest_slug(slug)
    if folder in known:
        # A title or name written instead of the folder's name.
        return say(
            "'{key}' names '{slug}': people and works are named by their "
            "folder's name, so write '{folder}' ({section}/{folder}/)",
            key=key,
            slug=slug,
            folder=folder,
            section=section,
        )
    if not SLUG_PATTERN.match(slug):
        return say(
            "'{key}' names '{slug}', which is not a folder name: write "
            "the name of the folder in {section}/ (letters a-z, digits "
            "and '-', like '{folder}'), and create "
            "{section}/{folder}/{text} if it is missing",
            key=key,
            slug=slug,
            section=section,
            folder=folder,
            text=f"index.{cfg.facts.default_lang}.md",
        )
    hint = did_you_mean(difflib.get_close_matches(slug, sorted(known), n=1, cutoff=0.6))
    return say(
        "'{key}' names '{slug}', but there is no {section}/{slug}/ "
        "folder: fix the name or create "
        "{section}/{slug}/{text}.{hint}",
        key=key,
        slug=slug,
        section=section,
        hint=hint,
        text=f"index.{cfg.facts.default_lang}.md",
    )


def _check_page_slugs(
    cfg: ContentModelSettings, documents, problems: ProblemList
) -> None:
    """Refuse standing pages that take an address the site itself uses."""
    for document in documents:
        if document.kind != "page":
            continue
        slug = document.slug
        if slug in cfg.reserved_slugs or _YEAR.match(slug):
            problems.error(
                document.path,
                say(
                    "the page address /{slug}/ is used by the site itself: "
                    "rename the folder or set another 'slug:' (for example "
                    "gioi-thieu-{slug})",
                    slug=slug,
                ),
                document.line_of("slug"),
            )


def _check_year_folders(documents, problems: ProblemList) -> None:
    """Warn when a post sits in another year's folder than its date."""
    for document in documents:
        year = document.bundle.year
        date = document.values.get("date")
        if document.is_original and year and date and str(date.year) != year:
            problems.warning(
                document.path,
                say(
                    "the date is in {year} but the folder is posts/{year_2}/: "
                    "the address will use {year}; move the folder to "
                    "posts/{year}/",
                    year=date.year,
                    year_2=year,
                ),
                document.line_of("date"),
            )


def _folder_name(document: Document) -> str:
    parts = document.path.parts
    return "/".join(parts[-4:-1] if document.kind == "post" else parts[-3:-1])
