"""Connect the content model to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .publication import hold_back
from .reader import add_reader
from .state import BUILD


def check_content(pelican: Any) -> None:
    """Check all content before the build reads or writes anything.

    Connected to get_generators because Pelican sends it at the start of every
    run(), before it cleans output/ and before any file is read: stopping here
    leaves what was already built untouched. It adds no generator.
    """
    BUILD.run_check(pelican.settings)


def register() -> None:
    """Connect the receivers."""
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(check_content)
    signals.article_generator_context.connect(hold_back)
    signals.page_generator_context.connect(hold_back)
