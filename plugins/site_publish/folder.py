"""Publish as releases: each publish a whole new site, readers switched at once.

    DEST/current -> releases/<id>   the web server's document root (a symlink)
    DEST/releases/<id>/             one complete site per publish
    DEST/releases/<id>.json         its files' digests, and old files kept since when
    DEST/releases/.partial-<id>/    a publish under way
    DEST/publish.lock               who publishes now (lock.py): one at a time

A release is filled beside the live one (files that did not change are hard
links to it: nothing is sent twice), renamed when complete, and `current` is
switched with one atomic rename: a reader gets the old site or the new one,
never half of each. A publish killed half way leaves a `.partial-` folder
that the next publish removes. Files a replaced page still referenced stay
in the new release for `retention` (a reader who loaded the old page still
gets its photos), then go. Where DEST is (this machine, or another one over
SSH) is the store's business (stores.py).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .lock import publish_lock
from .manifest import build_manifest
from .settings import DEFAULT_LOCK_HOLD
from .stores import LocalStore, ShellStore
from .summary import PublishSummary

RELEASES = "releases"
CURRENT = "current"
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


def still_kept(
    files: dict[str, str],
    current: Release | None,
    now: datetime,
    retention: timedelta,
    also_online: dict[str, str] | None = None,
) -> tuple[dict[str, tuple[str, str]], int]:
    """Return the old files kept {path: (digest, since)} and how many go.

    A file the new build no longer has stays `retention` after the release
    that dropped it; `also_online` {path: digest} are files found online that
    no release lists (left by a publish killed half way): kept from now.
    """
    gone: dict[str, tuple[str, str]] = {
        path: (digest, now.isoformat()) for path, digest in (also_online or {}).items()
    }
    if current is not None:
        gone.update({p: (d, now.isoformat()) for p, d in current.files.items()})
        gone.update(current.kept)
    kept: dict[str, tuple[str, str]] = {}
    deleted = 0
    for path, (digest, since) in sorted(gone.items()):
        if path in files:
            continue
        if now - datetime.fromisoformat(since) < retention:
            kept[path] = (digest, since)
        else:
            deleted += 1
    return kept, deleted


def release_before(current: Release | None, history: list[str]) -> str:
    """Return the id of the release before `current` (for --rollback)."""
    if current is None or current.id not in history or history[0] == current.id:
        raise PublishError("there is no earlier release to go back to")
    return history[history.index(current.id) - 1]


class ReleaseTarget:
    """The releases of a site in a store (a local folder, or one over rsync)."""

    def __init__(
        self,
        store: LocalStore | ShellStore,
        retention: timedelta,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        lock_hold: timedelta = DEFAULT_LOCK_HOLD,
    ) -> None:
        self.store = store
        self.retention = retention
        self.now = now
        self.lock_hold = lock_hold

    def _locked(self) -> Any:
        """Return the context that holds the destination's lock (`publish.lock`)."""
        return publish_lock(self.store, self.store.place, self.now, self.lock_hold)

    def current(self) -> Release | None:
        """Return the release readers get now, if any."""
        target = self.store.read_link(CURRENT)
        return self._read(Path(target).name) if target else None

    def history(self) -> list[str]:
        """Return the ids of the complete releases, oldest first."""
        return [
            name.removesuffix(".json") for name in self.store.names(RELEASES, ".json")
        ]

    def is_online(self, output: Path) -> bool:
        """Return whether readers already get exactly `output` (nothing to send)."""
        current = self.current()
        if current is None or build_manifest(output) != current.files:
            return False
        return (
            still_kept(current.files, current, self.now(), self.retention)[0]
            == current.kept
        )

    def publish(self, output: Path) -> PublishSummary:
        """Publish `output` as a new release, unless it changes nothing.

        Under the destination's lock: a second publish meanwhile is refused.
        """
        with self._locked():
            return self._publish(output)

    def _publish(self, output: Path) -> PublishSummary:
        self._remove_leftovers()
        now = self.now()
        files = build_manifest(output)
        current = self.current()
        kept, deleted = still_kept(files, current, now, self.retention)
        summary = PublishSummary(deleted=deleted)
        if current and files == current.files and kept == current.kept:
            summary.unchanged = len(files)
            return summary
        release = Release(now.strftime("%Y%m%dT%H%M%S%fZ"), files, kept)
        partial = f"{RELEASES}/{PARTIAL}{release.id}"
        live = f"{RELEASES}/{current.id}" if current else None
        same = {p for p, d in files.items() if current and current.digest(p) == d}
        summary.uploaded, summary.uploaded_bytes = self.store.fill(
            output, partial, list(files), live, same
        )
        summary.unchanged = len(files) - summary.uploaded
        summary.sent = sorted(set(files) - same)
        if kept:
            self.store.link(live, partial, sorted(kept))
        summary.kept = len(kept)
        self.store.rename(partial, f"{RELEASES}/{release.id}")
        self.store.write_text(
            f"{RELEASES}/{release.id}.json",
            json.dumps({"files": files, "kept": kept}, indent=1, sort_keys=True),
        )
        self.store.switch(CURRENT, f"{RELEASES}/{release.id}")
        summary.release = release.id
        self._prune()
        return summary

    def rollback(self) -> PublishSummary:
        """Switch readers back to the release before the current one."""
        with self._locked():
            return self._rollback()

    def _rollback(self) -> PublishSummary:
        current = self.current()
        previous = release_before(current, self.history())
        self.store.switch(CURRENT, f"{RELEASES}/{previous}")
        # The newer release leaves the history: the next publish starts anew.
        self._remove_release(current.id)
        files = self._read(previous).files
        return PublishSummary(release=previous, unchanged=len(files), rolled_back=True)

    def _read(self, release_id: str) -> Release:
        data = json.loads(self.store.read_text(f"{RELEASES}/{release_id}.json"))
        kept = {path: tuple(value) for path, value in data.get("kept", {}).items()}
        return Release(release_id, data["files"], kept)

    def _remove_leftovers(self) -> None:
        """Remove what a publish killed half way left.

        A `.partial-` folder (killed while filling), a release folder with no
        record (killed between its rename and its record) and a record's
        temporary file; never the release readers get.
        """
        names = self.store.names(RELEASES, "")
        current = self.store.read_link(CURRENT)
        live = Path(current).name if current else None
        recorded = {
            name.removesuffix(".json") for name in names if name.endswith(".json")
        }
        for name in names:
            unrecorded = "." not in name and name not in recorded and name != live
            if name.startswith(PARTIAL) or name.endswith(".tmp") or unrecorded:
                self.store.remove(f"{RELEASES}/{name}")

    def _prune(self) -> None:
        """Keep the current release and the few before it (for rollback)."""
        for release_id in self.history()[: -(EARLIER_RELEASES + 1)]:
            self._remove_release(release_id)

    def _remove_release(self, release_id: str) -> None:
        self.store.remove(f"{RELEASES}/{release_id}.json")
        self.store.remove(f"{RELEASES}/{release_id}")


class FolderTarget(ReleaseTarget):
    """Releases in a folder of this machine (or one mounted from a server)."""

    def __init__(
        self,
        root: Path,
        retention: timedelta,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        copy: Callable[[Path, Path], object] = shutil.copy2,
        lock_hold: timedelta = DEFAULT_LOCK_HOLD,
    ) -> None:
        super().__init__(LocalStore(root, copy), retention, now, lock_hold)
        self.root = root
        self.releases = root / RELEASES

    def release_folder(self, release_id: str) -> Path:
        """Return the folder of a release."""
        return self.releases / release_id
