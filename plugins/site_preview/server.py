"""The writer's preview servers on this computer: a built folder, or the live preview.

`serve_folder` serves a build as it is (`invoke serve`) or as a host would
(`invoke preview --serve`: static_server.py). `serve_live` is the live
preview (`invoke livereload`, `invoke edit`): it serves the output folder
through livereload's server, builds at every change of the build's inputs
(site_build.inputs, watched with inotify) and reloads the browser as pages
are ready (live_builds.py).
"""

from __future__ import annotations

import http.server
import logging
import signal
import threading
from functools import partial
from pathlib import Path
from typing import Any

from site_base.messages import say
from site_build.facts import site_root, writers_gettext
from site_build.inputs import BuildInputs

from .app import PreviewApp
from .live_builds import LiveBuilds
from .static_server import HostLikeHandler, SiteFilesHandler

BUILD_FAILED = say("Build failed: fix the problems above, then save again.")


def serve_folder(
    folder: Path, host: str, port: int, *, host_like: bool, gettext: Any
) -> None:
    """Serve `folder` until Ctrl+C (host_like: compressed, with cache headers)."""
    kind = HostLikeHandler if host_like else SiteFilesHandler
    handler = partial(kind, directory=str(folder))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    serving = say(
        "Serving {folder} at {address} (Ctrl+C stops)",
        folder=folder,
        address=f"http://{host}:{port}/",
    )
    print(serving.render(gettext), flush=True)
    # Ctrl+C stops it also when started from a script in the background
    # (which makes a process ignore it), and so does a terminal closing.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(say("Stopped.").render(gettext), flush=True)
    finally:
        server.server_close()


def serve_live(
    arguments: list[str], settings: dict[str, Any], host: str, port: int
) -> None:
    """Serve the live preview at `port`, a build (Pelican's `arguments`) at each change.

    `settings` are the build's, read with its content folder: they say
    where the output is and which files are inputs.
    """
    import watchfiles  # noqa: PLC0415 (only the live preview needs them)
    from livereload import Server  # noqa: PLC0415
    from livereload.handlers import LiveReloadHandler  # noqa: PLC0415
    from tornado.ioloop import IOLoop  # noqa: PLC0415

    class _QuietServer(Server):
        """livereload's server, saying only what goes wrong.

        Its own lines are English with tornado's "[I 261205 02:07:37
        server:331]"; the line writers read is ours, in their language.
        """

        def _setup_logging(self) -> None:
            super()._setup_logging()
            logging.getLogger("livereload").setLevel(logging.WARNING)

    output = Path(settings["OUTPUT_PATH"])
    app = PreviewApp(output, Path(settings["THEME"]), settings["DEFAULT_LANG"])
    loop: list[IOLoop] = []
    gettext = writers_gettext(settings)

    def reload(path: str | None) -> None:
        """Reload the browsers (from the build's thread, through the server's loop)."""
        if loop:
            loop[0].add_callback(LiveReloadHandler.reload_waiters, path)

    builds = LiveBuilds(
        arguments, app, reload, lambda: print(BUILD_FAILED.render(gettext))
    )
    # With a site already in the output folder, serve it at once and build
    # beside it (that build's process then shows each edit at once);
    # otherwise build it first.
    if (output / "index.html").is_file():
        builds.request()
    else:
        builds.build()
    server = _QuietServer(app=app)
    # livereload's own watcher polls (and with no task watches the working
    # folder): its one task never fires; watchfiles (inotify) starts builds.
    unused = site_root(settings) / ".livereload-unused"
    server.watch(str(unused), lambda: None, delay="forever")
    inputs = BuildInputs.of(settings)

    def watch() -> None:
        """Ask for a build at each change (a build then runs in its own thread)."""
        for _changes in watchfiles.watch(
            *inputs.watched(),
            watch_filter=lambda _change, path: inputs.counts(path),
            debounce=50,
            step=20,
        ):
            builds.request()

    def started() -> None:
        """Keep the server's loop for the builds' reloads; start watching."""
        loop[:] = [IOLoop.current()]
        threading.Thread(target=watch, daemon=True).start()

    IOLoop.current().add_callback(started)
    # Stopped like Ctrl+C (a terminal closing, a test, a benchmark): the warm
    # build process is ended too. Ctrl+C itself too when started from a
    # script in the background, which makes a process ignore it.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    live = say(
        "Live preview at {address} (Ctrl+C stops)", address=f"http://{host}:{port}/"
    )
    print(live.render(gettext), flush=True)
    try:
        server.serve(host=host, port=port, debug=False)
    finally:
        builds.stop()
