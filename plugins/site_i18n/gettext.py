"""Per-page gettext: each page's UI strings come in the page's own language.

Templates say `{% set page_lang = article.lang %}` (or get `page_lang` from
the generator); Jinja's i18n extension calls these functions with the page's
context, so one environment serves every language.
"""

from __future__ import annotations

import functools
from typing import Any

from babel import Locale
from jinja2 import pass_context
from jinja2.runtime import Context

from site_base.catalogues import translations


def page_lang(context: Context) -> str:
    """Return the language of the page being rendered."""
    return context.get("page_lang") or context.get("DEFAULT_LANG")


def install(env: Any, theme: str) -> None:
    """Add the i18n extension and the per-page gettext functions to `env`.

    Each language's catalogue is looked up once per environment (a build),
    not at every string of every page.
    """
    catalogues: dict[str, Any] = {}

    def catalogue(context: Context) -> Any:
        lang = page_lang(context)
        if lang not in catalogues:
            catalogues[lang] = translations(theme, lang)
        return catalogues[lang]

    @pass_context
    def gettext(context: Context, message: str) -> str:
        return catalogue(context).gettext(message)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, count: int) -> str:
        return catalogue(context).ngettext(singular, plural, count)

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)


def versions(content: Any) -> dict[str, str]:
    """Return {lang: url} of a post or page and of each of its translations."""
    found = {content.lang: content.url}
    found.update({t.lang: t.url for t in getattr(content, "translations", [])})
    return found


@functools.cache
def language_name(lang: str) -> str:
    """Return the language's name in itself ("Tiếng Việt", "English")."""
    return Locale.parse(lang).display_name


def add_filters(env: Any) -> None:
    """Add the `versions` and `language_name` filters."""
    env.filters["versions"] = versions
    env.filters["language_name"] = language_name
