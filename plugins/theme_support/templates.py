"""Theme glue: our templates only; the category menu and the library's facts."""

from __future__ import annotations

import os
from typing import Any

from jinja2 import FileSystemLoader

from site_base.settings import check_site_files
from site_build.facts import template_overrides
from site_i18n.lists import posts_by_language


def use_theme_templates_only(generator: Any) -> None:
    """Look for templates in the site's own folders, then the theme's: no further.

    Pelican would fall back to its `simple` theme. With autoescape on, a
    template missing from our theme would silently come from `simple`,
    which prints summaries escaped; a clear "template not found" error is
    better.
    """
    overrides = template_overrides(generator.settings)
    for folder in overrides:
        check_site_files(folder, "templates", text=(".html", ".xml", ".txt"))
    paths = [*overrides, os.path.join(generator.theme, "templates")]
    generator.env.loader = FileSystemLoader(paths)


def add_category_menu(generator: Any) -> None:
    """Put in the context, per language, the categories that have posts there.

    In data/categories.yml order. A category without a post in a language has
    no page in it: its menu leaves it out rather than link to nothing.
    """
    keys = [info.key for info in generator.context["CONTENT_CHECK"].categories.items]
    by_lang = posts_by_language(generator.context)
    menus = {}
    for lang in generator.settings["LANGUAGES"]:
        posts = by_lang.get(lang, [])
        used = {
            p.category.slug: p.category for p in posts if getattr(p, "category", None)
        }
        menus[lang] = [used[key] for key in keys if key in used]
    generator.context["SITE_CATEGORIES"] = menus


def add_library_facts(generator: Any) -> None:
    """Put the library's facts (data/library.yml) in the context for the footer.

    With them the site's name in each language (SITE_NAMES): the header and
    the pages' titles say the library's English name in English; SITENAME
    where the facts give no name.
    """
    library = generator.context["CONTENT_CHECK"].library
    generator.context["LIBRARY"] = library
    generator.context["SITE_NAMES"] = {
        lang: library.name(lang) if library else generator.settings["SITENAME"]
        for lang in generator.settings["LANGUAGES"]
    }
