"""Connect events to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .filters import event_when
from .generator import get_generators


def add_filters(generator: Any) -> None:
    """Templates get `event | event_when(lang, TIMEZONE)`."""
    generator.env.filters["event_when"] = event_when


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
