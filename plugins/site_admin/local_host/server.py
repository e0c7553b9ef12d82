"""The local host's HTTP server: GitHub's API paths, for the editor's page only.

It listens on 127.0.0.1 and answers
- only a `Host` naming that address and its port (DNS rebinding gets 403),
- only requests without an `Origin` or from a page of this computer (a
  website the writer visits cannot drive it: 403, and no CORS headers),
- only requests with the token of someone it knows (401 otherwise),
and commits only files `EditorPaths` accepts (content/'s collections and
the data files; never code, .git or a path through a link).
"""

from __future__ import annotations

import http.server
import json
import logging
from typing import Any
from urllib.parse import urlsplit

from site_base.loopback import is_loopback_host, is_loopback_origin, serve_in_thread
from site_base.messages import say

from .graphql_api import run_query
from .rest_api import Answer, RestApi
from .state import HostState, Person

logger = logging.getLogger(__name__)

# Where the editor sends requests when its api_root is this host (GitHub
# Enterprise's layout, which the editor uses for any address but GitHub's).
REST_PREFIX = "/api/v3"
GRAPHQL_PATH = "/api/graphql"
# Photos arrive base64-encoded in one request: a camera's largest, with room.
MAX_BODY = 80 * 1024 * 1024
_METHODS = "GET, POST, PATCH, PUT, DELETE"


class LocalHostHandler(http.server.BaseHTTPRequestHandler):
    """Check a request, then answer it from the repository."""

    host_state: HostState
    port: int
    gettext: Any = str
    server_version = "site-editor-local-host"
    protocol_version = "HTTP/1.1"

    def handle(self) -> None:
        """Handle requests; a browser that cancels one is no error to print."""
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's name)
        """Answer the CORS preflight of the editor's page."""
        if not self._from_this_computer():
            return
        self.send_response(204)
        self._cors_headers()
        self.send_header("Access-Control-Allow-Methods", _METHODS)
        self.send_header(
            "Access-Control-Allow-Headers", "Authorization, Content-Type, Accept"
        )
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        """Answer any method: GitHub's REST and GraphQL paths."""
        if not self._from_this_computer():
            return
        person = self._person()
        if person is None:
            self._send(Answer(401, {"message": "Bad credentials"}))
            return
        body = self._body()
        if isinstance(body, Answer):
            self._send(body)
            return
        path = urlsplit(self.path).path
        if path == GRAPHQL_PATH and self.command == "POST":
            found, reasons = run_query(self.host_state, person, body)
            answer = Answer(200, found)
            for reason in reasons:
                self._log(reason)
        elif path.startswith(f"{REST_PREFIX}/"):
            rest = RestApi(self.host_state, person)
            answer = rest.answer(self.command, path.removeprefix(REST_PREFIX), body)
        else:
            answer = Answer(404, {"message": "Not Found"})
        self._send(answer)

    do_POST = do_PATCH = do_PUT = do_DELETE = do_GET  # noqa: N815

    def _from_this_computer(self) -> bool:
        host = self.headers.get("Host")
        origin = self.headers.get("Origin")
        if not is_loopback_host(host, self.port):
            reason = say(
                "Host {host} is not this computer's editor backend", host=repr(host)
            )
        elif origin is not None and not is_loopback_origin(origin):
            reason = say(
                "Origin {origin} is not a page of this computer", origin=repr(origin)
            )
        else:
            return True
        self._log(reason)
        self._send(Answer(403, {"message": str(reason)}), cors=False)
        return False

    def _person(self) -> Person | None:
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        if scheme.lower() not in ("token", "bearer"):
            return None
        return self.host_state.people.get(token.strip())

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return Answer(413, {"message": "the request is too large"})
        if not length:
            return None
        try:
            return json.loads(self.rfile.read(length))
        except (ValueError, RecursionError):
            return Answer(400, {"message": "Problems parsing JSON"})

    def _send(self, answer: Answer, *, cors: bool = True) -> None:
        if isinstance(answer.body, bytes):
            data = answer.body
        elif answer.body is None:
            data = b""
        else:
            data = json.dumps(answer.body, ensure_ascii=False).encode("utf-8")
        self.send_response(answer.status)
        if data or answer.status != http.HTTPStatus.NO_CONTENT:
            self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        if cors:
            self._cors_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _cors_headers(self) -> None:
        origin = self.headers.get("Origin")
        if origin is not None and is_loopback_origin(origin):
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def _log(self, reason: str) -> None:
        said = say("the editor's backend refused a request: {reason}", reason=reason)
        logger.warning("%s", said.render(self.gettext))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep the writer's terminal quiet: refusals are logged on their own."""
        del format, args


def serve_local_host(
    host_state: HostState, port: int, gettext: Any = str, address: str = "127.0.0.1"
) -> http.server.ThreadingHTTPServer:
    """Start the host on `address`:`port` in a thread; return its server."""
    handler = type(
        "BoundLocalHostHandler",
        (LocalHostHandler,),
        {"host_state": host_state, "port": port, "gettext": staticmethod(gettext)},
    )
    server = http.server.ThreadingHTTPServer((address, port), handler)
    server.daemon_threads = True
    serve_in_thread(server)
    return server
