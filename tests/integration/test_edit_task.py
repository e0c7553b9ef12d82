"""`invoke edit` as a writer runs it: the editor, its local host, the live preview."""

from __future__ import annotations

import base64
import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from site_base.loopback import free_port
from tests.support import REPO, post, write_site
from tests.support.editor import make_repository

FRONT = "title: {title}\ndate: 2025-11-06\ncategory: am-nhac"


def answer(url: str, data: dict | None = None, seconds: float = 60, token=None) -> str:
    """Return the body at `url` (POSTing `data` as JSON) once something answers."""
    body = json.dumps(data).encode() if data is not None else None
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


COMMIT = """mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } } }"""


def test_edit_serves_the_editor_commits_through_the_local_host_and_rebuilds(tmp_path):
    site = write_site(
        tmp_path, {"posts/2025/bai/index.vi.md": post(FRONT.format(title="Bài"))}
    )
    (site / ".gitignore").write_text("output/\n.cache/\n", encoding="utf-8")
    make_repository(site, ("Nguyễn Thị Biên Tập", "bientap@thuvien.example"))
    port, backend = free_port(), free_port()
    command = [sys.executable, "-m", "invoke", "edit", "--port", str(port)]
    command += ["--backend-port", str(backend), "--content", str(site / "content")]
    command += ["--output", str(site / "output")]
    process = subprocess.Popen(  # noqa: S603
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        preview = f"http://127.0.0.1:{port}"
        config = json.loads(answer(f"{preview}/admin/config.yml"))
        api = f"http://127.0.0.1:{backend}"
        assert config["backend"]["api_root"] == api
        assert "publish_mode" not in config  # a save is on the site at once
        # The editor's page carries this run's token: the writer is signed in.
        page = answer(f"{preview}/admin/")
        (token,) = re.findall(r'data-local-token="([^"]+)"', page)
        user = json.loads(answer(f"{api}/api/v3/user", token=token))
        assert user["name"] == "Nguyễn Thị Biên Tập"
        # What the editor does when a writer saves a new post.
        text = post(FRONT.format(title="Bài mới từ trang biên tập"))
        last = subprocess.run(
            ["git", "-C", str(site), "rev-parse", "HEAD"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        commit = {
            "branch": {"repositoryNameWithOwner": "local/site", "branchName": "main"},
            "expectedHeadOid": last,
            "fileChanges": {
                "additions": [
                    {
                        "path": "content/posts/2025/bai-moi/index.vi.md",
                        "contents": base64.b64encode(text.encode()).decode(),
                    }
                ]
            },
            "message": {"headline": "Create"},
        }
        query = {"query": COMMIT, "variables": {"input": commit}}
        result = json.loads(answer(f"{api}/api/graphql", query, token=token))
        assert "errors" not in result, result
        saved = site / "content/posts/2025/bai-moi/index.vi.md"
        assert saved.read_text("utf-8") == text
        # The live preview rebuilds: the new post is on the site.
        assert "Bài mới từ trang biên tập" in answer(f"{preview}/2025/bai-moi/")
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert f"The editor: {preview}/admin/" in output
    assert f"Live preview at {preview}/ (Ctrl+C stops)" in output
    assert "[I " not in output  # livereload's own log lines stay quiet
    # The preview has its comment server, its database beside the content.
    (comments,) = re.findall(r"Comments: approve or delete them at (\S+)admin/", output)
    assert (site / ".cache/comments/comments.db").is_file()
    # Stopping the editor (Ctrl+C) stops its local host and the comments too.
    for stopped in (backend, int(comments.rstrip("/").rsplit(":", 1)[1])):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", stopped)) != 0


def test_edit_outside_a_git_repository_says_what_to_do(tmp_path):
    site = write_site(
        tmp_path, {"posts/2025/bai/index.vi.md": post(FRONT.format(title="Bài"))}
    )
    command = [sys.executable, "-m", "invoke", "edit", "--port", str(free_port())]
    command += ["--content", str(site / "content")]
    finished = subprocess.run(  # noqa: S603
        command, cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert finished.returncode == 1
    assert "is not a git repository" in finished.stderr
    assert "git init" in finished.stderr and "Traceback" not in finished.stderr
