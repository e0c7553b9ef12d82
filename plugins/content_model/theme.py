"""Theme glue: our templates only, and the category menu in every template's context."""

from __future__ import annotations

import os
from typing import Any

from jinja2 import FileSystemLoader
from pelican.urlwrappers import Category

from .state import BUILD


def use_theme_templates_only(generator: Any) -> None:
    """Drop Pelican's fallback to its `simple` theme.

    With autoescape on, a template missing from our theme would silently come
    from `simple`, which prints summaries escaped; a clear "template not found"
    error is better.
    """
    paths = [
        *generator.settings["THEME_TEMPLATES_OVERRIDES"],
        os.path.join(generator.theme, "templates"),
    ]
    generator.env.loader = FileSystemLoader(paths)


def add_category_menu(generator: Any) -> None:
    """Put the categories of data/categories.yml, in file order, in the context."""
    check = BUILD.check
    menu = []
    for info in check.categories.items:
        category = Category(info.name(check.cfg.default_lang), generator.settings)
        category.slug = info.key
        menu.append(category)
    generator.context["SITE_CATEGORIES"] = menu
