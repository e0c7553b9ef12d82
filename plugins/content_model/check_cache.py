"""The check of each bundle kept by digest, so an unchanged post is not read again.

Reading, checking and rendering a post's files is most of the content
check. A bundle's result (its documents with their HTML, its problems, its
blank translations) is kept in `.cache/check/bundles.pickle` under a key made of every
input of the build but content/ (settings, data, theme, plugins: the
build record's `site_inputs`) and of every file in the bundle's folder,
names and bytes: an edited text, a deleted or replaced photo, a new
caption file each make a new key. The rules between files (unique
addresses, people and works named, page names, year folders) are not
cached: they run at every check over the cached results, so a renamed
person is still noticed in every post that names them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_base.digests import FileDigests, shared_digests

from .model import Bundle, Document
from .problems import Problem
from .record import SITE_INPUTS, site_inputs

FILE = Path(".cache") / "check" / "bundles.pickle"
# Bumped when what is kept changes shape: older entries are then not read.
VERSION = "1"


@dataclass(frozen=True)
class CheckedBundle:
    """What checking one bundle gave."""

    documents: list[Document]
    problems: list[Problem]
    blank: frozenset[Path]


class CheckCache:
    """Checked bundles by key, in one file; `save` keeps only those used."""

    def __init__(self, site: Path, settings: dict[str, Any], extra: str) -> None:
        self.path = site / FILE
        self.digests: FileDigests = shared_digests(site)
        given = settings.get(SITE_INPUTS)
        self.site_key = (
            hashlib.sha256(f"{given}\0{VERSION}\0{extra}".encode()).hexdigest()
            if given
            else site_inputs(settings, self.digests, VERSION + extra).hexdigest()
        )
        try:
            with self.path.open("rb") as stream:
                self.kept: dict[str, bytes] = pickle.load(stream)  # noqa: S301 (ours)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            self.kept = {}
        self.used: dict[str, bytes] = {}
        self.hits = 0

    def key(self, bundle: Bundle) -> str:
        """Return the key of `bundle`: the site's inputs and its folder's files."""
        digest = hashlib.sha256(f"{self.site_key}\0{bundle.kind}\0".encode())
        for path in bundle.contents:
            digest.update(f"{path}\0{self.digests.digest(path)}\n".encode())
        return digest.hexdigest()

    def get(self, key: str) -> CheckedBundle | None:
        """Return the kept check of a bundle, or None."""
        data = self.kept.get(key)
        if data is None:
            return None
        try:
            found = pickle.loads(data)  # noqa: S301 (our own cache)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        self.used[key] = data
        self.hits += 1
        return found

    def put(self, key: str, checked: CheckedBundle) -> None:
        """Keep the check of a bundle."""
        self.used[key] = pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)

    def save(self) -> None:
        """Write the checks this check used (the others are dropped); keep digests."""
        if self.used.keys() != self.kept.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as stream:
                pickle.dump(self.used, stream, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
        self.digests.save()
