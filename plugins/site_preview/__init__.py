"""The live preview and the local servers: what `livereload`, `edit` and `serve` run.

A library at the end of the build order: it may use every package, none
uses it. The live builds' Pelican class, `site_preview.LivePelican`, is
imported only when a build asks for it: the warm build process imports as
little of the site as it can (warm_builds.py).
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """Return `LivePelican` (Pelican imports PELICAN_CLASS from the package)."""
    if name == "LivePelican":
        from .pelican import LivePelican  # noqa: PLC0415 (see the docstring)

        return LivePelican
    raise AttributeError(name)
