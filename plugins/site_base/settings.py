"""A plugin's settings: one dict in pelicanconf.py merged over the plugin's defaults."""

from __future__ import annotations

from typing import Any


class SettingsError(ValueError):
    """A mistake in pelicanconf.py or publishconf.py (for developers, not writers)."""


def merged_settings(
    settings: dict[str, Any], name: str, defaults: dict[str, Any]
) -> dict[str, Any]:
    """Return settings[name] over `defaults`, without changing either; refuse typos."""
    given = settings.get(name) or {}
    if not isinstance(given, dict):
        raise SettingsError(f"{name} must be a dict of settings")
    unknown = set(given) - set(defaults)
    if unknown:
        raise SettingsError(f"{name} has unknown keys: {sorted(unknown)}")
    return {**defaults, **given}
