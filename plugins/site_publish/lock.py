"""One publish at a time per destination: a lock taken atomically there.

Two publishes to one place at once (the hourly job and a person, two
computers) would each fill a release and switch to it, and the later would
silently replace the earlier. So a publish first takes `publish.lock` at the
destination, in one step that fails when it is already there: a hard link
of a complete file in a folder (`ln`, also over SSH), a conditional put
(`If-None-Match: *`) in an S3 store. The lock says who holds it and until
when: a publisher killed without letting go blocks the destination only
until then (`PUBLISH["lock_minutes"]`), after which the next publish takes
it over.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Protocol

LOCK = "publish.lock"


class LockTaken(RuntimeError):
    """The destination's lock is held by another publish (the message says whose)."""


@dataclass(frozen=True)
class LockHolder:
    """Who publishes, since when, and until when the lock holds at the latest."""

    who: str
    since: str
    expires: str

    def describe(self, place: str) -> str:
        """Return the message a second publisher reads."""
        return (
            f"another publish to {place} is under way: {self.who} started it at "
            f"{self.since} and holds the lock until it ends (at the latest "
            f"{self.expires}). Wait for it to end, then publish again; if that "
            f"publish was stopped and no other is running, you may remove "
            f"{LOCK} at {place}"
        )


class LockStore(Protocol):
    """What a destination does for the lock: create a file only if it is absent."""

    def create_new(self, path: str, text: str) -> bool:
        """Write `path` whole and return True, or return False if it exists."""

    def read_text(self, path: str) -> str:
        """Return a file's text."""

    def remove(self, path: str) -> None:
        """Remove a file if it is there."""


def publisher() -> str:
    """Return who is publishing, as a person would recognise it."""
    run = os.environ.get("GITHUB_RUN_ID")
    if run:
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        repository = os.environ.get("GITHUB_REPOSITORY", "")
        return f"the GitHub Actions run {server}/{repository}/actions/runs/{run}"
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return f"{user}@{socket.gethostname()} (process {os.getpid()})"


@contextmanager
def publish_lock(
    store: LockStore,
    place: str,
    now: Callable[[], datetime],
    hold: timedelta,
    path: str = LOCK,
) -> Iterator[LockHolder]:
    """Hold the destination's lock while the block runs; raise LockTaken if held."""
    start = now()
    mine = LockHolder(
        who=publisher(),
        since=start.isoformat(timespec="seconds"),
        expires=(start + hold).isoformat(timespec="seconds"),
    )
    text = json.dumps(asdict(mine), sort_keys=True)
    if not store.create_new(path, text):
        holder = _holder(store, path)
        if holder is not None and datetime.fromisoformat(holder.expires) > start:
            raise LockTaken(holder.describe(place))
        # Expired (its publisher was killed) or unreadable: taken over, once.
        store.remove(path)
        if not store.create_new(path, text):
            raise LockTaken((_holder(store, path) or mine).describe(place))
    try:
        yield mine
    finally:
        if _read(store, path) == text:
            store.remove(path)


def _read(store: LockStore, path: str) -> str | None:
    try:
        return store.read_text(path)
    except OSError:  # gone meanwhile (FileNotFoundError), or unreadable
        return None


def _holder(store: LockStore, path: str) -> LockHolder | None:
    text = _read(store, path)
    try:
        return LockHolder(**json.loads(text)) if text else None
    except (ValueError, TypeError):
        return None
