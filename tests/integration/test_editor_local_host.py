"""The editor's local host commits only where writers write, for the people it knows, on
this computer only.

Raw requests to its GitHub-like API, as an attacker (or a web page the writer
visits) would send them: every path outside content/'s collections and the
data files is refused and nothing is committed; so is a request without a
known token, for another Host or from a page of another site; names and shas
that could pass as git options are refused; a writer's unsaved changes to a
file are never overwritten.
"""

from __future__ import annotations

import base64
import http.client
import json
from urllib.parse import quote

import pytest

from site_admin.local_host import LOCAL_REPO, local_host
from site_admin.local_host.graphql_api import run_query
from site_admin.local_host.state import host_state
from site_admin.writable import editor_paths
from site_base.catalogues import translations
from site_base.loopback import free_port
from tests.support import REPO
from tests.support.editor import (
    REVIEWER,
    TOKENS,
    WRITER,
    content_settings,
    copy_site,
    git,
    site_settings,
    token_of,
)

OUTSIDE = [
    "pelicanconf.py",
    "plugins/x.py",
    "tasks.py",
    ".git/hooks/post-commit",
    ".github/workflows/x.yml",
    "theme/templates/base.html",
    "content/../x.py",
    "content/posts/../../pelicanconf.py",
    "content/posts/2025/../../../tasks.py",
    "/tmp/x.py",
    "content\\..\\x.py",
    "content/.hidden/x.md",
    "content/extra/robots.txt",
    "data/x.py",
    "../outside.md",
]
REPO_PATH = f"/api/v3/repos/{LOCAL_REPO}"


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("editor-site"), repository=True)
    (site / "pelicanconf.py").write_text("SITENAME = 'x'\n", encoding="utf-8")
    (site / "content/posts/2025/qua-lien-ket").symlink_to(site / "data")
    port = free_port()
    with local_host(site, port, site_settings(site / "content"), TOKENS):
        yield site, port


def send(port, path, body=None, *, method="POST", token=None, host=None, origin=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Host": host or f"127.0.0.1:{port}"}
    if token is not False:
        headers["Authorization"] = (
            f"token {token_of(WRITER) if token is None else token}"
        )
    if origin:
        headers["Origin"] = origin
    data = None if body is None else json.dumps(body)
    connection.request(method, path, body=data, headers=headers)
    answer = connection.getresponse()
    text = answer.read().decode("utf-8", "replace")
    return answer.status, text, dict(answer.getheaders())


def graphql(port, query, variables=None, **options):
    status, body, headers = send(
        port, "/api/graphql", {"query": query, "variables": variables or {}}, **options
    )
    return status, (json.loads(body) if status == 200 else body), headers


def head(site, branch="main") -> str:
    return git(site, "rev-parse", f"refs/heads/{branch}")


COMMIT = """mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } } }"""


def commit(
    port, site, additions=(), deletions=(), *, branch="main", expected=None, **kw
):
    """Ask the host to commit files (path, bytes) and deletions on `branch`."""
    files = {
        "additions": [
            {"path": path, "contents": base64.b64encode(data).decode()}
            for path, data in additions
        ],
        "deletions": [{"path": path} for path in deletions],
    }
    commit_input = {
        "branch": {"repositoryNameWithOwner": LOCAL_REPO, "branchName": branch},
        "expectedHeadOid": expected or head(site, branch),
        "fileChanges": files,
        "message": {"headline": "x"},
    }
    return graphql(port, COMMIT, {"input": commit_input}, **kw)


def refused(answer) -> bool:
    status, body, _ = answer
    return status != 200 or bool(body.get("errors"))


@pytest.mark.parametrize("path", OUTSIDE)
def test_a_commit_outside_the_editors_folders_is_refused(host, path):
    site, port = host
    before = head(site)
    assert refused(commit(port, site, additions=[(path, b"x = 1\n")]))
    assert refused(commit(port, site, deletions=[path]))
    assert head(site) == before
    assert git(site, "status", "--porcelain").splitlines() == [
        "?? content/posts/2025/qua-lien-ket",
        "?? pelicanconf.py",
    ]


def test_one_bad_path_among_good_ones_commits_nothing(host):
    site, port = host
    before = head(site)
    additions = [
        ("content/posts/2025/bai-moi/index.vi.md", b"---\n"),
        ("tasks.py", b""),
    ]
    assert refused(commit(port, site, additions=additions))
    assert head(site) == before
    assert not (site / "content/posts/2025/bai-moi").exists()


def test_a_commit_through_a_linked_folder_is_refused(host):
    site, port = host
    path = "content/posts/2025/qua-lien-ket/categories.yml"
    assert refused(commit(port, site, additions=[(path, b"title: x\n")]))
    assert "title: x" not in (site / "data/categories.yml").read_text("utf-8")


def test_a_commit_on_a_branch_that_moved_is_refused(host):
    site, port = host
    before = head(site)
    path = "content/posts/2025/cu/index.vi.md"
    answer = commit(port, site, additions=[(path, b"---\n")], expected="0" * 40)
    assert "Expected branch to point to" in answer[1]["errors"][0]["message"]
    assert head(site) == before


def test_the_editor_commits_a_post_and_a_photo_in_its_folder(host):
    site, port = host
    folder = "content/posts/2025/bai-tu-trinh-bien-tap"
    photo = bytes(range(256)) * 100
    additions = [
        (f"{folder}/index.vi.md", b"---\ntitle: x\n---\n"),
        (f"{folder}/a.jpg", photo),
    ]
    status, body, _ = commit(port, site, additions=additions)
    assert status == 200 and not body.get("errors"), body
    # On the checked-out branch, the files are there for the live preview.
    assert (site / folder / "index.vi.md").read_text("utf-8") == "---\ntitle: x\n---\n"
    assert (site / folder / "a.jpg").read_bytes() == photo
    assert git(site, "log", "-1", "--format=%an <%ae>") == (
        "Biên tập viên <bien-tap@thuvien.example>"
    )
    sha = git(site, "rev-parse", f"HEAD:{folder}/a.jpg")
    status, raw, headers = send(port, f"{REPO_PATH}/git/blobs/{sha}", method="GET")
    assert (status, headers["Content-Type"]) == (200, "application/octet-stream")


def test_unsaved_changes_of_the_writer_are_never_overwritten(host):
    site, port = host
    path = "content/posts/2025/phuc-vu-luu-dong-2025/index.vi.md"
    mine = (site / path).read_text("utf-8") + "\nĐoạn tôi đang viết dở.\n"
    (site / path).write_text(mine, encoding="utf-8")
    before = head(site)
    assert refused(commit(port, site, additions=[(path, b"---\ntitle: y\n---\n")]))
    assert head(site) == before
    assert (site / path).read_text("utf-8") == mine
    git(site, "checkout", "--", path)


@pytest.mark.parametrize(
    "path",
    [
        f"{REPO_PATH}/git/trees/--output=x",
        f"{REPO_PATH}/git/trees/..%2F..%2Fetc",
        f"{REPO_PATH}/git/blobs/{'0' * 40}",
        f"{REPO_PATH}/git/trees/{'f' * 40}",
        "/api/v3/repos/someone/else/git/trees/main",
        "/api/v3/repos/local/site/../../../etc/passwd",
        "/etc/passwd",
    ],
)
def test_reading_what_is_not_the_repositorys_is_not_found(host, path):
    _, port = host
    assert send(port, path, method="GET")[0] == 404


@pytest.mark.parametrize("branch", ["-f", "--force", "../main", "main.lock", "a b"])
def test_branch_names_that_git_would_take_otherwise_are_refused(host, branch):
    site, port = host
    before = git(site, "for-each-ref")
    query = "mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }"
    ref = {"repositoryId": "R_local", "name": f"refs/heads/{branch}", "oid": head(site)}
    assert refused(graphql(port, query, {"input": ref}))
    address = f"{REPO_PATH}/git/refs/heads/{quote(branch)}"
    assert send(port, address, method="DELETE")[0] >= 400
    assert git(site, "for-each-ref") == before


def test_the_checked_out_branch_is_never_deleted_or_reset(host):
    site, port = host
    before = head(site)
    assert send(port, f"{REPO_PATH}/git/refs/heads/main", method="DELETE")[0] == 422
    first = git(site, "rev-list", "--max-parents=0", "HEAD")
    answer = send(
        port,
        f"{REPO_PATH}/git/refs/heads/main",
        {"sha": first, "force": True},
        method="PATCH",
    )
    assert answer[0] == 422
    assert head(site) == before


@pytest.mark.parametrize("token", [False, "", "token-ai-do", token_of(WRITER) + "x"])
def test_a_request_without_a_known_token_is_refused(host, token):
    site, port = host
    before = head(site)
    status, body, _ = send(port, "/api/v3/user", method="GET", token=token)
    assert (status, json.loads(body)) == (401, {"message": "Bad credentials"})
    path = "content/posts/2025/khong-ten/index.vi.md"
    assert commit(port, site, additions=[(path, b"---\n")], token=token)[0] == 401
    assert head(site) == before


def test_each_person_signs_in_with_their_own_token(host):
    _, port = host
    for person in (WRITER, REVIEWER):
        status, body, _ = send(
            port, "/api/v3/user", method="GET", token=token_of(person)
        )
        assert (status, json.loads(body)["login"]) == (200, person.login)


@pytest.mark.parametrize(
    "host_header",
    ["evil.example", "evil.example:{port}", "127.0.0.1:1", "localhost.evil:{port}"],
)
def test_a_request_for_another_host_is_refused(host, host_header):
    site, port = host
    before = head(site)
    path = "content/posts/2025/dns/index.vi.md"
    answer = commit(
        port, site, additions=[(path, b"---\n")], host=host_header.format(port=port)
    )
    assert answer[0] == 403
    assert head(site) == before


def test_a_page_of_another_site_cannot_drive_the_host(host):
    site, port = host
    before = head(site)
    path = "content/posts/2025/csrf/index.vi.md"
    status, _, headers = commit(
        port, site, additions=[(path, b"---\n")], origin="https://evil.example"
    )
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers
    assert head(site) == before
    status, _, headers = send(
        port, "/api/graphql", method="OPTIONS", origin="http://evil.example"
    )
    assert status == 403 and "Access-Control-Allow-Origin" not in headers


def test_the_editors_page_on_this_computer_may_read_the_answers(host):
    _, port = host
    origin = "http://127.0.0.1:8000"
    status, _, headers = send(port, "/api/v3/user", method="GET", origin=origin)
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == origin
    status, _, headers = send(port, "/api/graphql", method="OPTIONS", origin=origin)
    assert status == 204 and "Authorization" in headers["Access-Control-Allow-Headers"]


def test_a_request_too_large_or_not_json_is_refused(host):
    _, port = host
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        "/api/graphql",
        body=b"{",
        headers={
            "Authorization": f"token {token_of(WRITER)}",
            "Host": f"127.0.0.1:{port}",
        },
    )
    assert connection.getresponse().status == 400
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/api/graphql", skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}")
    connection.putheader("Authorization", f"token {token_of(WRITER)}")
    connection.putheader("Content-Length", str(200 * 1024 * 1024))
    connection.endheaders()
    assert connection.getresponse().status == 413


def test_a_query_github_would_not_answer_is_an_error_not_a_guess(host):
    _, port = host
    status, body, _ = graphql(
        port, 'query { repository(owner: "local", name: "site") { diskUsage } }'
    )
    assert status == 200 and "diskUsage" in body["errors"][0]["message"]


def test_a_refused_path_is_told_to_the_writer_in_their_language(host):
    site, _ = host
    state = host_state(
        site, LOCAL_REPO, TOKENS, editor_paths(content_settings(site / "content"))
    )
    commit_input = {
        "branch": {"repositoryNameWithOwner": LOCAL_REPO, "branchName": "main"},
        "expectedHeadOid": head(site),
        "fileChanges": {"additions": [{"path": "tasks.py", "contents": "eA=="}]},
        "message": {"headline": "x"},
    }
    answer, reasons = run_query(
        state, WRITER, {"query": COMMIT, "variables": {"input": commit_input}}
    )
    # GitHub's kind of answer, in English; the writer's terminal, translated.
    assert answer["errors"][0]["message"] == (
        "'tasks.py' is not in the folders the editor writes"
    )
    vietnamese = translations(REPO / "theme", "vi").gettext
    assert reasons[0].render(vietnamese) == (
        "'tasks.py' không nằm trong các thư mục mà trình biên tập được ghi"
    )
