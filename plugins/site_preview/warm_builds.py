"""The live preview's warm build process: libraries imported once, a fork per build.

A build in a new Python process spends a third of a second importing
Pelican, Jinja, Markdown, Babel, Pillow, lxml... before reading a file. This
process imports those once, then, for each line of JSON (Pelican's
arguments) it reads, forks: the child imports the site's plugins and
settings afresh (an edited plugin takes effect, as in a new process) and
builds; the parent prints BUILD_DONE with the child's exit code.

Two children work ahead. After each build one is forked at once to import
the site's plugins (a seventh of a second) and wait: the next build starts
there, unless a Python file of the site changed meanwhile (then it is ended
and a new child imports afresh). And the child that built keeps the site it
built: when the next build is asked for, it writes the pages of the posts
edited since, from what it holds (a few hundredths of a second, at any size
of site), while the new build, which writes every page as it should be,
starts beside it.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import sys
import traceback
from dataclasses import dataclass
from typing import Any

# What every build imports; never the site's plugins (each child imports them).
import babel.dates  # noqa: F401
import babel.numbers  # noqa: F401
import feedgen.feed  # noqa: F401
import icalendar  # noqa: F401
import jinja2  # noqa: F401
import jinja2.ext  # noqa: F401
import lxml.etree  # noqa: F401
import markdown.extensions.extra  # noqa: F401
import markdown.util
import nh3  # noqa: F401
import pagefind.service  # noqa: F401
import pelican.generators  # noqa: F401
import pelican.readers  # noqa: F401
import pelican.writers  # noqa: F401
import PIL.Image  # noqa: F401
import ruamel.yaml  # noqa: F401
import yaml  # noqa: F401
from pelican import main as pelican_main
from pelican import signals
from pelican.plugins._utils import load_legacy_plugin
from pelican.settings import read_settings

from site_build.inputs import code_stamps as stamps_of_code
from site_build.inputs import package_folders

from .protocol import BUILD_DONE, SHOW

# The parent's ends of its children's pipes, open now (closed in each new child).
_PARENT_ENDS: set[int] = set()


@dataclass
class Child:
    """A build process: `control` starts it or ends it, `status` gives its exit code.

    A child prepared ahead imports the site's plugins and waits for b"1" to
    build; after a live build, a child keeps the site it built and waits: b"p"
    writes the pages of the posts edited since (`LivePelican.show_edited_posts`),
    a closed `control` ends it.
    """

    pid: int
    control: int
    status: int
    arguments: list[str]
    stamps: dict[str, int]
    reaped: bool = False


def code_stamps(arguments: list[str]) -> dict[str, int]:
    """Return the modification times of the site's Python files (site_build.inputs).

    If one of them changes after a child imported them, that child is not used.
    """
    settings = arguments[arguments.index("-s") + 1] if "-s" in arguments else "."
    return stamps_of_code(settings)


def forget_site_modules() -> None:
    """Drop the plugins this process imported, so a child imports them afresh.

    The parent imports a few (this module, site_build.inputs and what they
    use); a build forked from it must see the plugins as they are now.
    """
    folders = tuple(f"{folder}{os.sep}" for folder in package_folders().values())
    for name, module in list(sys.modules.items()):
        ours = (getattr(module, "__file__", None) or "").startswith(folders)
        if ours and name != "__main__":
            del sys.modules[name]


def import_site_plugins(arguments: list[str]) -> None:
    """Import the plugins the settings name, as Pelican will (nothing registered).

    Settings are read again when the build starts (BUILD_TIME is "now").
    A plugin that fails to import fails again in the build, which says why.
    """
    with contextlib.suppress(Exception):
        settings = read_settings(arguments[arguments.index("-s") + 1])
        for plugin in settings.get("PLUGINS") or []:
            load_legacy_plugin(plugin, settings.get("PLUGIN_PATHS", []))


def spawn(arguments: list[str], *, prepared: bool) -> Child:
    """Fork a build child (a prepared one imports the plugins, then waits for b"1")."""
    stamps = code_stamps(arguments)
    control_read, control = os.pipe()
    status, status_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        # The other children's pipe ends stay with the parent only: a child
        # holding one would keep its sibling from seeing its pipe closed.
        for descriptor in (*_PARENT_ENDS, control, status):
            with contextlib.suppress(OSError):
                os.close(descriptor)
        forget_site_modules()
        if prepared:
            import_site_plugins(arguments)
            if os.read(control_read, 1) != b"1":
                os._exit(0)
        run_child(arguments, control_read, status_write)
    os.close(control_read)
    os.close(status_write)
    _PARENT_ENDS.update((control, status))
    return Child(pid, control, status, arguments, stamps)


class BuiltSite:
    """The live build of this child (its LivePelican), kept once it has finished."""

    def __init__(self) -> None:
        self.pelican: Any = None
        signals.finalized.connect(self.keep, weak=False)

    def keep(self, pelican: Any) -> None:
        """Keep the build that just finished (Pelican's run() holds it in a local)."""
        self.pelican = pelican


def run_child(arguments: list[str], control: int, status: int) -> None:
    """Build; give the exit code; keep the built site until told what to do."""
    built = BuiltSite()
    code = build(arguments)
    sys.stdout.flush()
    sys.stderr.flush()
    os.write(status, bytes([code & 0xFF]))
    os.close(status)
    # Each b"p" until the next build ends: write the pages edited since.
    showing = code == 0 and hasattr(built.pelican, "show_edited_posts")
    while showing and os.read(control, 1) == b"p":
        with contextlib.suppress(Exception):
            built.pelican.show_edited_posts()
        sys.stdout.flush()
    os._exit(code)


def build(arguments: list[str]) -> int:
    """Build as `pelican` does; return its exit code."""
    try:
        pelican_main(arguments)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # noqa: BLE001 (said, then the exit code says it failed)
        traceback.print_exc()
        return 1
    return 0


def usable(child: Child | None, arguments: list[str], stamps: dict[str, int]) -> bool:
    """Return whether `child` has the site's current code and these arguments."""
    return child is not None and (child.arguments, child.stamps) == (arguments, stamps)


def start_build(
    arguments: list[str], prepared: Child | None, stamps: dict[str, int] | None = None
) -> Child:
    """Start a build: in the prepared child if its code is still the site's."""
    stamps = code_stamps(arguments) if stamps is None else stamps
    if usable(prepared, arguments, stamps):
        os.write(prepared.control, b"1")
        return prepared
    discard(prepared)
    return spawn(arguments, prepared=False)


def exit_code(child: Child) -> int:
    """Wait for the build of `child` to end; return its exit code."""
    data = os.read(child.status, 1)
    child.status = _close(child.status)
    if data:
        return data[0]
    # It ended without saying (killed): its exit status says it.
    _, status = os.waitpid(child.pid, 0)
    child.reaped = True
    return os.waitstatus_to_exitcode(status)


def discard(child: Child | None) -> None:
    """End `child` (a closed `control` ends a waiting child) and reap it."""
    if child is None:
        return
    child.control = _close(child.control)
    child.status = _close(child.status)
    if not child.reaped:
        os.waitpid(child.pid, 0)
        child.reaped = True


def _close(descriptor: int) -> int:
    """Close one of the parent's pipe ends, if open (-1: closed); return -1."""
    if descriptor >= 0:
        _PARENT_ENDS.discard(descriptor)
        os.close(descriptor)
    return -1


def show_edits(child: Child | None) -> None:
    """Ask the child that built last to write the pages edited since its build."""
    if child is not None and child.control >= 0:
        with contextlib.suppress(OSError):
            os.write(child.control, b"p")


class Requests:
    """Lines of JSON on standard input, read without blocking the wait for a build."""

    def __init__(self) -> None:
        self.pending = b""
        self.queue: list[Any] = []
        self.ended = False

    def read(self) -> None:
        """Read what has arrived (waits for it) into the queue."""
        data = os.read(sys.stdin.fileno(), 65536)
        self.ended = not data
        self.pending += data
        *complete, self.pending = self.pending.split(b"\n")
        self.queue += [json.loads(line) for line in complete if line.strip()]

    def next(self) -> Any:
        """Return the next request (waits for one), or None at the end."""
        while not self.queue and not self.ended:
            self.read()
        return self.queue.pop(0) if self.queue else None


def wait_for_build(child: Child, requests: Requests, show: Any) -> int:
    """Wait for the build of `child` to end; meanwhile `show()` at each request.

    During a build, the live preview asks (SHOW) for the pages of what was
    edited since it started: the child that built before writes them.
    """
    while True:
        while SHOW in requests.queue:
            requests.queue.remove(SHOW)
            show()
        if requests.ended:
            break
        ready, _, _ = select.select([child.status, sys.stdin.fileno()], [], [])
        if child.status in ready:
            break
        requests.read()
    return exit_code(child)


def main() -> None:
    """Build once per line of arguments read from standard input."""
    # Markdown looks up its extensions among the entry points of every
    # installed package, once per process (a fiftieth of a second): here.
    markdown.util.get_installed_extensions()
    # The libraries imported above live as long as this process: the garbage
    # collector of each build child need not walk them (nor copy their pages).
    gc.freeze()
    prepared = holder = None
    requests = Requests()
    try:
        while (arguments := requests.next()) is not None:
            if arguments == SHOW:
                continue  # no build running: the next build shows it
            stamps = code_stamps(arguments)
            showing = holder if usable(holder, arguments, stamps) else None
            if showing is None:
                discard(holder)
            show_edits(showing)
            holder = start_build(arguments, prepared, stamps)
            prepared = None
            code = wait_for_build(holder, requests, lambda s=showing: show_edits(s))
            print(f"{BUILD_DONE}{code}", flush=True)
            discard(showing)
            # The next build's imports, done while the writer reads the page.
            prepared = spawn(arguments, prepared=True)
    finally:
        discard(prepared)
        discard(holder)


if __name__ == "__main__":
    main()
