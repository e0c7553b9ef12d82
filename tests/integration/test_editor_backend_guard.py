"""`invoke edit`'s backend writes only where writers write, and only for this computer.

Raw requests to decap-server's API, as an attacker (or a web page the writer
visits) would send them, through the guard `site_admin.local_backend.decap_server` puts
in front of it: every path outside content/'s collections and the data files
is refused with 403 and nothing is written; so is a foreign Host or Origin.
"""

from __future__ import annotations

import base64
import http.client
import json

import pytest

from site_admin.local_backend import decap_server
from site_base.loopback import free_port
from tests.support.editor import copy_site, site_settings

OUTSIDE = [
    "pelicanconf.py",
    "plugins/x.py",
    "tasks.py",
    ".git/hooks/post-commit",
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


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("editor-site"))
    (site / ".git/hooks").mkdir(parents=True)
    (site / "pelicanconf.py").write_text("SITENAME = 'x'\n", encoding="utf-8")
    (site / "content/posts/2025/qua-lien-ket").symlink_to(site / "data")
    port = free_port()
    with decap_server(site, port, site_settings(site / "content")):
        yield site, port


def send(port, body, *, host=None, origin=None, method="POST"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Host": host or f"127.0.0.1:{port}"}
    if origin:
        headers["Origin"] = origin
    connection.request(method, "/api/v1", body=json.dumps(body), headers=headers)
    answer = connection.getresponse()
    return answer.status, answer.read().decode("utf-8"), dict(answer.getheaders())


def persist_entry(path, raw="---\ntitle: x\n---\n"):
    return {
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [{"slug": "x", "path": path, "raw": raw}],
            "assets": [],
            "options": {"commitMessage": "x", "useWorkflow": False, "status": "draft"},
        },
    }


def persist_media(path):
    return {
        "action": "persistMedia",
        "params": {
            "branch": "main",
            "asset": {
                "path": path,
                "content": base64.b64encode(b"x").decode(),
                "encoding": "base64",
            },
            "options": {"commitMessage": "x"},
        },
    }


def files_of(site):
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


@pytest.mark.parametrize("path", OUTSIDE)
@pytest.mark.parametrize("make", [persist_entry, persist_media])
def test_a_write_outside_the_editors_folders_is_refused(backend, make, path):
    site, port = backend
    before = files_of(site)
    status, body, _ = send(port, make(path))
    assert status == 403, body
    assert files_of(site) == before


def test_an_asset_or_a_move_out_of_content_is_refused(backend):
    site, port = backend
    entry = persist_entry("content/posts/2025/bai-moi/index.vi.md")
    entry["params"]["assets"] = [
        {"path": "plugins/x.py", "content": "eA==", "encoding": "base64"}
    ]
    assert send(port, entry)[0] == 403
    moved = persist_entry("content/posts/2025/bai-moi/index.vi.md")
    moved["params"]["dataFiles"][0]["newPath"] = "plugins/moved/index.vi.md"
    assert send(port, moved)[0] == 403
    deleted = {
        "action": "deleteFiles",
        "params": {
            "branch": "main",
            "paths": ["content/posts/2025/x/index.vi.md", "tasks.py"],
            "options": {"commitMessage": "x"},
        },
    }
    assert send(port, deleted)[0] == 403
    assert not (site / "content/posts/2025/bai-moi").exists()
    assert not (site / "plugins").exists()


def test_a_write_through_a_linked_folder_is_refused(backend):
    site, port = backend
    status, _, _ = send(
        port, persist_entry("content/posts/2025/qua-lien-ket/categories.yml")
    )
    assert status == 403
    assert "title: x" not in (site / "data/categories.yml").read_text("utf-8")


@pytest.mark.parametrize(
    "body",
    [
        {"action": "getEntry", "params": {"branch": "main", "path": "pelicanconf.py"}},
        {"action": "getMediaFile", "params": {"branch": "main", "path": ".git/config"}},
        {
            "action": "entriesByFolder",
            "params": {
                "branch": "main",
                "folder": "plugins",
                "extension": "py",
                "depth": 5,
            },
        },
        {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "/etc"}},
        {"action": "runShell", "params": {}},
        {
            "action": "unpublishedEntry",
            "params": {"branch": "main", "collection": "posts", "slug": "../../x"},
        },
    ],
)
def test_reading_outside_the_editors_folders_and_unknown_actions_are_refused(
    backend, body
):
    _, port = backend
    assert send(port, body)[0] == 403


def test_the_editor_writes_a_post_and_a_photo_in_its_folder(backend):
    site, port = backend
    folder = "content/posts/2025/bai-tu-trinh-bien-tap"
    status, body, _ = send(port, persist_entry(f"{folder}/index.vi.md"))
    assert (status, json.loads(body)) == (200, {"message": "entry persisted"})
    assert (site / folder / "index.vi.md").read_text("utf-8").startswith("---")
    status, _, _ = send(port, persist_media(f"{folder}/anh.jpg"))
    assert status == 200
    assert (site / folder / "anh.jpg").read_bytes() == b"x"
    status, body, _ = send(
        port,
        {
            "action": "getEntry",
            "params": {"branch": "main", "path": "data/categories.yml"},
        },
    )
    assert status == 200
    assert json.loads(body)["data"]


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1:1", "localhost.evil:{port}"],
)
def test_a_request_for_another_host_is_refused(backend, host):
    site, port = backend
    before = files_of(site)
    status, _, _ = send(
        port,
        persist_entry("content/posts/2025/dns/index.vi.md"),
        host=host.format(port=port),
    )
    assert status == 403
    assert files_of(site) == before


def test_a_page_of_another_site_cannot_drive_the_backend(backend):
    site, port = backend
    status, _, headers = send(
        port,
        persist_entry("content/posts/2025/csrf/index.vi.md"),
        origin="https://evil.example",
    )
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers
    assert not (site / "content/posts/2025/csrf").exists()


def test_the_editors_page_on_this_computer_may_read_the_answers(backend):
    _, port = backend
    origin = "http://127.0.0.1:8000"
    status, _, headers = send(port, {"action": "info"}, origin=origin)
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == origin


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_only_the_api_is_served(backend, method):
    _, port = backend
    assert send(port, {}, method=method)[0] == 404
