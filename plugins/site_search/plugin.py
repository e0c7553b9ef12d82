"""Connect search to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from pelican import signals

from .generator import get_generators
from .indexer import index_after_build


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_after_build)
