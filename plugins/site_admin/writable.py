"""Where the editor may read and write: the collections' folders and the data files.

The editor's local host (`invoke edit`, site_admin.local_host) commits to the
site's whole repository, so on its own it would write pelicanconf.py,
plugins/, tasks.py or .github/workflows/ as readily as a post. It commits
only paths these rules accept; config.yml names the same folders and files
(a test compares them). On GitHub, the token's own limits apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from content_model.config import SECTIONS, ContentModelSettings
from site_base.messages import Message, say

# The editor's upload folder for collections without one (config.yml: media_folder).
MEDIA_FOLDER = "media"
# The library's pictures, beside its data file (config.yml: the library's media_folder).
LIBRARY_MEDIA = "library"
# The collection of the data files; the others are named after content/'s folders.
DATA_COLLECTION = "data"


@dataclass(frozen=True)
class EditorPaths:
    """The folders and files of the site the editor works on, relative to it."""

    site: Path
    folders: tuple[str, ...]
    files: tuple[str, ...]
    collections: frozenset[str]

    def refusal(self, value: object, *, folder: bool = False) -> Message | None:
        """Return why the editor may not use the path `value`, or None if it may.

        A path is relative to the site, in '/' form, inside one of the folders
        (or, not for a folder, one of the data files), with no '..', no hidden
        part (.git) and no link (symlink) on its way.
        """
        if not isinstance(value, str) or not value.strip():
            return say("{value} is not a path", value=repr(value))
        path = value.removesuffix("/")
        if "\\" in path or "\x00" in path or path.startswith("/") or ":" in path:
            return say("{value} is not a relative path of the site", value=repr(value))
        parts = path.split("/")
        if any(part in {"", ".", ".."} or part.startswith(".") for part in parts):
            return say(
                "{value} leaves its folder or names a hidden file", value=repr(value)
            )
        inside = any(path == f or path.startswith(f"{f}/") for f in self.folders)
        if not inside and (folder or path not in self.files):
            return say(
                "{value} is not in the folders the editor writes", value=repr(value)
            )
        here = self.site
        for part in parts:
            here /= part
            if here.is_symlink():
                return say("{value} goes through a link (symlink)", value=repr(value))
        return None


def editor_paths(cfg: ContentModelSettings) -> EditorPaths:
    """Return what the editor of the site `cfg` describes may read and write."""
    site = cfg.facts.root.resolve()

    def relative(path: Path) -> str:
        return path.resolve().relative_to(site).as_posix()

    content = relative(cfg.facts.content)
    data_files = (cfg.categories_file, cfg.tags_file, cfg.library_file)
    return EditorPaths(
        site=site,
        folders=(
            *(f"{content}/{section}" for section in SECTIONS.values()),
            f"{content}/{MEDIA_FOLDER}",
            relative(cfg.library_file.parent / LIBRARY_MEDIA),
        ),
        files=tuple(relative(path) for path in data_files),
        collections=frozenset({*SECTIONS.values(), DATA_COLLECTION}),
    )
