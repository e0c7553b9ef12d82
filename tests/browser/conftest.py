"""Browser tests: the sample site built for production, served on 127.0.0.1, in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.support import run_task
from tools.browser import CHROMIUM, FLAGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args):
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """Build the sample site for a server on a free port and serve it."""
    output = tmp_path_factory.mktemp("browser") / "output"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(output))
    )
    url = f"http://127.0.0.1:{server.server_port}"
    result = run_task("preview", "--siteurl", url, "--output", str(output))
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
