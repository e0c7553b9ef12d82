"""One page of each type of a built site, found from its addresses (INTERFACE's URLs).

The gates check every page type on whatever build they are given, not only
the sample site: each type is recognised by the shape of its address.
"""

from __future__ import annotations

import re
from pathlib import Path

# (type, address pattern under SITEURL, without the language prefix), in order:
# the first pattern an address matches gives its type.
TYPES = [
    ("home", r""),
    ("month", r"\d{4}/\d{2}/"),
    ("post", r"\d{4}/[^/]+/"),
    ("year", r"\d{4}/"),
    ("category", r"category/[^/]+/"),
    ("tag", r"tag/[^/]+/"),
    ("byline", r"by/[^/]+/"),
    ("people", r"people/"),
    ("person", r"people/[^/]+/"),
    ("works", r"works/"),
    ("work", r"works/[^/]+/"),
    ("galleries", r"galleries/"),
    ("feeds", r"feeds/"),
    ("archives", r"archives/"),
    ("search", r"search/"),
    ("not found", r"404\.html"),
    ("page", r"[^/]+/"),
]
# The editor (/admin/) is not a page readers meet.
SKIPPED = re.compile(r"(^|/)(page/\d+|drafts)/|^admin/")


def address(output: Path, file: Path) -> str:
    """Return a built file's address under SITEURL: "2025/x/" or "404.html"."""
    return file.relative_to(output).as_posix().removesuffix("index.html")


def page_type(path: str, languages: tuple[str, ...]) -> str | None:
    """Return the type of the page at `path`, its language prefix set aside."""
    for lang in languages:
        path = path.removeprefix(f"{lang}/")
    for name, pattern in TYPES:
        if re.fullmatch(pattern, path):
            return name
    return None


def pages_by_type(output: Path, languages: tuple[str, ...] = ("en",)) -> dict[str, str]:
    """Return {type: address} with one page of each type (and each English one).

    A post with photos is preferred, so the lightbox is among what is checked;
    redirects from old addresses are not pages of a type.
    """
    found: dict[str, str] = {}
    for file in sorted(output.rglob("*.html")):
        path = address(output, file)
        if SKIPPED.search(path):
            continue
        html = file.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        kind = page_type(path, languages)
        if kind is None:
            continue
        lang = next((x for x in languages if path.startswith(f"{x}/")), "")
        key = f"{kind} ({lang})" if lang else kind
        better = kind == "post" and 'class="photo-link"' in html
        if key not in found or (better and "photo-link" not in found[key][1]):
            found[key] = (path, "photo-link" if better else "")
    return {key: path for key, (path, _mark) in sorted(found.items())}
