"""The part of GitHub's REST API the editor uses, answered from a local repository.

Each route is GitHub's path and method; an answer has the fields the editor
reads, named and shaped as GitHub's. Anything else is GitHub's 404.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from .git_store import GitError
from .state import HostState, Person, PullRequest


@dataclass
class Answer:
    """A status, and JSON (a dict or list) or raw bytes with their type."""

    status: int
    body: Any = None
    content_type: str = "application/json; charset=utf-8"


NOT_FOUND = Answer(404, {"message": "Not Found"})
Route = Callable[..., Answer]


def _user(person: Person) -> dict:
    return {
        "id": person.number,
        "login": person.login,
        "name": person.name,
        "email": person.email,
        "avatar_url": None,
        "html_url": f"http://local/{person.login}",
        "type": "User",
    }


def _pull(host: HostState, pull: PullRequest) -> dict:
    return {
        "number": pull.number,
        "node_id": pull.node_id,
        "title": pull.title,
        "state": "open" if pull.state == "open" else "closed",
        "merged": pull.state == "merged",
        "draft": pull.draft,
        "html_url": f"http://local/{host.full_name}/pull/{pull.number}",
        "head": {"ref": pull.head, "sha": host.store.branch_head(pull.head)},
        "base": {"ref": pull.base},
        "labels": [{"name": name} for name in pull.labels],
        "created_at": pull.created_at,
        "updated_at": pull.updated_at,
    }


class RestApi:
    """GitHub's REST routes for one repository, for the person signed in."""

    def __init__(self, host: HostState, person: Person) -> None:
        self.host = host
        self.person = person
        repo = re.escape(f"/repos/{host.full_name}")
        self.routes: list[tuple[str, re.Pattern, Route]] = [
            ("GET", re.compile(r"/user"), self.user),
            ("GET", re.compile(rf"{repo}/collaborators/(?P<login>[^/]+)"), self.member),
            ("GET", re.compile(rf"{repo}/git/trees/(?P<name>.+)"), self.tree),
            (
                "GET",
                re.compile(rf"{repo}/git/blobs/(?P<sha>[0-9a-f]{{40}})"),
                self.blob,
            ),
            ("PATCH", re.compile(rf"{repo}/git/refs/heads/(?P<branch>.+)"), self.move),
            (
                "DELETE",
                re.compile(rf"{repo}/git/refs/heads/(?P<branch>.+)"),
                self.delete,
            ),
            ("POST", re.compile(rf"{repo}/pulls"), self.open_pull),
            (
                "GET",
                re.compile(rf"{repo}/pulls/(?P<number>\d+)/files"),
                self.pull_files,
            ),
            ("PATCH", re.compile(rf"{repo}/pulls/(?P<number>\d+)"), self.change_pull),
            ("PUT", re.compile(rf"{repo}/pulls/(?P<number>\d+)/merge"), self.merge),
            ("GET", re.compile(rf"{repo}/issues/(?P<number>\d+)"), self.issue),
            ("PATCH", re.compile(rf"{repo}/issues/(?P<number>\d+)"), self.set_labels),
            (
                "POST",
                re.compile(rf"{repo}/issues/(?P<number>\d+)/labels"),
                self.add_labels,
            ),
        ]

    def answer(self, method: str, path: str, body: Any) -> Answer:
        """Return the answer to `method` `path` (its JSON `body`)."""
        for wanted, pattern, route in self.routes:
            found = pattern.fullmatch(path)
            if found and method == wanted:
                values = {
                    key: unquote(value) for key, value in found.groupdict().items()
                }
                try:
                    return route(body if isinstance(body, dict) else {}, **values)
                except GitError as error:
                    return Answer(422, {"message": str(error)})
        return NOT_FOUND

    def user(self, _body: dict) -> Answer:
        """GET /user: who is signed in."""
        return Answer(200, _user(self.person))

    def member(self, _body: dict, login: str) -> Answer:
        """GET collaborators/login: 204 for the people of this host."""
        return Answer(204) if self.host.person(login) else NOT_FOUND

    def tree(self, _body: dict, name: str) -> Answer:
        """GET git/trees/<branch or sha>?recursive=1: every file of a commit."""
        sha = self.host.store.resolve(name)
        if sha is None:
            return NOT_FOUND
        tree = [
            {
                "path": f.path,
                "mode": "100644",
                "type": "blob",
                "sha": f.sha,
                "size": f.size,
            }
            for f in self.host.store.tree(sha)
        ]
        return Answer(200, {"sha": sha, "tree": tree, "truncated": False})

    def blob(self, _body: dict, sha: str) -> Answer:
        """GET git/blobs/<sha> (raw): a file's bytes."""
        data = self.host.store.blob(sha)
        if data is None:
            return NOT_FOUND
        binary = b"\0" in data[:8000]
        kind = "application/octet-stream" if binary else "text/plain; charset=utf-8"
        return Answer(200, data, kind)

    def move(self, body: dict, branch: str) -> Answer:
        """PATCH git/refs/heads/<branch> {sha, force}: reset a workflow branch."""
        if (
            not isinstance(body.get("sha"), str)
            or self.host.store.resolve(body["sha"]) is None
        ):
            return Answer(422, {"message": "Object does not exist"})
        self.host.store.reset_branch(branch, body["sha"])
        return Answer(
            200, {"ref": f"refs/heads/{branch}", "object": {"sha": body["sha"]}}
        )

    def delete(self, _body: dict, branch: str) -> Answer:
        """DELETE git/refs/heads/<branch>: delete a branch (not the checked-out one)."""
        if self.host.store.delete_branch(branch):
            return Answer(204)
        return Answer(422, {"message": "Reference does not exist"})

    def open_pull(self, body: dict) -> Answer:
        """POST pulls {title, head, base, draft}: send a branch for review."""
        head, base = body.get("head"), body.get("base")
        store = self.host.store
        if not (isinstance(head, str) and store.branch_head(head)):
            return Answer(422, {"message": "Validation Failed: head"})
        if not (isinstance(base, str) and store.branch_head(base)):
            return Answer(422, {"message": "Validation Failed: base"})
        pull = self.host.pulls.open(
            title=str(body.get("title") or head),
            head=head,
            base=base,
            author=self.person.login,
            draft=bool(body.get("draft")),
            body=str(body.get("body") or ""),
        )
        return Answer(201, _pull(self.host, pull))

    def _open(self, number: str) -> PullRequest | None:
        return self.host.pulls.get(int(number))

    def pull_files(self, _body: dict, number: str) -> Answer:
        """GET pulls/<n>/files: what the branch changes."""
        pull = self._open(number)
        head = pull and self.host.store.branch_head(pull.head)
        if not head:
            return NOT_FOUND
        statuses = {"A": "added", "D": "removed", "R": "renamed", "C": "copied"}
        files = [
            {"filename": path, "status": statuses.get(status, "modified"),
             **({"previous_filename": old} if old else {})}
            for status, path, old in self.host.store.changed_files(pull.base, head)
        ]  # fmt: skip
        return Answer(200, files)

    def change_pull(self, body: dict, number: str) -> Answer:
        """PATCH pulls/<n> {state}: close or reopen."""
        pull = self._open(number)
        if pull is None or pull.state == "merged":
            return NOT_FOUND
        if body.get("state") in ("open", "closed"):
            self.host.pulls.change(pull, state=body["state"])
        return Answer(200, _pull(self.host, pull))

    def merge(self, body: dict, number: str) -> Answer:
        """PUT pulls/<n>/merge: publish the reviewed branch into its base."""
        pull = self._open(number)
        if pull is None or pull.state != "open":
            return Answer(405, {"message": "Pull Request is not mergeable"})
        head = self.host.store.branch_head(pull.head)
        if head is None:
            return Answer(405, {"message": "Pull Request is not mergeable"})
        title = str(body.get("commit_title") or pull.title)
        sha = self.host.store.merge(
            pull.base,
            head,
            f"{title} (#{pull.number})",
            self.person.as_author(),
            squash=body.get("merge_method") == "squash",
        )
        self.host.pulls.change(pull, state="merged")
        return Answer(
            200, {"sha": sha, "merged": True, "message": "Pull Request merged"}
        )

    def issue(self, _body: dict, number: str) -> Answer:
        """GET issues/<n>: a pull request's labels."""
        pull = self._open(number)
        return Answer(200, _pull(self.host, pull)) if pull else NOT_FOUND

    def set_labels(self, body: dict, number: str) -> Answer:
        """PATCH issues/<n> {labels}: set a pull request's labels (its stage)."""
        pull = self._open(number)
        labels = body.get("labels")
        if pull is None or not isinstance(labels, list):
            return NOT_FOUND
        self.host.pulls.change(pull, labels=[str(label) for label in labels])
        return Answer(200, _pull(self.host, pull))

    def add_labels(self, body: dict, number: str) -> Answer:
        """POST issues/<n>/labels {labels}: add labels."""
        pull = self._open(number)
        labels = body.get("labels")
        if pull is None or not isinstance(labels, list):
            return NOT_FOUND
        added = [str(label) for label in labels if str(label) not in pull.labels]
        self.host.pulls.change(pull, labels=pull.labels + added)
        return Answer(200, [{"name": name} for name in pull.labels])
