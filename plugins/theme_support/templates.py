"""Theme glue: our templates only, and the category menu in the templates' context."""

from __future__ import annotations

import os
from typing import Any

from jinja2 import FileSystemLoader

from content_model.state import BUILD


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
    """Put in the context the categories that have posts, in data/categories.yml order.

    A category without a published post has no page: the menu leaves it out
    rather than link to a page that does not exist.
    """
    used = {category.slug: category for category, _posts in generator.categories}
    keys = [info.key for info in BUILD.check.categories.items]
    generator.context["SITE_CATEGORIES"] = [used[key] for key in keys if key in used]
