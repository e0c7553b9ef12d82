"""What the local host knows besides git: who may sign in, and the pull requests.

A pull request is the review workflow's unit (a post sent for review is a
branch and a pull request labelled with its stage); they are kept in a JSON
file inside the repository's git folder, so they outlive the host.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..writable import EditorPaths
from .git_store import GitStore


@dataclass(frozen=True)
class Person:
    """Someone who may sign in with a token: a writer or the reviewer."""

    login: str
    name: str
    email: str
    number: int = 1

    def as_author(self) -> tuple[str, str]:
        """Return (name, e-mail) for a commit."""
        return self.name, self.email


@dataclass
class PullRequest:
    """A branch sent for review into `base`: its stage is one of its labels."""

    number: int
    title: str
    head: str
    base: str
    author: str
    draft: bool = False
    state: str = "open"  # open, closed, merged
    labels: list[str] = field(default_factory=list)
    body: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def node_id(self) -> str:
        """Return the GraphQL id of this pull request."""
        return f"PR_{self.number}"


def now() -> str:
    """Return this moment as GitHub writes dates."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PullRequests:
    """The repository's pull requests, saved after each change."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.lock = threading.Lock()
        self.items: dict[int, PullRequest] = {}
        if file.is_file():
            for item in json.loads(file.read_text("utf-8")):
                self.items[item["number"]] = PullRequest(**item)

    def open(self, **values: Any) -> PullRequest:
        """Open a pull request; return it."""
        with self.lock:
            number = max(self.items, default=0) + 1
            stamp = now()
            pull = PullRequest(
                number=number, created_at=stamp, updated_at=stamp, **values
            )
            self.items[number] = pull
            self._save()
            return pull

    def change(self, pull: PullRequest, **values: Any) -> PullRequest:
        """Change a pull request's fields; return it."""
        with self.lock:
            for key, value in values.items():
                setattr(pull, key, value)
            pull.updated_at = now()
            self._save()
            return pull

    def get(self, number: int) -> PullRequest | None:
        """Return pull request `number`, or None."""
        return self.items.get(number)

    def _save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        saved = [asdict(pull) for pull in self.items.values()]
        temporary = self.file.with_suffix(".tmp")
        temporary.write_text(json.dumps(saved, ensure_ascii=False, indent=1), "utf-8")
        temporary.replace(self.file)


@dataclass
class HostState:
    """The repository the host serves, named as the editor's configuration names it."""

    store: GitStore
    owner: str
    name: str
    people: dict[str, Person]  # by token
    paths: EditorPaths
    pulls: PullRequests

    @property
    def full_name(self) -> str:
        """Return owner/name."""
        return f"{self.owner}/{self.name}"

    def person(self, login: str) -> Person | None:
        """Return the person signing in as `login`, or None."""
        return next((p for p in self.people.values() if p.login == login), None)


def host_state(
    folder: Path, repo: str, people: dict[str, Person], paths: EditorPaths
) -> HostState:
    """Return the state of the host of the repository in `folder`, named `repo`."""
    store = GitStore(folder)
    git_folder = Path(store.text("rev-parse", "--absolute-git-dir"))
    owner, name = repo.split("/", 1)
    pulls = PullRequests(git_folder / "site-editor" / "pull-requests.json")
    return HostState(store, owner, name, people, paths, pulls)
