"""A post's old addresses (`aliases:`), checked with the whole site before a build.

Each alias becomes a redirect page at that address (search_engines), so it
must be this site's, free, and one post's: not the home page, a feed, a
sitemap, /admin/, /search/, a media file or another page of the site, and
not another post's alias too. Every file involved is named.
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import unquote, urlsplit

from site_base.messages import Message, say

from .config import ContentModelSettings
from .model import Document
from .problems import ProblemList

# Files the build writes at the top of the site, besides its pages' folders.
ROOT_FILES = frozenset(
    {
        "index.html",
        "404.html",
        "sitemap.xml",
        "sitemap-news.xml",
        "robots.txt",
        "events.ics",
        "_headers",
        "_redirects",
        "favicon.ico",
    }
)
_YEAR_OR_MONTH = re.compile(r"^\d{4}(/\d{2})?/$")


def redirect_file(path: str) -> str:
    """Return the file a redirect for the site path `path` is written to.

    "/2024/ten-cu/" and "/2024/ten-cu" -> "2024/ten-cu/index.html";
    "/tin-cu.html" -> "tin-cu.html" (search_engines writes it there).
    """
    path = path.lstrip("/")
    if not path or path.endswith("/"):
        return f"{path}index.html"
    if path.endswith(".html"):
        return path
    return f"{path}/index.html"


def site_path(cfg: ContentModelSettings, alias: str) -> str | None:
    """Return the site path of `alias`, or None if it is on another site."""
    parts = urlsplit(alias)
    if not parts.netloc:
        return unquote(parts.path)
    for address in cfg.facts.addresses:
        site = urlsplit(address)
        prefix = site.path.rstrip("/")
        if parts.netloc == site.netloc and parts.path.startswith(f"{prefix}/"):
            return unquote(parts.path.removeprefix(prefix))
    if not cfg.facts.addresses:
        return unquote(parts.path)  # no address set: any host may be this site's
    return None


def check_aliases(
    cfg: ContentModelSettings, documents: list[Document], problems: ProblemList
) -> None:
    """Refuse aliases on another site, at addresses the site makes, or shared."""
    pages = {}
    for document in documents:
        file = document_file(cfg, document)
        if file:
            pages[file] = document
    claimed: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        line = document.line_of("aliases")
        for alias in document.values.get("aliases", []) if line else []:
            message, file = _alias_problem(cfg, alias, pages, document)
            if message:
                problems.error(document.path, message, line)
            elif file:
                claimed[file].append(document)
    for file, claimants in claimed.items():
        if len(claimants) == 1:
            continue
        for document in claimants:
            others = ", ".join(
                _shown(cfg, other) for other in claimants if other is not document
            )
            problems.error(
                document.path,
                say(
                    "the old address /{address} is also an old address of "
                    "{others}: a reader can be sent to only one of them; keep "
                    "it in one post's 'aliases'",
                    address=file.removesuffix("index.html"),
                    others=others,
                ),
                document.line_of("aliases"),
            )


def _alias_problem(
    cfg: ContentModelSettings,
    alias: str,
    pages: dict[str, Document],
    document: Document,
) -> tuple[Message | None, str | None]:
    """Return what is wrong with one alias, else None and the file it takes."""
    path = site_path(cfg, alias)
    if path is None:
        return (
            say(
                "'{alias}' is on another website ({host}): aliases are this "
                "site's own old addresses. Write the old path, like "
                "/2024/ten-cu/, or remove it",
                alias=alias,
                host=urlsplit(alias).netloc,
            ),
            None,
        )
    file = redirect_file(path)
    other = pages.get(file)
    if other is document or (other is not None and other.bundle is document.bundle):
        return (
            say(
                "the old address {alias} is this post's own address: remove "
                "it from 'aliases'",
                alias=alias,
            ),
            None,
        )
    if other is not None:
        return (
            say(
                "the old address {alias} is the address of {other}: a "
                "redirect would hide that page; remove it from 'aliases'",
                alias=alias,
                other=_shown(cfg, other),
            ),
            None,
        )
    if _made_by_the_site(cfg, file):
        return (
            say(
                "the old address {alias} is an address the site makes itself "
                "(the home page, a list, a feed, a sitemap, the search, the "
                "editor or the photos): remove it from 'aliases'",
                alias=alias,
            ),
            None,
        )
    return None, file


def _made_by_the_site(cfg: ContentModelSettings, file: str) -> bool:
    """Return whether the build writes `file` (or a folder of it) itself."""
    parts = file.split("/")
    if parts[0] in cfg.facts.languages[1:]:
        parts = parts[1:]  # /en/... : the same addresses in another language
    folder = "/".join(parts).removesuffix("index.html")
    return (
        parts in ([], ["index.html"])
        or parts[0] in cfg.reserved_slugs
        or parts[0] in ROOT_FILES
        or bool(_YEAR_OR_MONTH.match(folder))
    )


def document_file(cfg: ContentModelSettings, document: Document) -> str | None:
    """Return the file of a post's or standing page's own page, as Pelican names it."""
    default = document.lang == cfg.facts.default_lang
    date = document.values.get("date")
    if document.kind == "post" and date is not None:
        pattern = cfg.url_patterns["ARTICLE_URL" if default else "ARTICLE_LANG_URL"]
    elif document.kind == "page":
        pattern = cfg.url_patterns["PAGE_URL" if default else "PAGE_LANG_URL"]
    else:
        return None  # people and works live under /people/ and /works/
    return redirect_file(
        pattern.format(date=date, slug=document.slug, lang=document.lang)
    )


def _shown(cfg: ContentModelSettings, document: Document) -> str:
    try:
        return document.path.relative_to(cfg.facts.content).as_posix()
    except ValueError:
        return str(document.path)
