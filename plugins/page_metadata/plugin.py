"""Connect page metadata to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .generator import get_generators
from .structured_data import json_ld


def page_path(output_file: str) -> str:
    """Return a written file's address path: "2025/x/index.html" -> "2025/x/"."""
    return output_file.removesuffix("index.html")


def add_filters(generator: Any) -> None:
    """Templates get `data | json_ld` and `output_file | page_path`."""
    generator.env.filters["json_ld"] = json_ld
    generator.env.filters["page_path"] = page_path


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
