"""Each bundle's result kept by digest, so an unchanged bundle is not read again.

Reading, checking and rendering a post's files is most of the content
check. A `BundleCache` keeps one result per bundle (for the check: its
documents with their HTML, its problems, its blank translations) in one
file under `.cache/`, under a key made of every input of the build but
content/ (settings, data, theme, plugins: the build record's
`site_inputs`) and of every file in the bundle's folder, names and bytes:
an edited text, a deleted or replaced photo, a new caption file each make
a new key. What it keeps is the caller's (any picklable value); the caller
names its cache and gives a version it bumps when what it keeps changes
shape. `save` keeps only the results used by this build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .digests import FileDigests, shared_digests
from .facts import messages_language, site_root
from .record import SITE_INPUTS, site_inputs


class BundleCache:
    """Results by key, in one file; `save` keeps only those used."""

    def __init__(self, path: Path, site_key: str, digests: FileDigests) -> None:
        self.path = path
        self.site_key = site_key
        self.digests = digests
        try:
            with self.path.open("rb") as stream:
                self.kept: dict[str, bytes] = pickle.load(stream)  # noqa: S301 (ours)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            self.kept = {}
        self.used: dict[str, bytes] = {}
        self.hits = 0

    def key(self, kind: str, files: Iterable[Path]) -> str:
        """Return the key of a bundle of `kind`: the site's inputs and its files."""
        digest = hashlib.sha256(f"{self.site_key}\0{kind}\0".encode())
        for path in files:
            digest.update(f"{path}\0{self.digests.digest(path)}\n".encode())
        return digest.hexdigest()

    def get(self, key: str) -> Any:
        """Return the kept result of a bundle, or None."""
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

    def put(self, key: str, result: Any) -> None:
        """Keep the result of a bundle."""
        self.used[key] = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)

    def save(self) -> None:
        """Write the results this build used (the others are dropped); keep digests."""
        if self.used.keys() != self.kept.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as stream:
                pickle.dump(self.used, stream, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
        self.digests.save()


def bundle_cache(settings: dict[str, Any], name: str, version: str) -> BundleCache:
    """Return the site's cache called `name` (`.cache/<name>/bundles.pickle`).

    Its keys hold the site's inputs but content/ (as the build computed them
    for its record, else computed now), `version` and the messages' language
    (problems are kept as they are worded).
    """
    site = site_root(settings)
    digests = shared_digests(site)
    extra = f"{version}\0{messages_language(settings)}"
    given = settings.get(SITE_INPUTS)
    site_key = (
        hashlib.sha256(f"{given}\0{extra}".encode()).hexdigest()
        if given
        else site_inputs(settings, digests, extra).hexdigest()
    )
    return BundleCache(site / ".cache" / name / "bundles.pickle", site_key, digests)
