"""The comment server: Isso, behind a guard of its requests (and a honeypot).

`python -m site_comments.server isso.cfg` runs Isso as `isso -c isso.cfg run`
does, with a guard in front: a new comment or a count must be the JSON Isso
expects (Isso 0.14 answers some other JSON with a server error), and the
form's "website" field is a honeypot, hidden from readers
(theme/static/css/comments.css), so a comment that fills it was written by
a program and is refused. With `--local` (the live preview, the tests) it
also answers only requests addressed to 127.0.0.1 or localhost at its port,
as every server this project starts on a writer's computer does
(site_base.loopback).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from site_base.loopback import is_loopback_host

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WsgiApp = Callable[[Environ, StartResponse], Iterable[bytes]]
# Isso reads at most this much of a request (isso.wsgi.Request).
MAX_BODY = 256 * 1024
HONEYPOT = "website"
# How long a browser keeps a preflight's answer (Chromium keeps at most 2 hours).
PREFLIGHT_SECONDS = "7200"
# Threads counted in one request: a list page's cards and then some.
MAX_THREADS = 500


def _refuse(start_response: StartResponse, status: str) -> list[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
    return [status.encode()]


def _problem(kind: str, data: Any) -> str | None:
    """Return the status refusing `data` posted to /new or /count, or None."""
    if kind == "count":
        fine = (
            isinstance(data, list)
            and len(data) <= MAX_THREADS
            and all(isinstance(thread, str) for thread in data)
        )
        return None if fine else "400 Bad Request"
    if not isinstance(data, dict):
        return "400 Bad Request"
    if data.get(HONEYPOT):
        logging.getLogger("isso").warning("refused a comment: honeypot filled")
        return "403 Forbidden"
    return None


def _remembered_preflight(start_response: StartResponse) -> StartResponse:
    """Let browsers keep a CORS preflight's answer a while.

    Isso's client asks one before each request it makes: a reader's next
    page then saves a round trip for each.
    """

    def start(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
        return start_response(
            status, [*headers, ("Access-Control-Max-Age", PREFLIGHT_SECONDS)], *rest
        )

    return start


class RequestGuard:
    """Refuse a new comment or a count that is not what Isso expects, or a bot's."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: Environ, start_response: StartResponse) -> Any:
        """Pass on every request but a malformed or a honeypot's POST."""
        method = environ.get("REQUEST_METHOD")
        if method == "OPTIONS":
            return self.app(environ, _remembered_preflight(start_response))
        kind = environ.get("PATH_INFO", "").rsplit("/", 1)[-1]
        if method != "POST" or kind not in {"new", "count"}:
            return self.app(environ, start_response)
        length = environ.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > MAX_BODY:
            return _refuse(start_response, "413 Content Too Large")
        body = environ["wsgi.input"].read(int(length))
        try:
            problem = _problem(kind, json.loads(body))
        except ValueError:
            problem = "400 Bad Request"
        if problem:
            return _refuse(start_response, problem)
        # Isso reads the same bytes again.
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)


class LoopbackGuard:
    """Answer only requests addressed to this computer at `port`."""

    def __init__(self, app: WsgiApp, port: int) -> None:
        self.app = app
        self.port = port

    def __call__(self, environ: Environ, start_response: StartResponse) -> Any:
        """Refuse a request whose Host names another machine (DNS rebinding)."""
        if not is_loopback_host(environ.get("HTTP_HOST"), self.port):
            return _refuse(start_response, "403 Forbidden")
        return self.app(environ, start_response)


def make_app(config_file: str, *, local: bool) -> tuple[WsgiApp, str, int]:
    """Return Isso's app for `config_file`, guarded, and where it listens."""
    # Isso is imported here: the build and the tasks do not need it loaded.
    from isso import config  # noqa: PLC0415
    from isso import make_app as isso_app  # noqa: PLC0415

    conf = config.load(config.default_file(), config_file)
    listen = urlsplit(conf.get("server", "listen"))
    if listen.scheme != "http" or not listen.hostname or not listen.port:
        raise SystemExit(
            f"{config_file}: [server] listen must be http://host:port (nginx in front)"
        )
    app: WsgiApp = RequestGuard(isso_app(conf))
    if local:
        app = LoopbackGuard(app, listen.port)
    return app, listen.hostname, listen.port


def _stop_with_parent() -> None:
    """Stop when the program that started this server is gone (a closed terminal)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main(argv: list[str] | None = None) -> None:
    """Serve Isso with the configuration file given."""
    from werkzeug.serving import run_simple  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", help="Isso's configuration file")
    parser.add_argument(
        "--local", action="store_true", help="on this computer only (127.0.0.1)"
    )
    args = parser.parse_args(argv)
    # On a writer's computer only what goes wrong is said: not each request,
    # nor that the preview (started next) cannot be reached yet.
    level = logging.WARNING if args.local else logging.INFO
    logging.basicConfig(level=level, format="%(name)s: %(message)s")
    if args.local:
        logging.getLogger("isso").setLevel(logging.ERROR)
        _stop_with_parent()
    app, host, port = make_app(args.config, local=args.local)
    run_simple(host, port, app, threaded=True)


if __name__ == "__main__":
    main()
