"""Connect the languages to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from site_build.facts import site_root

from .gettext import add_filters, install
from .lists import LanguageListsGenerator
from .urlwrappers import localize_metadata


def localize_lists(generator: Any, metadata: dict[str, Any]) -> None:
    """Give a post or page in another language its lists under /<lang>/."""
    localize_metadata(metadata, generator.settings)


def keep_lists_in_the_default_language(generator: Any) -> None:
    """Move posts that exist only in another language out of Pelican's own lists.

    Pelican lists every original; an English-only post belongs on /en/ only.
    It is still written, as Pelican writes translations too.
    """
    default = generator.settings["DEFAULT_LANG"]
    others = [a for a in generator.articles if a.lang != default]
    if others:
        generator.articles[:] = [a for a in generator.articles if a.lang == default]
        generator.translations.extend(others)
    generator.context["translations"] = generator.translations


def install_gettext(generator: Any) -> None:
    """Give every template environment the per-page gettext."""
    install(generator.env, generator.theme, site_root(generator.settings))
    add_filters(generator.env)


def get_generators(_pelican: Any) -> type:
    """Return the generator of the other languages' lists."""
    return LanguageListsGenerator


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(install_gettext)
    signals.article_generator_pretaxonomy.connect(keep_lists_in_the_default_language)
    signals.get_generators.connect(get_generators)
    signals.article_generator_context.connect(localize_lists)
    signals.page_generator_context.connect(localize_lists)
