"""Only regular files inside a folder: a link (symlink) or a device is refused, named.

Git commits symbolic links, so a push could add `song.mp3 -> /proc/self/environ`
and have the build publish a file of the build machine. Every file of content/
and data/ is listed here without following links (os.scandir's d_type, no
extra stat), and every file a document names is checked again where it is read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from site_base.messages import Message, say


@dataclass
class FolderListing:
    """The regular files under a folder (as tuples of parts) and the refused entries."""

    files: list[tuple[str, ...]] = field(default_factory=list)
    refused: list[tuple[Path, Message]] = field(default_factory=list)


def list_files(root: Path, ignored: re.Pattern[str]) -> FolderListing:
    """List every regular file under `root`; refuse links and special files.

    A name that `ignored` matches is left out with all it holds (what Pelican
    skips: .git, ._index.md); nothing under it is read.
    """
    listing = FolderListing()
    pending: list[tuple[str, ...]] = [()]
    while pending:
        parts = pending.pop()
        folder = root.joinpath(*parts)
        try:
            with os.scandir(folder) as found:
                entries = list(found)
        except OSError:
            listing.refused.append((folder, _unreadable()))
            continue
        for entry in entries:
            if ignored.match(entry.name):
                continue
            here = (*parts, entry.name)
            if entry.is_symlink():
                listing.refused.append((root.joinpath(*here), link_message(entry.path)))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(here)
            elif entry.is_file(follow_symlinks=False):
                listing.files.append(here)
            else:
                listing.refused.append((root.joinpath(*here), _special_message()))
    return listing


def file_problem(path: Path, root: Path) -> Message | None:
    """Return why `path` may not be read as a file of `root`, or None if it may.

    It must be a regular file, not a link, and every folder between `root`
    and it must be a real folder (no link on the way out of `root`).
    """
    try:
        relative = path.relative_to(root)
    except ValueError:
        return _outside_message(root)
    here = root
    for part in relative.parts:
        here = here / part
        if here.is_symlink():
            return link_message(str(here))
    if not path.exists():
        return None  # the caller says it is missing, in its own words
    if not path.is_file():
        return None if path.is_dir() else _special_message()
    if not path.resolve().is_relative_to(root.resolve()):
        return _outside_message(root)
    return None


def named_file_problem(name: str, path: Path, root: Path) -> Message | None:
    """Return file_problem's answer for the file a document names as `name`."""
    refused = file_problem(path, root)
    return say("'{name}': {refused}", name=name, refused=refused) if refused else None


def link_message(path: str) -> Message:
    """Explain that a link (symlink) is not published, and what to do instead."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return say(
        "this is a link (symlink) to {target}, not a file: the site publishes "
        "only files kept in this folder. Delete the link and copy the file "
        "(or folder) itself here",
        target=target,
    )


def _special_message() -> Message:
    return say(
        "this is not an ordinary file (a device, a pipe or a socket): remove it "
        "from the folder"
    )


def _outside_message(root: Path) -> Message:
    return say(
        "this file is outside {folder}/: the site reads only files kept in it. "
        "Copy the file into the folder",
        folder=root.name,
    )


def _unreadable() -> Message:
    return say(
        "this folder cannot be opened (no permission to read it): ask a "
        "developer to check its permissions"
    )
