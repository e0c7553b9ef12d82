"""Where a language's pages live: the default language at the root, others below."""

from __future__ import annotations


def language_prefix(lang: str, default_lang: str) -> str:
    """Return '' for the default language, 'en/' for English (under SITEURL)."""
    return "" if lang == default_lang else f"{lang}/"
