"""Connect comments to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from pelican import signals

from .generator import get_generators


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
