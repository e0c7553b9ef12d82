"""The site the gates run for: its folder (npm's files, caches, settings)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Names the site's folder when the gates do not run from it.
SITE_FOLDER_VARIABLE = "SITE_GATES_FOLDER"


def site_folder() -> Path:
    """Return the site's folder: the environment's, else where the gates run."""
    return Path(os.environ.get(SITE_FOLDER_VARIABLE) or Path.cwd()).resolve()


def node_module(*parts: str) -> Path:
    """Return a file of the site's front-end packages (npm's node_modules/)."""
    return site_folder().joinpath("node_modules", *parts)


def local_file(published: Path, site_url: str, url: str) -> Path | None:
    """Return the built file an address of the site names (None: another site's)."""
    if not url.startswith(f"{site_url}/") and url != site_url:
        return None
    path = unquote(urlsplit(url).path).removeprefix(urlsplit(site_url).path)
    target = published / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or not path else target
