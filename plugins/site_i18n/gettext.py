"""Per-page gettext: each page's UI strings come in the page's own language.

Templates say `{% set page_lang = article.lang %}` (or get `page_lang` from
the generator); Jinja's i18n extension calls these functions with the page's
context, so one environment serves every language.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from babel import Locale
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from site_base.catalogues import translations


def page_lang(context: Context) -> str:
    """Return the language of the page being rendered."""
    return context.get("page_lang") or context.get("DEFAULT_LANG")


def install(env: Any, theme: str, site: Path | None = None) -> None:
    """Add the i18n extension and the per-page gettext functions to `env`.

    They behave as Jinja's "newstyle" gettext (the text escaped when the
    template escapes, then always formatted with its variables), made for
    a site of many pages: each language's catalogue is looked up once per
    environment (a build), and a message without variables is translated,
    escaped and formatted once per language, not at every page (a page
    says some thirty).
    """
    catalogues: dict[str, Any] = {}
    said: dict[tuple[str, str, bool], str] = {}

    def catalogue(lang: str) -> Any:
        if lang not in catalogues:
            catalogues[lang] = translations(theme, lang, site)
        return catalogues[lang]

    @pass_context
    def gettext(context: Context, message: str, **variables: Any) -> str:
        lang, escaped = page_lang(context), context.eval_ctx.autoescape
        if variables:
            text = catalogue(lang).gettext(message)
            return (Markup(text) if escaped else text) % variables
        key = (lang, message, escaped)
        if key not in said:
            text = catalogue(lang).gettext(message)
            said[key] = (Markup(text) if escaped else text) % {}
        return said[key]

    @pass_context
    def ngettext(
        context: Context, singular: str, plural: str, count: int, **variables: Any
    ) -> str:
        variables.setdefault("num", count)
        text = catalogue(page_lang(context)).ngettext(singular, plural, count)
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables

    env.add_extension("jinja2.ext.i18n")
    env.globals.update(gettext=gettext, ngettext=ngettext, _=gettext)
    env.newstyle_gettext = True


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
