"""Publish to a folder: each publish a whole new release, readers switched at once.

    DEST/current -> releases/<id>   the web server's document root (a symlink)
    DEST/releases/<id>/             one complete site per publish
    DEST/releases/<id>.json         its files' digests, and old files kept since when
    DEST/releases/.partial-<id>/    a publish under way

A release is filled beside the live one (files that did not change are hard
links to the previous release: nothing is copied twice), renamed when
complete, and `current` is switched with one atomic rename: a reader gets
the old site or the new one, never half of each. A publish killed half way
leaves a `.partial-` folder that the next publish removes. Files a replaced
page still referenced stay in the new release for `retention` (a reader who
loaded the old page still gets its photos), then go.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .manifest import build_manifest
from .summary import PublishSummary

PARTIAL = ".partial-"
# Releases kept besides the current one, for `--rollback`.
EARLIER_RELEASES = 2


class PublishError(RuntimeError):
    """A publish or rollback that cannot be done; says why in plain words."""


@dataclass
class Release:
    """One published site: its files' digests, and old files kept since when."""

    id: str
    files: dict[str, str]
    kept: dict[str, tuple[str, str]] = field(default_factory=dict)

    def digest(self, path: str) -> str | None:
        """Return the digest of `path` in this release, published or kept."""
        if path in self.files:
            return self.files[path]
        return self.kept[path][0] if path in self.kept else None


class FolderTarget:
    """The releases of a site in a local folder (or one mounted from a server)."""

    def __init__(
        self,
        root: Path,
        retention: timedelta,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        copy: Callable[[Path, Path], object] = shutil.copy2,
    ) -> None:
        self.root = root
        self.releases = root / "releases"
        self.retention = retention
        self.now = now
        self.copy = copy

    def current(self) -> Release | None:
        """Return the release readers get now, if any."""
        link = self.root / "current"
        if not link.is_symlink():
            return None
        return self._read(Path(os.readlink(link)).name)

    def history(self) -> list[str]:
        """Return the ids of the complete releases, oldest first."""
        if not self.releases.is_dir():
            return []
        return sorted(p.stem for p in self.releases.glob("*.json"))

    def is_online(self, output: Path) -> bool:
        """Return whether readers already get exactly `output` (nothing to send)."""
        current = self.current()
        if current is None or build_manifest(output) != current.files:
            return False
        return self._still_kept(current.files, current, self.now())[0] == current.kept

    def publish(self, output: Path) -> PublishSummary:
        """Publish `output` as a new release, unless it changes nothing."""
        self._remove_partial()
        now = self.now()
        files = build_manifest(output)
        current = self.current()
        kept, deleted = self._still_kept(files, current, now)
        summary = PublishSummary(deleted=deleted)
        if current and files == current.files and kept == current.kept:
            summary.unchanged = len(files)
            return summary
        release = Release(now.strftime("%Y%m%dT%H%M%S%fZ"), files, kept)
        partial = self.releases / f"{PARTIAL}{release.id}"
        for path, digest in files.items():
            if current and current.digest(path) == digest:
                _link(self.releases / current.id / path, partial / path)
                summary.unchanged += 1
            else:
                target = partial / path
                target.parent.mkdir(parents=True, exist_ok=True)
                self.copy(output / path, target)
                summary.uploaded += 1
                summary.uploaded_bytes += target.stat().st_size
        for path in kept:
            _link(self.releases / current.id / path, partial / path)
        summary.kept = len(kept)
        self._complete(partial, release)
        summary.release = release.id
        self._prune()
        return summary

    def rollback(self) -> PublishSummary:
        """Switch readers back to the release before the current one."""
        current = self.current()
        ids = self.history()
        if current is None or ids.index(current.id) == 0:
            raise PublishError("there is no earlier release to go back to")
        previous = ids[ids.index(current.id) - 1]
        self._switch(previous)
        # The newer release is left out of history: the next publish starts anew.
        self._remove_release(current.id)
        return PublishSummary(
            release=previous, unchanged=len(self._read(previous).files)
        )

    def release_folder(self, release_id: str) -> Path:
        """Return the folder of a release."""
        return self.releases / release_id

    def _still_kept(
        self, files: dict[str, str], current: Release | None, now: datetime
    ) -> tuple[dict[str, tuple[str, str]], int]:
        """Return the old files kept {path: (digest, since)} and how many go."""
        if current is None:
            return {}, 0
        kept: dict[str, tuple[str, str]] = {}
        deleted = 0
        gone = {p: (d, now.isoformat()) for p, d in current.files.items()}
        gone.update(current.kept)
        for path, (digest, since) in sorted(gone.items()):
            if path in files:
                continue
            if now - datetime.fromisoformat(since) < self.retention:
                kept[path] = (digest, since)
            else:
                deleted += 1
        return kept, deleted

    def _complete(self, partial: Path, release: Release) -> None:
        """Make a filled release complete, then switch readers to it."""
        partial.mkdir(parents=True, exist_ok=True)
        os.rename(partial, self.releases / release.id)
        manifest = self.releases / f"{release.id}.json"
        temporary = manifest.with_suffix(".json.tmp")
        temporary.write_text(
            json.dumps(
                {"files": release.files, "kept": release.kept}, indent=1, sort_keys=True
            ),
            encoding="utf-8",
        )
        os.replace(temporary, manifest)
        self._switch(release.id)

    def _switch(self, release_id: str) -> None:
        """Point `current` at a release with one atomic rename."""
        temporary = self.root / "current.new"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(Path("releases") / release_id)
        os.replace(temporary, self.root / "current")

    def _read(self, release_id: str) -> Release:
        data = json.loads((self.releases / f"{release_id}.json").read_text("utf-8"))
        kept = {path: tuple(value) for path, value in data.get("kept", {}).items()}
        return Release(release_id, data["files"], kept)

    def _remove_partial(self) -> None:
        """Remove what a publish killed half way left."""
        for leftover in (
            self.releases.glob(f"{PARTIAL}*") if self.releases.is_dir() else []
        ):
            shutil.rmtree(leftover)

    def _prune(self) -> None:
        """Keep the current release and the few before it (for rollback)."""
        for release_id in self.history()[: -(EARLIER_RELEASES + 1)]:
            self._remove_release(release_id)

    def _remove_release(self, release_id: str) -> None:
        (self.releases / f"{release_id}.json").unlink(missing_ok=True)
        shutil.rmtree(self.releases / release_id, ignore_errors=True)


def _link(source: Path, target: Path) -> None:
    """Hard-link an unchanged file into the new release (no bytes copied)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system: copy instead
        shutil.copy2(source, target)
