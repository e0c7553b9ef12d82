"""A plugin's settings: one dict in pelicanconf.py merged over the plugin's defaults."""

from __future__ import annotations

from pathlib import Path
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


def check_whole_numbers(name: str, merged: dict[str, Any], *keys: str) -> None:
    """Refuse any of `keys` of settings dict `name` that is not a whole number > 0."""
    for key in keys:
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise SettingsError(f"{name}[{key!r}] must be a whole number above 0")


def check_site_files(folder: Path, what: str, text: tuple[str, ...] = ()) -> None:
    """Refuse a link in one of the site's own folders (templates, static files...).

    The build reads every file there and publishes what it makes of it: a
    link could bring in any file of the computer that builds the site. Files
    ending in one of `text` are read as UTF-8: one in another encoding is
    refused with its name, rather than failing somewhere in the build.
    """
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            raise SettingsError(
                f"{path}: a link in the site's {what}; copy the file there"
            )
        if path.suffix in text and path.is_file():
            try:
                path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                raise SettingsError(
                    f"{path}: not UTF-8 text; save it as UTF-8 (the site's {what})"
                ) from None
