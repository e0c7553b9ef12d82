"""The build engine: Pelican's build in steps, the build record, output files, caches.

A library, first after site_base in the build order: it registers no Pelican
plugin and imports no plugin. `PELICAN_CLASS` names `site_build.SitePelican`,
imported only when asked for: the live preview's warm process imports
`inputs` alone and leaves the rest to each build (site_preview.warm_builds).
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """Return `SitePelican` (Pelican imports PELICAN_CLASS from the package)."""
    if name == "SitePelican":
        from .pelican import SitePelican  # noqa: PLC0415 (see the docstring)

        return SitePelican
    raise AttributeError(name)
