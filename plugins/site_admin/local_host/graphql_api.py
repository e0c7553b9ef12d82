"""The part of GitHub's GraphQL API the editor uses, answered from a local repository.

The schema below is a subset of GitHub's own (same names, same shapes);
graphql-core parses, checks and runs each query against it, so a query the
editor sends that GitHub would answer differently fails here loudly rather
than passing by chance.
"""

from __future__ import annotations

import base64
import binascii
from functools import cached_property
from typing import Any

from graphql import GraphQLError, build_schema, graphql_sync

from site_base.messages import Message

from .git_store import CommitInfo, GitError, HeadMoved
from .state import HostState, Person, PullRequest

SCHEMA = build_schema(
    """
    type Query {
      repository(owner: String!, name: String!): Repository
      node(id: ID!): Node
      viewer: User!
    }
    type Mutation {
      createCommitOnBranch(
        input: CreateCommitOnBranchInput!
      ): CreateCommitOnBranchPayload
      createRef(input: CreateRefInput!): CreateRefPayload
      convertPullRequestToDraft(
        input: ConvertPullRequestToDraftInput!
      ): PullRequestPayload
      markPullRequestReadyForReview(
        input: MarkPullRequestReadyForReviewInput!
      ): PullRequestPayload
    }
    interface Node { id: ID! }
    interface GitObject { oid: String! }
    type Repository implements Node {
      id: ID!
      nameWithOwner: String!
      defaultBranchRef: Ref
      ref(qualifiedName: String!): Ref
      object(oid: String, expression: String): GitObject
      pullRequests(
        states: [PullRequestState!], labels: [String!], headRefName: String,
        first: Int, orderBy: IssueOrder
      ): PullRequestConnection!
    }
    type Ref { name: String!, target: GitObject }
    type Commit implements GitObject {
      oid: String!
      message: String!
      committedDate: String!
      author: GitActor
      history(first: Int, path: String): CommitHistoryConnection!
      file(path: String!): TreeEntry
      status: Status
      deployments(
        last: Int, first: Int, orderBy: DeploymentOrder
      ): DeploymentConnection!
      checkSuites(last: Int, first: Int): CheckSuiteConnection!
    }
    type Status { contexts: [StatusContext!]! }
    type StatusContext {
      context: String!, state: String!, targetUrl: String, description: String
    }
    type DeploymentConnection { nodes: [Deployment!]! }
    type Deployment { environment: String, latestStatus: DeploymentStatus }
    type DeploymentStatus {
      state: String!, environmentUrl: String, description: String
    }
    enum DeploymentOrderField { CREATED_AT }
    input DeploymentOrder { field: DeploymentOrderField!, direction: OrderDirection! }
    type CheckSuiteConnection { nodes: [CheckSuite!]! }
    type CheckSuite { checkRuns(last: Int, first: Int): CheckRunConnection! }
    type CheckRunConnection { nodes: [CheckRun!]! }
    type CheckRun {
      name: String!, status: String!, conclusion: String, detailsUrl: String
      summary: String
    }
    type Blob implements GitObject {
      oid: String!, byteSize: Int!, isBinary: Boolean, isTruncated: Boolean!
      text: String
    }
    type TreeEntry { oid: String!, path: String! }
    type GitActor { name: String, email: String, avatarUrl: String, user: User }
    type User implements Node {
      id: ID!, databaseId: Int, login: String!, name: String, email: String
      avatarUrl: String
    }
    type CommitHistoryConnection { nodes: [Commit!]! }
    type PullRequestConnection { totalCount: Int!, nodes: [PullRequest!]! }
    type PullRequest implements Node {
      id: ID!, number: Int!, title: String!, url: String!, state: PullRequestState!
      isDraft: Boolean!, isCrossRepository: Boolean!
      createdAt: String!, updatedAt: String!
      headRefName: String!, headRefOid: String, author: User
      labels(first: Int): LabelConnection!
      files(first: Int): PullRequestChangedFileConnection!
    }
    type Label { name: String! }
    type LabelConnection { nodes: [Label!]! }
    type PullRequestChangedFile { path: String!, changeType: PatchStatus! }
    type PullRequestChangedFileConnection { nodes: [PullRequestChangedFile!]! }
    enum PullRequestState { OPEN CLOSED MERGED }
    enum PatchStatus { ADDED DELETED RENAMED COPIED MODIFIED CHANGED }
    enum IssueOrderField { CREATED_AT UPDATED_AT COMMENTS }
    enum OrderDirection { ASC DESC }
    input IssueOrder { field: IssueOrderField!, direction: OrderDirection! }
    input CommittableBranch {
      repositoryNameWithOwner: String, branchName: String, id: ID
    }
    input FileAddition { path: String!, contents: String! }
    input FileDeletion { path: String! }
    input FileChanges { additions: [FileAddition!], deletions: [FileDeletion!] }
    input CommitMessage { headline: String!, body: String }
    input CreateCommitOnBranchInput {
      branch: CommittableBranch!, expectedHeadOid: String!, fileChanges: FileChanges,
      message: CommitMessage!, clientMutationId: String
    }
    type CreateCommitOnBranchPayload { commit: Commit }
    input CreateRefInput {
      repositoryId: ID!, name: String!, oid: String!, clientMutationId: String
    }
    type CreateRefPayload { ref: Ref }
    input ConvertPullRequestToDraftInput {
      pullRequestId: ID!, clientMutationId: String
    }
    input MarkPullRequestReadyForReviewInput {
      pullRequestId: ID!, clientMutationId: String
    }
    type PullRequestPayload { pullRequest: PullRequest }
    """
)
# GitHub cuts Blob.text at 512 KB and tells so with isTruncated.
TEXT_LIMIT = 512 * 1024
_CHANGE_TYPES = {"A": "ADDED", "D": "DELETED", "R": "RENAMED", "C": "COPIED"}


def _type_of(value: Any, *_args: Any) -> str:
    return type(value).__name__


for _interface in ("Node", "GitObject"):
    SCHEMA.type_map[_interface].resolve_type = _type_of  # type: ignore[attr-defined]


class User:
    """A person as GitHub's User."""

    def __init__(self, person: Person) -> None:
        self.id = f"U_{person.login}"
        self.databaseId = person.number  # noqa: N815 (GitHub's field names)
        self.login = person.login
        self.name = person.name
        self.email = person.email
        self.avatarUrl = None  # noqa: N815


class Blob:
    """A file's content."""

    def __init__(self, sha: str, data: bytes) -> None:
        self.oid = sha
        self.byteSize = len(data)  # noqa: N815
        self.isBinary = b"\0" in data[:8000]  # noqa: N815
        self.isTruncated = not self.isBinary and len(data) > TEXT_LIMIT  # noqa: N815
        self.text = None if self.isBinary else _text(data[:TEXT_LIMIT])


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


class Commit:
    """A commit of the repository.

    Nothing deploys from this computer: a commit has no status, deployments
    or checks (the editor asks, to show where a change went live).
    """

    status = None

    def __init__(self, host: HostState, sha: str, known: CommitInfo | None = None):
        self.host = host
        self.oid = sha
        self.known = known  # from a history already read: no second `git log`

    @cached_property
    def details(self) -> CommitInfo:
        """Return who made the commit, when and why (read when a query asks)."""
        return self.known or self.host.store.history(self.oid)[0]

    @property
    def message(self) -> str:
        """Return the commit's message."""
        return self.details.message

    @property
    def committedDate(self) -> str:  # noqa: N802 (GitHub's name)
        """Return when the commit was made."""
        return self.details.date

    @property
    def author(self) -> dict:
        """Return the commit's author, and the person of this host it is, if any."""
        email = self.details.email
        person = next((p for p in self.host.people.values() if p.email == email), None)
        return {
            "name": self.details.name,
            "email": email,
            "avatarUrl": None,
            "user": User(person) if person else None,
        }

    def history(self, _info: Any, first: int = 1, path: str | None = None) -> dict:
        """Return the commits up to this one (that changed `path`), newest first."""
        found = self.host.store.history(self.oid, path, count=min(first or 1, 100))
        return {"nodes": [Commit(self.host, item.sha, item) for item in found]}

    def file(self, _info: Any, path: str) -> dict | None:
        """Return the blob of `path` in this commit."""
        sha = self.host.store.blob_at(self.oid, path)
        return {"oid": sha, "path": path} if sha else None

    def deployments(self, _info: Any, **_window: Any) -> dict:
        """Return no deployments."""
        return {"nodes": []}

    def checkSuites(self, _info: Any, **_window: Any) -> dict:  # noqa: N802
        """Return no checks."""
        return {"nodes": []}


class Ref:
    """A branch."""

    def __init__(self, host: HostState, name: str, sha: str) -> None:
        self.name = name
        self.target = Commit(host, sha)


class PullRequestNode:
    """A pull request as GitHub's PullRequest."""

    def __init__(self, host: HostState, pull: PullRequest) -> None:
        self.host = host
        self.pull = pull
        self.id = pull.node_id
        self.number = pull.number
        self.title = pull.title
        self.url = f"http://local/{host.full_name}/pull/{pull.number}"
        self.state = pull.state.upper()
        self.isDraft = pull.draft  # noqa: N815
        self.isCrossRepository = False  # noqa: N815
        self.createdAt = pull.created_at  # noqa: N815
        self.updatedAt = pull.updated_at  # noqa: N815
        self.headRefName = pull.head  # noqa: N815
        self.headRefOid = host.store.branch_head(pull.head)  # noqa: N815
        person = host.person(pull.author)
        self.author = User(person) if person else None

    def labels(self, _info: Any, first: int = 100) -> dict:
        """Return the pull request's labels."""
        return {"nodes": [{"name": name} for name in self.pull.labels[:first]]}

    def files(self, _info: Any, first: int = 100) -> dict:
        """Return the files the branch changes since it left its base."""
        if not self.headRefOid:
            return {"nodes": []}
        changes = self.host.store.changed_files(self.pull.base, self.headRefOid)
        nodes = [
            {"path": path, "changeType": _CHANGE_TYPES.get(status, "MODIFIED")}
            for status, path, _old in changes[:first]
        ]
        return {"nodes": nodes}


PullRequestNode.__name__ = "PullRequest"


class Repository:
    """The one repository the host serves."""

    def __init__(self, host: HostState) -> None:
        self.host = host
        self.id = "R_local"
        self.nameWithOwner = host.full_name  # noqa: N815

    def defaultBranchRef(self, _info: Any) -> Ref | None:  # noqa: N802
        """Return the checked-out branch, or main."""
        store = self.host.store
        branch = store.checked_out() or "main"
        sha = store.branch_head(branch)
        return Ref(self.host, branch, sha) if sha else None

    def ref(self, _info: Any, qualifiedName: str) -> Ref | None:  # noqa: N803
        """Return a branch by its name (or refs/heads/name)."""
        branch = qualifiedName.removeprefix("refs/heads/")
        sha = self.host.store.branch_head(branch)
        return Ref(self.host, branch, sha) if sha else None

    def object(
        self, _info: Any, oid: str | None = None, expression: str | None = None
    ) -> Blob | Commit | None:
        """Return a blob or commit by its sha, or a file by "branch:path"."""
        store = self.host.store
        if expression is not None:
            branch, _, path = expression.partition(":")
            head = store.branch_head(branch)
            oid = store.blob_at(head, path) if head else None
        if not oid:
            return None
        data = store.blob(oid)
        if data is not None:
            return Blob(oid, data)
        return Commit(self.host, oid) if store.resolve(oid) == oid else None

    def pullRequests(  # noqa: N802 (GitHub's name)
        self,
        _info: Any,
        states: list[str] | None = None,
        labels: list[str] | None = None,
        headRefName: str | None = None,  # noqa: N803
        first: int = 100,
        orderBy: dict | None = None,  # noqa: N803
    ) -> dict:
        """Return the pull requests in `states` with any of `labels`."""
        found = [
            pull
            for pull in self.host.pulls.items.values()
            if (not states or pull.state.upper() in states)
            and (not labels or set(labels) & set(pull.labels))
            and (headRefName is None or pull.head == headRefName)
        ]
        found.sort(key=lambda pull: pull.updated_at, reverse=True)
        if orderBy and orderBy.get("direction") == "ASC":
            found.reverse()
        nodes = [PullRequestNode(self.host, pull) for pull in found[:first]]
        return {"totalCount": len(found), "nodes": nodes}


class Root:
    """The queries and mutations, for the person signed in."""

    def __init__(self, host: HostState, person: Person) -> None:
        self.host = host
        self.person = person

    def repository(self, _info: Any, owner: str, name: str) -> Repository | None:
        """Return the repository if it is the one served."""
        host = self.host
        return Repository(host) if (owner, name) == (host.owner, host.name) else None

    def viewer(self, _info: Any) -> User:
        """Return who is signed in."""
        return User(self.person)

    def node(self, _info: Any, id: str) -> PullRequestNode | None:  # noqa: A002
        """Return a pull request by its id."""
        pull = self._pull(id)
        return PullRequestNode(self.host, pull) if pull else None

    def createCommitOnBranch(self, _info: Any, input: dict) -> dict:  # noqa: N802, A002
        """Commit files on a branch if it is where the editor last saw it."""
        host = self.host
        branch = input["branch"]
        if branch.get("repositoryNameWithOwner") != host.full_name:
            raise GraphQLError("Could not resolve to a Repository.")
        changes = input.get("fileChanges") or {}
        additions = {}
        for addition in changes.get("additions") or []:
            self._check_path(addition["path"])
            try:
                data = base64.b64decode(addition["contents"], validate=True)
            except binascii.Error as error:
                raise GraphQLError("contents is not base64") from error
            additions[addition["path"]] = data
        deletions = [item["path"] for item in changes.get("deletions") or []]
        for path in deletions:
            self._check_path(path)
        message = input["message"]["headline"]
        if input["message"].get("body"):
            message += "\n\n" + input["message"]["body"]
        try:
            sha = host.store.commit_files(
                branch["branchName"],
                input["expectedHeadOid"],
                additions,
                deletions,
                message,
                self.person.as_author(),
            )
        except HeadMoved as error:
            raise GraphQLError(
                f"Expected branch to point to {input['expectedHeadOid']}"
            ) from error
        except GitError as error:
            raise GraphQLError(str(error)) from error
        return {"commit": Commit(host, sha)}

    def createRef(self, _info: Any, input: dict) -> dict:  # noqa: N802, A002
        """Create a branch (refs/heads/name) at a commit."""
        name = input["name"]
        if not name.startswith("refs/heads/"):
            raise GraphQLError("Only branches can be made here.")
        branch = name.removeprefix("refs/heads/")
        try:
            self.host.store.create_branch(branch, input["oid"])
        except GitError as error:
            raise GraphQLError(str(error)) from error
        return {"ref": Ref(self.host, branch, input["oid"])}

    def convertPullRequestToDraft(self, _info: Any, input: dict) -> dict:  # noqa: N802, A002
        """Mark a pull request as a draft."""
        return self._set_draft(input["pullRequestId"], draft=True)

    def markPullRequestReadyForReview(self, _info: Any, input: dict) -> dict:  # noqa: N802, A002
        """Mark a pull request as ready for review."""
        return self._set_draft(input["pullRequestId"], draft=False)

    def _set_draft(self, node_id: str, *, draft: bool) -> dict:
        pull = self._pull(node_id)
        if pull is None:
            raise GraphQLError("Could not resolve to a node.")
        self.host.pulls.change(pull, draft=draft)
        return {"pullRequest": PullRequestNode(self.host, pull)}

    def _pull(self, node_id: str) -> PullRequest | None:
        number = node_id.removeprefix("PR_")
        return self.host.pulls.get(int(number)) if number.isdigit() else None

    def _check_path(self, path: str) -> None:
        refusal = self.host.paths.refusal(path)
        if refusal:
            raise PathRefused(refusal)


class PathRefused(Exception):  # noqa: N818 (a refusal, not a failure)
    """A path the editor may not write; `message` says why, in any language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def run_query(host: HostState, person: Person, body: Any) -> tuple[dict, list[str]]:
    """Run one GraphQL request (query, variables).

    Return GitHub's kind of answer (its errors in English, as GitHub's), and
    why each error happened, for the writer's terminal: a refused path as a
    message the catalogues translate.
    """
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        reason = "A query attribute must be specified"
        return {"errors": [{"message": reason}]}, [reason]
    variables = body.get("variables")
    result = graphql_sync(
        SCHEMA,
        body["query"],
        root_value=Root(host, person),
        variable_values=variables if isinstance(variables, dict) else None,
    )
    answer: dict[str, Any] = {"data": result.data}
    errors = result.errors or []
    if errors:
        answer["errors"] = [
            {"message": error.message, "path": error.path} for error in errors
        ]
    reasons = [
        error.original_error.message
        if isinstance(error.original_error, PathRefused)
        else error.message
        for error in errors
    ]
    return answer, reasons
