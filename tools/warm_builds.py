"""The live preview's warm build process: libraries imported once, a fork per build.

A build in a new Python process spends a third of a second importing
Pelican, Jinja, Markdown, Babel, Pillow, lxml... before reading a file. This
process imports those once, then, for each line of JSON (Pelican's
arguments) it reads, forks: the child imports the site's plugins and
settings afresh (an edited plugin takes effect, as in a new process) and
builds; the parent prints BUILD_DONE with the child's exit code. After each
build a child is forked at once to import the site's plugins (a seventh of a
second) and wait: the next build starts there, unless a Python file of the
site changed meanwhile (then it is ended and a new child imports afresh).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from dataclasses import dataclass

# What every build imports; never the site's plugins (each child imports them).
import babel.dates  # noqa: F401
import babel.numbers  # noqa: F401
import bs4  # noqa: F401
import feedgen.feed  # noqa: F401
import icalendar  # noqa: F401
import jinja2  # noqa: F401
import lxml.etree  # noqa: F401
import markdown  # noqa: F401
import nh3  # noqa: F401
import pelican.generators  # noqa: F401
import pelican.readers  # noqa: F401
import pelican.writers  # noqa: F401
import PIL.Image  # noqa: F401
import ruamel.yaml  # noqa: F401
import yaml  # noqa: F401
from pelican import main as pelican_main
from pelican.plugins._utils import load_legacy_plugin
from pelican.settings import read_settings

BUILD_DONE = "build-done: "
# Folders whose Python files are not the site's code (watched for changes).
NOT_CODE = {"node_modules", "output", "content", "__pycache__"}


@dataclass
class Prepared:
    """A child that has imported the site's plugins and waits for the next build."""

    pid: int
    go: int  # the pipe's end that starts it (a byte) or ends it (closed)
    arguments: list[str]
    stamps: dict[str, int]


def code_stamps(arguments: list[str]) -> dict[str, int]:
    """Return the modification times of the Python files beside the settings file.

    pelicanconf.py, publishconf.py, plugins/, tools/: if one of them changes
    after a child imported them, that child is not used.
    """
    settings = arguments[arguments.index("-s") + 1] if "-s" in arguments else "."
    root = os.path.dirname(os.path.abspath(settings))
    stamps = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in NOT_CODE]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    stamps[path] = os.stat(path).st_mtime_ns
    return stamps


def import_site_plugins(arguments: list[str]) -> None:
    """Import the plugins the settings name, as Pelican will (nothing registered).

    Settings are read again when the build starts (BUILD_TIME is "now").
    A plugin that fails to import fails again in the build, which says why.
    """
    with contextlib.suppress(Exception):
        settings = read_settings(arguments[arguments.index("-s") + 1])
        for plugin in settings.get("PLUGINS") or []:
            load_legacy_plugin(plugin, settings.get("PLUGIN_PATHS", []))


def prepare(arguments: list[str]) -> Prepared:
    """Fork a child that imports the plugins now and builds when told to."""
    stamps = code_stamps(arguments)
    wait, go = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(go)
        import_site_plugins(arguments)
        if os.read(wait, 1) == b"1":
            build_in_child(arguments)
        os._exit(0)
    os.close(wait)
    return Prepared(child, go, arguments, stamps)


def discard(prepared: Prepared | None) -> None:
    """End a prepared child that will not build."""
    if prepared is not None:
        os.close(prepared.go)
        os.waitpid(prepared.pid, 0)


def start_build(arguments: list[str], prepared: Prepared | None) -> int:
    """Start a build: in the prepared child if its code is still the site's."""
    if (
        prepared is not None
        and prepared.arguments == arguments
        and prepared.stamps == code_stamps(arguments)
    ):
        os.write(prepared.go, b"1")
        os.close(prepared.go)
        return prepared.pid
    discard(prepared)
    child = os.fork()
    if child == 0:
        build_in_child(arguments)
    return child


def build_in_child(arguments: list[str]) -> None:
    """Build in this (forked) process and leave it with the build's exit code."""
    code = 1
    try:
        pelican_main(arguments)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # noqa: BLE001 (said, then the exit code says it failed)
        traceback.print_exc()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main() -> None:
    """Build once per line of arguments read from standard input."""
    prepared = None
    try:
        for line in sys.stdin:
            arguments = json.loads(line)
            child = start_build(arguments, prepared)
            _, status = os.waitpid(child, 0)
            print(f"{BUILD_DONE}{os.waitstatus_to_exitcode(status)}", flush=True)
            # The next build's imports, done while the writer reads the page.
            prepared = prepare(arguments)
    finally:
        discard(prepared)


if __name__ == "__main__":
    main()
