"""Babel message catalogues of the theme, compiled in memory when first asked for."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DOMAIN = "messages"


def catalogue_path(theme: str | Path, lang: str) -> Path:
    """Return theme/translations/<lang>/LC_MESSAGES/messages.po."""
    return Path(theme) / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(theme: str | Path, lang: str) -> NullTranslations:
    """Return the UI strings of `lang` (the English source strings if none)."""
    path = catalogue_path(theme, lang)
    if not path.is_file():
        return NullTranslations()
    return _compiled(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _compiled(path: Path, _mtime_ns: int) -> Translations:
    with path.open("rb") as source:
        catalog = read_po(source, locale=path.parents[1].name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
