"""Builds and tasks for the tests in a warm process: libraries imported once.

A test build in a new interpreter spends most of a second importing Python,
Pelican, Jinja, Markdown, Babel, Pillow, lxml... before it reads a file.
This server imports them once; for each request (a line of JSON: Pelican's
arguments, the environment, where to write standard output and error) it
forks, and the child runs `python -m pelican` (or `python -m invoke`) as a
new process would: with that environment, its own output files, tasks.py
and the settings read afresh, and its exit code. The site's plugins are
imported once too (no test edits them; the live preview's warm builds,
which must notice an edited plugin, are product code tested on their own),
but nothing of them runs in the server: each child registers and runs them.
Each test worker has one server (`WarmBuilds`); `run_pelican` and `run_task`
use it, so a test sees exactly what a separate process would give it.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
# The libraries a small build or task adds to sys.modules: imported once
# here, each child finds them loaded and imports only what it must read
# afresh (the settings, tasks.py).
PRELOADED = (
    "_strptime",
    "asyncio",
    "babel.dates",
    "babel.messages.pofile",
    "babel.support",
    "bs4",
    "concurrent.futures.process",
    "difflib",
    "encodings.utf_8_sig",
    "feedgen.ext.dc",
    "feedgen.ext.podcast",
    "feedgen.ext.podcast_entry",
    "feedgen.feed",
    "icalendar",
    "invoke.main",
    "jinja2",
    "jinja2.ext",
    "lxml.etree",
    "markdown",
    *(
        f"markdown.extensions.{name}"
        for name in (
            "abbr",
            "attr_list",
            "codehilite",
            "def_list",
            "extra",
            "fenced_code",
            "footnotes",
            "md_in_html",
            "sane_lists",
            "smarty",
            "tables",
        )
    ),
    "mutagen.easyid3",
    "mutagen.mp3",
    "mutagen.mp4",
    "mutagen.oggvorbis",
    "nh3",
    "numpy",
    "pagefind.service",
    "pelican.generators",
    "pelican.readers",
    "pelican.writers",
    "PIL.Image",
    "PIL.ImageCms",
    "PIL.ImageOps",
    "rich._emoji_codes",
    "rich.live",
    "rich.status",
    "rich.table",
    "ruamel.yaml",
    "ruamel.yaml.mergevalue",
    # Unidecode's tables of Latin letters, Vietnamese ones among them (slugs).
    "unidecode.x000",
    "unidecode.x001",
    "unidecode.x01e",
    "unittest.mock",
    "yaml",
)


def _serve() -> None:
    """Read requests on standard input; answer each with the build's exit code."""
    # What every build imports, the site's plugins included: a test never
    # edits them (the live preview's own warm builds, which must see an edited
    # plugin, are product code and tested apart).
    for library in PRELOADED:
        importlib.import_module(library)
    # Markdown looks its extensions up among every installed package's entry
    # points (a fiftieth of a CPU-second) in each process, once: here.
    markdown_util = importlib.import_module("markdown.util")
    markdown_util.get_installed_extensions()
    for package in sorted((REPO / "plugins").glob("*/__init__.py")):
        plugin = importlib.import_module(package.parent.name)
        for module in pkgutil.walk_packages(plugin.__path__, f"{plugin.__name__}."):
            importlib.import_module(module.name)
    # The theme's catalogues, compiled once (cached by path and modification
    # time: a test that edits one gets it compiled afresh), and Babel's data
    # of those languages (dates, numbers), read once.
    from babel import Locale  # noqa: PLC0415

    from site_base.catalogues import translations  # noqa: PLC0415

    for language in sorted((REPO / "theme" / "translations").glob("*/")):
        translations(REPO / "theme", language.name)
        Locale.parse(language.name).date_formats  # noqa: B018 (loads the data)
    # What is loaded now lives as long as the server: the collector of each
    # child need not walk it (nor copy its pages by touching them).
    gc.freeze()

    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _build_in_child(request)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


def _build_in_child(request: dict[str, Any]) -> None:
    """Build as `python -m pelican <arguments>` would in a process of its own."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # Standard input is the server's requests: a child reads nothing of it
        # (invoke passes its input on to the commands it runs).
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)
        os.close(nothing)
        for descriptor, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(target, descriptor)
            os.close(target)
        program, arguments = request["program"], request["arguments"]
        sys.argv = [program, *arguments]
        try:
            if program == "invoke":
                from invoke.main import program as invoke  # noqa: PLC0415

                invoke.run(sys.argv)
            else:
                from pelican import main  # noqa: PLC0415

                main(arguments)
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:  # noqa: BLE001 (printed, as Python would)
            traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


class WarmBuilds:
    """This process's build server, started at the first build it is asked for."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def run(  # noqa: PLR0913 (what subprocess.run would be given)
        self,
        program: str,
        arguments: list[str],
        env: dict[str, str],
        cwd: Path,
        folder: Path,
    ) -> subprocess.CompletedProcess:
        """Run `python -m <program> <arguments>`; return what subprocess.run would."""
        stdout, stderr = folder / "build.stdout", folder / "build.stderr"
        request = {
            "program": program,
            "arguments": arguments,
            "env": env,
            "cwd": str(cwd),
            "stdout": str(stdout),
            "stderr": str(stderr),
        }
        with self.lock:
            process = self._server(env)
            assert process.stdin is not None and process.stdout is not None  # noqa: S101
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            answer = process.stdout.readline()
        if not answer:
            raise RuntimeError("the warm build server stopped")
        return subprocess.CompletedProcess(
            [program, *arguments],
            int(answer),
            stdout.read_text("utf-8", errors="replace"),
            stderr.read_text("utf-8", errors="replace"),
        )

    def _server(self, env: dict[str, str]) -> subprocess.Popen:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(  # noqa: S603 (our own server)
                # As a script: the server imports nothing of the tests or the site.
                [sys.executable, str(Path(__file__).resolve())],
                cwd=REPO,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        return self.process


if __name__ == "__main__":
    _serve()
