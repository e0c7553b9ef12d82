"""A git repository as the editor's local host reads and writes it (git's own commands).

The local host (site_admin.local_host) answers the editor as GitHub would,
from a repository on this computer. Commits are made without touching the
working tree (a temporary index, `git commit-tree`, a compare-and-swap
`git update-ref`), except for the branch that is checked out: its files are
brought to the new commit with `git read-tree -m -u`, which refuses (and so
changes nothing) when the writer has unsaved changes to the same files.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Git's mode of a plain file.
FILE_MODE = "100644"


class GitError(RuntimeError):
    """A git command failed; the message is git's own (for the log, not writers)."""


class HeadMoved(GitError):
    """The branch is no longer at the commit the change was made from."""


@dataclass(frozen=True)
class TreeFile:
    """A file of a commit's tree."""

    path: str
    sha: str
    size: int


@dataclass(frozen=True)
class CommitInfo:
    """A commit as the editor shows it: who, when, what."""

    sha: str
    message: str
    name: str
    email: str
    date: str  # ISO 8601, UTC


SHA = re.compile(r"^[0-9a-f]{40}$")


class GitStore:
    """One repository: read commits, trees and blobs; write commits and branches.

    Names and shas come from requests: each is checked before it reaches a git
    command (a branch must be a valid branch name, a sha 40 hex digits), so
    none can pass as an option or name something outside refs/heads/.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        # One writer at a time: a commit reads the head, then moves it.
        self.lock = threading.Lock()

    def git(
        self, *arguments: str, data: bytes | None = None, env: dict | None = None
    ) -> bytes:
        """Run git in the repository; return what it printed."""
        result = subprocess.run(
            ["git", "-C", str(self.folder), *arguments],  # noqa: S607
            input=data,
            capture_output=True,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})},
            check=False,
        )
        if result.returncode != 0:
            raise GitError(result.stderr.decode("utf-8", "replace").strip())
        return result.stdout

    def text(
        self, *arguments: str, data: bytes | None = None, env: dict | None = None
    ) -> str:
        """Run git (`data` on its input); return its output as text, stripped."""
        return self.git(*arguments, data=data, env=env).decode("utf-8").strip()

    # Reading

    def resolve(self, name: str) -> str | None:
        """Return the commit a branch name or commit sha names, or None."""
        if SHA.match(name):
            try:
                return self.text(
                    "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"
                )
            except GitError:
                return None
        return self.branch_head(name)

    def branch_head(self, branch: str) -> str | None:
        """Return the commit at the tip of `branch`, or None if there is none."""
        if not self.valid_branch(branch):
            return None
        try:
            return self.text("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
        except GitError:
            return None

    def valid_branch(self, branch: str) -> bool:
        """Return whether `branch` is a branch name git accepts."""
        if not branch or branch.startswith("-"):
            return False
        try:
            self.git("check-ref-format", f"refs/heads/{branch}")
        except GitError:
            return False
        return True

    def checked_out(self) -> str | None:
        """Return the branch of the working tree, or None (bare, detached)."""
        try:
            return self.text("symbolic-ref", "--quiet", "--short", "HEAD")
        except GitError:
            return None

    def tree(self, commit: str) -> list[TreeFile]:
        """Return every file of `commit`, with its blob's sha and size."""
        listing = self.git("ls-tree", "-r", "-l", "-z", commit)
        files = []
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, path = record.split(b"\t", 1)
            _mode, kind, sha, size = meta.decode().split()
            if kind == "blob":
                files.append(TreeFile(path.decode("utf-8"), sha, int(size)))
        return files

    def blob(self, sha: str) -> bytes | None:
        """Return a blob's bytes, or None if `sha` names no blob."""
        if not SHA.match(sha):
            return None
        try:  # git refuses to print as a blob what is not one
            return self.git("cat-file", "blob", sha)
        except GitError:
            return None

    def blob_at(self, commit: str, path: str) -> str | None:
        """Return the sha of `path`'s blob in `commit`, or None."""
        if not SHA.match(commit):
            return None
        try:
            sha = self.text("rev-parse", "--verify", "--quiet", f"{commit}:{path}")
        except GitError:
            return None
        return sha if self.text("cat-file", "-t", sha) == "blob" else None

    def history(
        self, commit: str, path: str | None = None, count: int = 1
    ) -> list[CommitInfo]:
        """Return the last `count` commits of `commit` (that changed `path`)."""
        form = "%H%x00%an%x00%ae%x00%cI%x00%B%x1e"
        arguments = ["log", f"-n{count}", f"--format={form}", commit]
        if path:
            arguments += ["--", path]
        found = []
        for raw in self.git(*arguments).decode("utf-8").split("\x1e"):
            record = raw.strip("\n")
            if record:
                sha, name, email, date, message = record.split("\x00", 4)
                found.append(CommitInfo(sha, message.strip(), name, email, _utc(date)))
        return found

    def changed_files(self, base: str, head: str) -> list[tuple[str, str, str | None]]:
        """Return (status, path, old path) of each file `head` changed since `base`."""
        since = self.text("merge-base", base, head)
        listing = self.git("diff", "--name-status", "-z", "-M", since, head)
        fields = [f.decode("utf-8") for f in listing.split(b"\0") if f]
        changes = []
        while fields:
            status = fields.pop(0)
            if status.startswith(("R", "C")):
                old, new = fields.pop(0), fields.pop(0)
                changes.append((status[0], new, old))
            else:
                changes.append((status[0], fields.pop(0), None))
        return changes

    # Writing

    def commit_files(  # noqa: PLR0913, PLR0917 (one commit: where, from, what, who)
        self,
        branch: str,
        expected: str,
        additions: dict[str, bytes],
        deletions: list[str],
        message: str,
        author: tuple[str, str],
    ) -> str:
        """Commit additions and deletions on `branch`, if it is still at `expected`."""
        with self.lock:
            head = self.branch_head(branch)
            if head != expected:
                raise HeadMoved(f"{branch} is at {head}, not {expected}")
            with tempfile.TemporaryDirectory() as scratch:
                env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
                self.git("read-tree", head, env=env)
                for path in deletions:
                    self.git("update-index", "--force-remove", "--", path, env=env)
                for path, data in additions.items():
                    sha = self.text("hash-object", "-w", "--stdin", data=data)
                    self.git(
                        "update-index", "--add", "--cacheinfo",
                        f"{FILE_MODE},{sha},{path}", env=env,
                    )  # fmt: skip
                tree = self.text("write-tree", env=env)
            commit = self.new_commit(tree, [head], message, author)
            self.move_branch(branch, commit, head)
            return commit

    def new_commit(
        self, tree: str, parents: list[str], message: str, author: tuple[str, str]
    ) -> str:
        """Write a commit of `tree` by `author` (name, e-mail); return its sha."""
        name, email = author
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
        }
        arguments = ["commit-tree", tree]
        for parent in parents:
            arguments += ["-p", parent]
        return self.text(*arguments, data=message.encode("utf-8"), env=env)

    def move_branch(self, branch: str, new: str, old: str | None) -> None:
        """Point `branch` at `new` if it is at `old`; bring the working tree along.

        The checked-out branch's files are updated first (git refuses when
        the writer changed one of the same files), then the branch moves.
        """
        if old and branch == self.checked_out():
            self.git("read-tree", "-m", "-u", old, new)
        self.git("update-ref", f"refs/heads/{branch}", new, old or "")

    def create_branch(self, branch: str, sha: str) -> None:
        """Create `branch` at `sha`; fail if it exists."""
        with self.lock:
            if not self.valid_branch(branch) or self.resolve(sha) != sha:
                raise GitError(
                    f"{branch!r} at {sha!r} is not a branch that can be made"
                )
            if self.branch_head(branch) is not None:
                raise GitError(
                    f"A ref named {branch} already exists in the repository."
                )
            self.git("update-ref", f"refs/heads/{branch}", sha, "0" * 40)

    def reset_branch(self, branch: str, sha: str) -> None:
        """Point a branch that is not checked out at `sha`."""
        with self.lock:
            if branch == self.checked_out() or self.branch_head(branch) is None:
                raise GitError(f"{branch} is checked out or is no branch")
            if self.resolve(sha) != sha:
                raise GitError(f"{sha!r} is no commit")
            self.git("update-ref", f"refs/heads/{branch}", sha)

    def delete_branch(self, branch: str) -> bool:
        """Delete a branch that is not checked out; return whether there was one."""
        with self.lock:
            head = self.branch_head(branch)
            if head is None or branch == self.checked_out():
                return False
            self.git("update-ref", "-d", f"refs/heads/{branch}", head)
            return True

    def merge(
        self, base: str, head: str, message: str, author: tuple[str, str], squash: bool
    ) -> str:
        """Merge commit `head` into branch `base`; return the new commit of `base`."""
        with self.lock:
            tip = self.branch_head(base)
            if tip is None:
                raise GitError(f"no branch {base}")
            try:  # its first line is the merged tree (then any conflicts)
                merged = self.text("merge-tree", "--write-tree", tip, head)
            except GitError as error:
                raise GitError(f"the changes conflict with {base}: {error}") from error
            tree = merged.splitlines()[0]
            parents = [tip] if squash else [tip, head]
            commit = self.new_commit(tree, parents, message, author)
            self.move_branch(base, commit, tip)
            return commit


def _utc(date: str) -> str:
    """Return an ISO 8601 date in UTC, written as GitHub writes it."""
    moment = datetime.fromisoformat(date).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
