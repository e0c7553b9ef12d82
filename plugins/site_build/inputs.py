"""What a build reads: one definition for the build record, the watcher and warm builds.

A build's inputs are every file of content/ and data/ but the names Pelican
skips (IGNORE_FILES: `.DS_Store`, `_draft.md`, `index.md~`), every file of the
theme, of the site's own templates, static files and message catalogues
(THEME_TEMPLATES_OVERRIDES, THEME_STATIC_OVERRIDES, translations/) and of the
generator's packages, wherever they are installed, but caches and editors'
leftovers, the site's settings files and pinned package lists, and the
settings themselves (record.py digests those). The build record digests
these files, the live preview watches them, and the warm build process
(site_preview) starts a fresh import when one of their Python files changed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import translate
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .defaults import PLUGINS
from .facts import site_root, static_overrides, template_overrides

# The generator's packages, in build order: the libraries, the plugins as
# they run, then what drives builds (pyproject.toml installs the same; a
# test compares).
GENERATOR_PACKAGES = (
    "site_base",
    "site_build",
    "site_theme",
    "photo_groups",
    "video_embeds",
    "site_publish",
    *PLUGINS,
    "site_preview",
    "site_gates",
    "site_tasks",
)
# Files of the site's folder that decide what a build does.
PROJECT_FILES = (
    "pelicanconf.py",
    "publishconf.py",
    "requirements.txt",
    "pyproject.toml",
    "package-lock.json",
)
# In the theme and the plugins: Python's caches, pip's record of the editable
# install, editors' backups and locks.
CODE_LEFTOVERS = ("__pycache__", "*.pyc", "*.egg-info", ".*", "#*", "*~")


def _pattern(patterns: Iterable[str]) -> re.Pattern[str]:
    parts = [f"(?:{translate(pattern)})" for pattern in patterns]
    return re.compile("|".join(parts) if parts else r"(?!)")


_LEFTOVER = _pattern(CODE_LEFTOVERS)


@functools.cache
def package_folders() -> dict[str, Path]:
    """Return {package: its folder} of the generator, wherever it is installed."""
    folders = {}
    for name in GENERATOR_PACKAGES:
        spec = find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            where = next(iter(spec.submodule_search_locations))
            folders[name] = Path(where).resolve()
    return folders


def _code_folders() -> list[Path]:
    """Return the folders of the generator's Python code (the theme is THEME's)."""
    return [
        folder for name, folder in package_folders().items() if name != "site_theme"
    ]


@dataclass(frozen=True)
class BuildInputs:
    """The folders and files a build with given settings reads."""

    content: Path
    data: Path
    theme: Path
    # The site's own templates, static files and message catalogues.
    overrides: tuple[Path, ...]
    code: tuple[Path, ...]
    project_files: tuple[Path, ...]
    # IGNORE_FILES: names in content/ and data/ that are no input.
    ignored: re.Pattern[str]

    @classmethod
    def of(cls, settings: dict[str, Any]) -> BuildInputs:
        """Return the inputs of a build with `settings`."""
        code = [
            *_code_folders(),
            *(Path(p) for p in settings.get("PLUGIN_PATHS") or ()),
        ]
        return cls(
            content=Path(settings["PATH"]).resolve(),
            data=site_root(settings) / "data",
            theme=Path(settings["THEME"]).resolve(),
            overrides=(
                *template_overrides(settings),
                *static_overrides(settings),
                site_root(settings) / "translations",
            ),
            code=tuple(dict.fromkeys(folder.resolve() for folder in code)),
            project_files=tuple(site_root(settings) / name for name in PROJECT_FILES),
            ignored=_pattern(settings.get("IGNORE_FILES") or ()),
        )

    @property
    def folders(self) -> tuple[Path, ...]:
        """Return the folders whose files are inputs: content/ first."""
        return (self.content, self.data, self.theme, *self.overrides, *self.code)

    def site_files(self) -> list[Path]:
        """Return every input file but content/'s, in a stable order."""
        files = [path for path in self.project_files if path.is_file()]
        for folder in self.folders[1:]:
            files += self._files_under(folder)
        return files

    def content_files(self) -> list[Path]:
        """Return every input file of content/, in a stable order."""
        return self._files_under(self.content)

    def watched(self) -> list[Path]:
        """Return the folders and files to watch for changes (those that exist)."""
        return [p for p in (*self.folders, *self.project_files) if p.exists()]

    def counts(self, path: Path | str) -> bool:
        """Return whether a changed file `path` is one of the build's inputs."""
        path = Path(path)
        if path in self.project_files:
            return True
        for folder in self.folders:
            if path.is_relative_to(folder):
                skipped = self._skipped_in(folder)
                parts = path.relative_to(folder).parts
                return not any(skipped.fullmatch(part) for part in parts)
        return False

    def _skipped_in(self, folder: Path) -> re.Pattern[str]:
        """Return the names under `folder` that are no input."""
        return self.ignored if folder in (self.content, self.data) else _LEFTOVER

    def _files_under(self, folder: Path) -> list[Path]:
        return _files_under(folder, self._skipped_in(folder))


def _files_under(folder: Path, skipped: re.Pattern[str]) -> list[Path]:
    """Return the files under `folder`, sorted, but the names `skipped`."""
    files = []
    for parent, children, names in os.walk(folder):
        children[:] = sorted(c for c in children if not skipped.fullmatch(c))
        files += [
            Path(parent) / name for name in sorted(names) if not skipped.fullmatch(name)
        ]
    return files


def code_stamps(settings_file: Path | str) -> dict[str, int]:
    """Return the modification times of the Python files a build imports.

    The settings file, the site's settings files (publishconf.py reads
    pelicanconf.py) and the generator's packages: the warm build process
    imports them ahead, and imports them again when one changed.
    """
    given = Path(settings_file).resolve()
    files = [
        given,
        *(p for p in (given.parent / n for n in PROJECT_FILES) if p.suffix == ".py"),
    ]
    for folder in _code_folders():
        files += [p for p in _files_under(folder, _LEFTOVER) if p.suffix == ".py"]
    stamps = {}
    for path in files:
        with contextlib.suppress(OSError):
            stamps[str(path)] = path.stat().st_mtime_ns
    return stamps
