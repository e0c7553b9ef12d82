"""Connect theme support to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .assets import get_generators
from .compiled import keep_compiled_templates
from .filters import add_filters
from .templates import add_category_menu, add_library_facts, use_theme_templates_only


def prepare_templates(generator: Any) -> None:
    """Give every generator our templates only, our filters, compiled templates."""
    use_theme_templates_only(generator)
    add_filters(generator)
    keep_compiled_templates(generator)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(prepare_templates)
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(add_category_menu)
    signals.article_generator_finalized.connect(add_library_facts)
