"""A guard in front of decap-server: the editor's requests pass only for content paths.

decap-server listens on a private port; the editor talks to this guard, on
127.0.0.1, which:
- answers only `POST /api/v1` (and its CORS preflight); anything else is 404;
- refuses a `Host` other than the loopback address and port it serves (a web
  page that renames its own host to 127.0.0.1, DNS rebinding, gets 403);
- refuses an `Origin` that is not a page of this computer (127.0.0.1,
  localhost), so no website the writer visits can drive the backend;
- reads each action's paths (entries, data files, media, deletions, moves)
  and refuses, with 403 and nothing written, any path `EditorPaths` does not
  accept (outside content/'s collections and the data files, `..`, hidden,
  absolute, through a link), and any action it does not know.
"""

from __future__ import annotations

import http.client
import http.server
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from site_base.loopback import is_loopback_host, is_loopback_origin, serve_in_thread
from site_base.messages import Message, say

from .writable import EditorPaths

logger = logging.getLogger(__name__)

API = "/api/v1"
# Photos arrive base64-encoded in one request: a camera's largest, with room.
MAX_BODY = 80 * 1024 * 1024
# Entries of the review workflow (git mode) are named by collection and slug.
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")

# Each action of decap-server's API and where its paths are in `params`:
# "key" a path, "key[]" a list of paths, "key[].sub" a path in each item,
# "key.sub" a path in an object; a trailing "?" when it may be left out.
_PATHS: dict[str, tuple[str, ...]] = {
    "info": (),
    "getDeployPreview": (),
    "unpublishedEntries": (),
    "unpublishedEntry": (),
    "deleteUnpublishedEntry": (),
    "updateUnpublishedEntryStatus": (),
    "publishUnpublishedEntry": (),
    "entriesByFolder": ("folder/",),
    "entriesByFiles": ("files[].path",),
    "getEntry": ("path",),
    "unpublishedEntryDataFile": ("path",),
    "unpublishedEntryMediaFile": ("path",),
    "persistEntry": (
        "entry.path?",
        "entry.newPath?",
        "dataFiles[].path?",
        "dataFiles[].newPath?",
        "assets[].path",
    ),
    "getMedia": ("mediaFolder/",),
    "getMediaFile": ("path",),
    "persistMedia": ("asset.path",),
    "deleteFile": ("path",),
    "deleteFiles": ("paths[]",),
}


_NOT_FOUND = say("not found: the editor's backend answers POST /api/v1 only")


class Refused(ValueError):
    """A request the guard does not pass on; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Guard:
    """What the guard accepts: the editor's paths and collections; its own port."""

    paths: EditorPaths
    port: int
    # The log of refusals is in the writers' language (the API answers English).
    gettext: Callable[[str], str] = str

    def check_host(self, host: str | None) -> None:
        """Refuse a Host header other than this guard's own loopback address."""
        if not is_loopback_host(host, self.port):
            raise Refused(
                say(
                    "Host {host} is not this computer's editor backend", host=repr(host)
                )
            )

    def check_origin(self, origin: str | None) -> None:
        """Refuse requests sent by a page of another site (no Origin: not a browser)."""
        if origin is not None and not is_loopback_origin(origin):
            raise Refused(
                say(
                    "Origin {origin} is not a page of this computer",
                    origin=repr(origin),
                )
            )

    def check_request(self, body: Any) -> None:
        """Refuse an action the guard does not know and every path out of bounds."""
        if not isinstance(body, dict) or body.get("action") not in _PATHS:
            raise Refused(say("unknown action"))
        params = body.get("params") or {}
        if not isinstance(params, dict):
            raise Refused(say("params must be an object"))
        collection = params.get("collection")
        if collection is not None and collection not in self.paths.collections:
            raise Refused(
                say("{name} is not a collection of the editor", name=repr(collection))
            )
        slug = params.get("slug")
        if slug is not None and not (
            isinstance(slug, str) and _SLUG.match(slug) and ".." not in slug
        ):
            raise Refused(say("{name} is not an entry's name", name=repr(slug)))
        for spec in _PATHS[body["action"]]:
            optional = spec.endswith("?")
            is_folder = spec.rstrip("?").endswith("/")
            for value in _values(params, spec.rstrip("?/"), optional=optional):
                refusal = self.paths.refusal(value, folder=is_folder)
                if refusal:
                    raise Refused(refusal)


def _values(params: dict, spec: str, *, optional: bool) -> Iterator[Any]:
    """Yield the values `spec` names in `params` ("files[].path", "asset.path")."""
    head, _, rest = spec.partition(".")
    many = head.endswith("[]")
    key = head.removesuffix("[]")
    if key not in params or params[key] is None:
        if not optional:
            yield None  # refused: a path the action needs is missing
        return
    value = params[key]
    items = value if many else [value]
    if many and not isinstance(value, list):
        yield None
        return
    for item in items:
        if not rest:
            yield item
        elif isinstance(item, dict):
            yield from _values(item, rest, optional=optional)
        else:
            yield None


class GuardHandler(http.server.BaseHTTPRequestHandler):
    """Check each request, then pass it to decap-server and its answer back."""

    guard: Guard
    upstream: tuple[str, int]
    server_version = "editor-backend-guard"

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's name)
        """Answer the CORS preflight of the editor's page."""
        if not self._allowed(preflight=True):
            return
        self.send_response(204)
        self._cors_headers()
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        """Check the request's action and paths, then pass it on."""
        if not self._allowed():
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._refuse(413, say("the request is too large"))
            return
        raw = self.rfile.read(length)
        try:
            self.guard.check_request(json.loads(raw))
        except Refused as error:
            self._refuse(403, error.message)
            return
        except (ValueError, RecursionError):
            self._refuse(403, say("the request is not JSON"))
            return
        self._pass_on(raw)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        """Refuse: the API is POST only."""
        if self._allowed():
            self._refuse(404, _NOT_FOUND)

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET  # noqa: N815

    def _allowed(self, *, preflight: bool = False) -> bool:
        """Check Host, Origin and path; answer and return False if refused."""
        try:
            self.guard.check_host(self.headers.get("Host"))
            self.guard.check_origin(self.headers.get("Origin"))
        except Refused as error:
            self._refuse(403, error.message)
            return False
        if urlsplit(self.path).path != API:
            self._refuse(404, _NOT_FOUND)
            return False
        if preflight and self.headers.get("Access-Control-Request-Method") != "POST":
            self._refuse(405, say("only POST is answered"))
            return False
        return True

    def _pass_on(self, raw: bytes) -> None:
        connection = http.client.HTTPConnection(*self.upstream, timeout=120)
        try:
            connection.request(
                "POST", API, body=raw, headers={"Content-Type": "application/json"}
            )
            answer = connection.getresponse()
            body = answer.read()
        except OSError:
            self._refuse(502, say("decap-server does not answer"))
            return
        finally:
            connection.close()
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.getheader("Content-Type", ""))
        self.send_header("Content-Length", str(len(body)))
        self._cors_headers()
        self.end_headers()
        self.wfile.write(body)

    def _cors_headers(self) -> None:
        """Let the editor's page (served on this computer) read the answer."""
        origin = self.headers.get("Origin")
        if origin is not None and is_loopback_origin(origin):
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def _refuse(self, status: int, reason: Message) -> None:
        said = say("the editor's backend refused a request: {reason}", reason=reason)
        logger.warning("%s", said.render(self.guard.gettext))
        body = json.dumps({"error": str(reason)}).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self._cors_headers()
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep the writer's terminal quiet: refusals are logged on their own."""
        del format, args


def serve_guard(
    guard: Guard, upstream_port: int, host: str = "127.0.0.1"
) -> http.server.ThreadingHTTPServer:
    """Start the guard on `host`:`guard.port` in a thread; return its server."""
    handler = type(
        "BoundGuardHandler",
        (GuardHandler,),
        {"guard": guard, "upstream": (host, upstream_port)},
    )
    server = http.server.ThreadingHTTPServer((host, guard.port), handler)
    server.daemon_threads = True
    serve_in_thread(server)
    return server
