"""Find the content folders ("bundles") and their language files; check their names."""

from __future__ import annotations

import os
import re
from fnmatch import translate
from pathlib import Path

from site_base.messages import say

from .config import SECTIONS, ContentModelSettings
from .fields import SLUG_PATTERN
from .model import Bundle
from .problems import ProblemList
from .regular_files import list_files

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_FILE_NAME = re.compile(r"^index(?:\.(?P<lang>[a-z]{2,3}(?:-[a-z]{2,4})?))?\.md$")
_YEAR = re.compile(r"^\d{4}$")


def discover(cfg: ContentModelSettings, problems: ProblemList) -> list[Bundle]:
    """Return every bundle under content/, recording misplaced or misnamed files.

    Each bundle also lists every file in its folder (`Bundle.contents`,
    photos too): the check cache keys a bundle by them without walking the
    folder again.
    """
    bundles: dict[Path, Bundle] = {}
    section_of = {name: kind for kind, name in SECTIONS.items()}
    listing = list_files(cfg.facts.content, ignore_pattern(cfg.ignore_files))
    for path, message in listing.refused:
        problems.error(path, message)
    found = listing.files
    # In the order of Path objects (by their parts), as before.
    for parts in sorted(found):
        path = cfg.facts.content.joinpath(*parts)
        name = parts[-1]
        unread = _unread_text_message(name, cfg.facts.default_lang)
        if unread:
            problems.error(path, unread)
            continue
        if os.path.splitext(name)[1].lower() not in MARKDOWN_SUFFIXES:
            continue
        kind = section_of.get(parts[0]) if len(parts) > 1 else None
        if kind is None:
            problems.error(path, _outside_message(cfg.facts.default_lang))
            continue
        _add_file(bundles, kind, path, parts[1:], cfg=cfg, problems=problems)
    _list_contents(bundles, cfg.facts.content, found)
    _refuse_strays(bundles, cfg, found, problems)
    return sorted(bundles.values(), key=lambda b: str(b.folder))


def _refuse_strays(
    bundles: dict[Path, Bundle],
    cfg: ContentModelSettings,
    found: list[tuple[str, ...]],
    problems: ProblemList,
) -> None:
    """Refuse every file that is in no bundle's folder: nothing would publish it.

    A photo beside the year folders, a file in a folder of its own
    (content/extra/robots.txt): the site publishes only what a post, person,
    work or page holds, and would drop these silently.
    """
    held = {path for bundle in bundles.values() for path in bundle.contents}
    text = f"index.{cfg.facts.default_lang}.md"
    for parts in found:
        path = cfg.facts.content.joinpath(*parts)
        suffix = os.path.splitext(parts[-1])[1].lower()
        if (
            path in held
            or suffix in MARKDOWN_SUFFIXES
            or _unread_text_message(parts[-1], cfg.facts.default_lang)
        ):
            continue  # a misplaced or unread text has its own message
        problems.error(
            path,
            say(
                "this file is in no post's, person's, work's or page's "
                "folder, so it would not be published: move it into the "
                "folder of the post that shows it (beside its {text}), or "
                "out of content/",
                text=text,
            ),
        )


def _list_contents(
    bundles: dict[Path, Bundle], content: Path, found: list[tuple[str, ...]]
) -> None:
    """Give each bundle the files of its folder and sub-folders, sorted."""
    by_folder = {
        bundle.folder.relative_to(content).parts: bundle for bundle in bundles.values()
    }
    for parts in found:
        for depth in range(len(parts) - 1, 0, -1):
            bundle = by_folder.get(parts[:depth])
            if bundle is not None:
                bundle.contents.append(content.joinpath(*parts))
                break
    for bundle in bundles.values():
        bundle.contents.sort()


# What writers' tools save instead of index.vi.md: Notepad adds .txt, a word
# processor writes its own format. Such a file would be left out silently.
_SAVED_AS_TXT = re.compile(
    r"^(?P<name>index(?:\.[A-Za-z-]+)?\.md)\.txt$", re.IGNORECASE
)
_WORD_PROCESSOR = {".doc", ".docx", ".odt", ".rtf", ".pages"}


def _unread_text_message(name: str, default_lang: str) -> str | None:
    """Return why a file that looks meant as the text will not be read, or None."""
    text = f"index.{default_lang}.md"
    saved_as_txt = _SAVED_AS_TXT.match(name)
    if saved_as_txt:
        wanted = saved_as_txt.group("name").lower()
        return say(
            "this text is not read: its name ends in .txt (Notepad adds "
            "it). Rename the file to {wanted} (in Windows Explorer, turn "
            "on View > File name extensions to see the whole name)",
            wanted=wanted,
        )
    if name.lower() in {"index.txt"} or re.fullmatch(r"index\.[a-z]{2}\.txt", name):
        wanted = name[: -len(".txt")] + ".md"
        return say("this text is not read: rename the file to {wanted}", wanted=wanted)
    if Path(name).suffix.lower() in _WORD_PROCESSOR:
        return say(
            "{name} is a word processor file: the site cannot read it. "
            "Copy its text into {text} (plain text, written as "
            "Markdown), then move this file out of content/",
            name=name,
            text=text,
        )
    wrong_case = _FILE_NAME.match(name.lower())
    if wrong_case and name != name.lower() and name.lower().endswith(".md"):
        return say(
            "this text is not read: rename the file to {lower} (lower case)",
            lower=name.lower(),
        )
    return None


def ignore_pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Return one pattern for what Pelican skips (IGNORE_FILES): .DS_Store, ._index.md.

    A file or folder whose name matches is left out with all it holds.
    """
    if not patterns:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile("|".join(f"(?:{translate(pattern)})" for pattern in patterns))


def _outside_message(default_lang: str) -> str:
    text = f"index.{default_lang}.md"
    folders = ", ".join(f"{name}/" for name in SECTIONS.values())
    return say(
        "this file is not in one of {folders}, so it would not be "
        "published: move it to content/posts/<year>/<name>/{text} "
        "(or a page, person or work folder)",
        folders=folders,
        text=text,
    )


def _add_file(
    bundles: dict[Path, Bundle],
    kind: str,
    path: Path,
    parts: tuple[str, ...],
    *,
    cfg: ContentModelSettings,
    problems: ProblemList,
) -> None:
    """Record `path` in its bundle, or a problem if its place or name is wrong."""
    expected = 3 if kind == "post" else 2
    section = SECTIONS[kind]
    if len(parts) != expected:
        text = f"index.{cfg.facts.default_lang}.md"
        shape = f"<year>/<name>/{text}" if kind == "post" else f"<name>/{text}"
        problems.error(
            path,
            say(
                "files of {section}/ must be at {section}/{shape} (one "
                "folder per {kind}, its text in {text} and its photos "
                "beside it): move this file",
                section=section,
                shape=shape,
                kind=kind,
                text=text,
            ),
        )
        return
    match = _FILE_NAME.match(parts[-1])
    if not match:
        problems.error(
            path,
            say(
                "the text of a {kind} must be named {text} (index.en.md "
                "and so on for a translation): rename this file or move it "
                "to its own folder",
                kind=kind,
                text=f"index.{cfg.facts.default_lang}.md",
            ),
        )
        return
    lang = match.group("lang") or cfg.facts.default_lang
    if lang not in cfg.facts.languages:
        known = ", ".join(cfg.facts.languages)
        problems.error(
            path,
            say(
                "'{lang}' is not one of the site's languages ({known}): "
                "rename the file, or ask a developer to add the language",
                lang=lang,
                known=known,
            ),
        )
        return
    folder = path.parent
    year = parts[0] if kind == "post" else None
    if year is not None and not _YEAR.match(year):
        problems.error(
            path,
            say(
                "posts/{year}/ is not a year: put the post folder in "
                "posts/<year>/, like posts/2025/",
                year=year,
            ),
        )
        return
    if not SLUG_PATTERN.match(folder.name):
        problems.error(
            path,
            say(
                "the folder name '{name}' cannot be used in a web address: "
                "rename the folder to '{suggest_slug}' (lower-case letters "
                "a-z, digits and '-')",
                name=folder.name,
                suggest_slug=cfg.suggest_slug(folder.name),
            ),
        )
        return
    bundle = bundles.setdefault(folder, Bundle(kind, folder, year=year))
    if lang in bundle.files:
        problems.error(
            path,
            say(
                "this folder has both {name} and {name_2}, two texts in the "
                "same language ('{lang}'): keep only one of them",
                name=bundle.files[lang].name,
                name_2=path.name,
                lang=lang,
            ),
        )
        return
    bundle.files[lang] = path


def bundle_in(folder: Path, kind: str, cfg: ContentModelSettings) -> Bundle:
    """Return the bundle of one folder, its texts named as `discover` names them.

    For the live preview's first page of an edited post; `discover` (the
    whole tree, every name checked) makes the build's.
    """
    bundle = Bundle(kind, folder, year=folder.parent.name if kind == "post" else None)
    listing = list_files(folder, ignore_pattern(cfg.ignore_files))
    for parts in listing.files:
        match = _FILE_NAME.match(parts[-1])
        lang = match and (match.group("lang") or cfg.facts.default_lang)
        if len(parts) == 1 and lang in cfg.facts.languages:
            bundle.files[lang] = folder / parts[0]
    bundle.contents = sorted(folder.joinpath(*parts) for parts in listing.files)
    return bundle
