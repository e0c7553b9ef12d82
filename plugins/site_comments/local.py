"""A comment server on this computer: `invoke livereload` and the tests start one.

Isso with its database and configuration in a folder (`.cache/comments/` for
the live preview, so comments written while previewing stay), moderation on
as on the library's server, its admin page behind a password kept beside the
database, on a free port of 127.0.0.1.
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from site_base.loopback import LOOPBACK, free_port

START_SECONDS = 20
# What the folder holds: made here, never followed elsewhere.
FILES = ("isso.cfg", "admin-password", "salt", "comments.db")


class LinkedFolder(ValueError):
    """The comments' folder, or a file in it, is a link (a pushed `.cache/`?)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@dataclass(frozen=True)
class LocalComments:
    """A running local comment server: its address and its admin page's password."""

    address: str
    password: str
    database: Path

    @property
    def admin(self) -> str:
        """Return the address of Isso's admin page (approve, delete)."""
        return f"{self.address}admin/"


# Isso's guard: comments a minute from one address, and comments on one post
# that do not answer another comment (Isso's own defaults).
RATE_LIMIT = 2
DIRECT_REPLIES = 3


def isso_config(  # noqa: PLR0917 (each is one line of the file)
    folder: Path,
    port: int,
    sites: list[str],
    password: str,
    salt: str,
    rate_limit: int = RATE_LIMIT,
    smtp_port: int | None = None,
) -> str:
    """Return the text of Isso's configuration for a server on this computer.

    With `smtp_port`, new comments are e-mailed (with their approve and delete
    links) through the mail server on that port of 127.0.0.1, as the
    library's server e-mails its moderators.
    """
    address = f"http://{LOOPBACK}:{port}"
    mail = (
        f"[smtp]\nhost = {LOOPBACK}\nport = {smtp_port}\nsecurity = none\n"
        "to = binhluan@thuvien.example\nfrom = thuvien@thuvien.example\n"
        if smtp_port
        else ""
    )
    return f"""\
# Made by site_comments.local for a comment server on this computer.
[general]
dbpath = {folder / "comments.db"}
host =
    {(chr(10) + "    ").join(sites)}
max-age = 15m
notify = {"smtp" if smtp_port else "stdout"}
[admin]
enabled = true
password = {password}
[moderation]
enabled = true
purge-after = 30d
[server]
listen = {address}
public-endpoint = {address}
[guard]
enabled = true
ratelimit = {rate_limit}
direct-reply = {DIRECT_REPLIES}
reply-to-self = false
require-author = true
require-email = false
[markup]
renderer = mistune
[markup.mistune]
plugins = strikethrough
parameters = escape, hard_wrap
[hash]
salt = {salt}
algorithm = pbkdf2
{mail}"""


def _secret(file: Path) -> str:
    """Return the secret kept in `file`, made the first time."""
    if not file.exists():
        file.write_text(secrets.token_urlsafe(18), "utf-8")
        file.chmod(0o600)
    return file.read_text("utf-8").strip()


@contextmanager
def local_comments(
    folder: Path,
    sites: list[str],
    port: int | None = None,
    rate_limit: int = RATE_LIMIT,
    smtp_port: int | None = None,
) -> Iterator[LocalComments]:
    """Run Isso for pages served at `sites` (origins) while the block runs.

    `rate_limit`: comments a minute from one address (tests that post more
    from 127.0.0.1 raise it); `smtp_port`: e-mail new comments (isso_config).
    """
    # A link there (committed by someone with push access) would have the
    # password or the configuration written through it, anywhere.
    for path in (folder.parent, folder, *(folder / name for name in FILES)):
        if path.is_symlink():
            raise LinkedFolder(path)
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    password = _secret(folder / "admin-password")
    config = folder / "isso.cfg"
    config.write_text(
        isso_config(
            folder,
            port,
            sites,
            password,
            _secret(folder / "salt"),
            rate_limit,
            smtp_port,
        ),
        "utf-8",
    )
    config.chmod(0o600)
    process = subprocess.Popen(  # noqa: S603 (our own module, our own file)
        [sys.executable, "-m", "site_comments.server", "--local", str(config)],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield LocalComments(
            f"http://{LOOPBACK}:{port}/", password, folder / "comments.db"
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen) -> None:
    """Return once the server listens on `port`; fail if it stopped."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the comment server stopped (exit code {process.returncode})"
            )
        with socket.socket() as probe:
            if probe.connect_ex((LOOPBACK, port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"the comment server did not start on port {port}")
