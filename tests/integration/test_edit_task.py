"""`invoke edit` as a writer runs it: the editor, decap-server, the live preview."""

from __future__ import annotations

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

FRONT = "title: {title}\ndate: 2025-11-06\ncategory: am-nhac"


def answer(url: str, data: dict | None = None, seconds: float = 60) -> str:
    """Return the body at `url` (POSTing `data` as JSON) once something answers."""
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(  # noqa: S310 (127.0.0.1)
        url, data=body, headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_edit_serves_the_editor_saves_through_decap_server_and_rebuilds(tmp_path):
    site = write_site(
        tmp_path, {"posts/2025/bai/index.vi.md": post(FRONT.format(title="Bài"))}
    )
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
        api = f"http://127.0.0.1:{backend}/api/v1"
        assert config["local_backend"]["url"] == api
        assert json.loads(answer(api, {"action": "info"}))["type"] == "local_fs"
        # What the editor does when a writer saves a new post.
        text = post(FRONT.format(title="Bài mới từ trang biên tập"))
        answer(
            api,
            {
                "action": "persistEntry",
                "params": {
                    "branch": "main",
                    "entry": {
                        "slug": "2025/bai-moi/index",
                        "path": "content/posts/2025/bai-moi/index.vi.md",
                        "raw": text,
                    },
                    "assets": [],
                    "options": {
                        "commitMessage": "Create",
                        "useWorkflow": False,
                        "status": "draft",
                    },
                },
            },
        )
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
    # Stopping the editor (Ctrl+C) stops decap-server and the comments too.
    for stopped in (backend, int(comments.rstrip("/").rsplit(":", 1)[1])):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", stopped)) != 0
