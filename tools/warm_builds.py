"""The live preview's warm build process: libraries imported once, a fork per build.

A build in a new Python process spends a third of a second importing
Pelican, Jinja, Markdown, Babel, Pillow, lxml... before reading a file. This
process imports those once, then, for each line of JSON (Pelican's
arguments) it reads, forks: the child imports the site's plugins and
settings afresh (an edited plugin takes effect, as in a new process) and
builds; the parent prints BUILD_DONE with the child's exit code.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

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

BUILD_DONE = "build-done: "


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
    for line in sys.stdin:
        arguments = json.loads(line)
        child = os.fork()
        if child == 0:
            build_in_child(arguments)
        _, status = os.waitpid(child, 0)
        print(f"{BUILD_DONE}{os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    main()
