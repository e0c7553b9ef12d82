"""The site a task works on: its folder, settings files, output and addresses."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

# The key of invoke's configuration that names the site's folder.
SITE_ROOT = "site_root"
HOST = "127.0.0.1"
PORT = 8000


@dataclass(frozen=True)
class Site:
    """A library's site: the folder holding content/, data/ and its settings."""

    root: Path

    @classmethod
    def of(cls, c: Any) -> Site:
        """Return the site of the task's context (`site_tasks(root)` names it)."""
        return cls(Path(c.config[SITE_ROOT]))

    @property
    def settings_base(self) -> str:
        """Return the development settings file (pelicanconf.py)."""
        return str(self.root / "pelicanconf.py")

    @property
    def settings_publish(self) -> str:
        """Return the production settings file (publishconf.py)."""
        return str(self.root / "publishconf.py")

    @property
    def content(self) -> str:
        """Return the content folder."""
        return str(self.root / "content")

    @property
    def output(self) -> str:
        """Return the output folder the tasks build into by default."""
        return str(self.root / "output")

    @property
    def cache(self) -> str:
        """Return the caches' folder (kept by `clean`, not by `clean --all`)."""
        return str(self.root / ".cache")

    def settings(self, override: dict[str, Any] | None = None) -> dict[str, Any]:
        """Return the development settings (pelicanconf.py), with `override`."""
        return read_settings(self.settings_base, override=override)

    @property
    def gettext(self) -> Callable[[str], str]:
        """Return the gettext of the writers' language (the content messages')."""
        return writers_gettext_of(self.settings_base)


@functools.cache
def writers_gettext_of(settings_file: str) -> Callable[[str], str]:
    """Return the writers' gettext of the site whose settings are `settings_file`."""
    from site_build.facts import writers_gettext  # noqa: PLC0415 (settings first)

    return writers_gettext(read_settings(settings_file))
