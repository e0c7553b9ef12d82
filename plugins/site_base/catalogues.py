"""Babel message catalogues of the theme, compiled in memory when first asked for.

A site may have catalogues of its own, in its `translations/` folder (the
same layout as the theme's): a language the theme has no catalogue for (a
third language), or its own words for some messages. Its catalogue is
read first, the theme's for what it does not say.
"""

from __future__ import annotations

import copy
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .settings import check_site_files

DOMAIN = "messages"


def catalogue_path(theme: str | Path, lang: str) -> Path:
    """Return theme/translations/<lang>/LC_MESSAGES/messages.po."""
    return Path(theme) / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(
    theme: str | Path, lang: str, site: str | Path | None = None
) -> NullTranslations:
    """Return the UI strings of `lang` (the English source strings if none).

    With `site` (the site's folder), its own catalogue of `lang` first.
    """
    found = _catalogue(catalogue_path(theme, lang))
    own = None
    if site is not None:
        _without_links(str(Path(site) / "translations"))
        own = _catalogue(catalogue_path(site, lang))
    if own is None:
        return found or NullTranslations()
    if found is not None:
        return _chained(own, found)
    return own


@lru_cache(maxsize=4)
def _without_links(folder: str) -> None:
    """Refuse a link, or a catalogue not in UTF-8, among the site's (once a folder)."""
    check_site_files(Path(folder), "message catalogues", text=(".po",))


def _catalogue(path: Path) -> Translations | None:
    """Return the compiled catalogue at `path`, None if there is none."""
    if not path.is_file():
        return None
    return _compiled(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _chained(first: Translations, then: Translations) -> Translations:
    """Return a copy of `first` that falls back on `then` (each pair made once)."""
    chained = copy.copy(first)
    chained._fallback = None  # noqa: SLF001 (a copy's own chain, not `first`'s)
    chained.add_fallback(then)
    return chained


@lru_cache(maxsize=16)
def _compiled(path: Path, _mtime_ns: int) -> Translations:
    with path.open("rb") as source:
        catalog = read_po(source, locale=path.parents[1].name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
