"""Talk to a test's comment server as a page, a spammer or a moderator does."""

from __future__ import annotations

import json
import re
import socketserver
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from typing import Any

from site_base.loopback import LOOPBACK, serve_in_thread
from site_comments.local import LocalComments


def ask(
    url: str,
    data: object = None,
    *,
    method: str | None = None,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> tuple[int, Any, bytes]:
    """Return (status, headers, body) of a JSON request; errors are answers too."""
    body = (
        raw if raw is not None else None if data is None else json.dumps(data).encode()
    )
    request = urllib.request.Request(
        url,
        data=body,
        method=method,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def new_comment(
    isso: LocalComments, thread: str, origin: str, **comment: Any
) -> tuple[int, Any, bytes]:
    """Post a comment to `thread` as the page at `origin` does."""
    return ask(
        f"{isso.address}new?uri={thread}",
        {"title": "Bài", "author": "Bạn đọc", **comment},
        headers={"Origin": origin},
    )


def moderate(isso: LocalComments, comment_id: int, action: str = "activate") -> None:
    """Do what a moderator does on Isso's admin page: sign in, press the button."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar())
    )
    login = urllib.request.Request(
        f"{isso.address}login/", data=f"password={isso.password}".encode()
    )
    page = opener.open(login, timeout=10).read().decode()
    (key,) = re.findall(rf"validate_com\({comment_id}, '([^']+)'", page)
    moderation = urllib.request.Request(
        f"{isso.address}id/{comment_id}/{action}/{key}", data=b"", method="POST"
    )
    with opener.open(moderation, timeout=10) as answer:
        assert answer.status == 200


class MailCatcher(socketserver.ThreadingTCPServer):
    """An SMTP server on 127.0.0.1 that keeps every message it is given."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__((LOOPBACK, 0), _SmtpSession)
        self.messages: list[str] = []
        serve_in_thread(self)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class _SmtpSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for Python's smtplib: greet, accept, keep the data."""

    def say(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.say("220 catcher")
        for raw in self.rfile:
            command = raw.decode("utf-8", "replace").strip().upper()
            if command.startswith("DATA"):
                self.say("354 go on")
                lines = []
                for data in self.rfile:
                    if data.rstrip(b"\r\n") == b".":
                        break
                    lines.append(data.decode("utf-8", "replace"))
                self.server.messages.append("".join(lines))
                self.say("250 kept")
            elif command.startswith("QUIT"):
                self.say("221 bye")
                return
            else:
                self.say("250 ok")
