"""One site's tasks as an invoke collection, their help in its writers' language."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

from invoke import Collection, Task

from . import publishing, tasks
from .site import SITE_ROOT, Site

# The tasks every library's site has (a site's tasks.py may add its own).
SITE_TASKS = (
    tasks.build,
    tasks.preview,
    tasks.check,
    tasks.serve,
    tasks.livereload,
    tasks.edit,
    tasks.new_post,
    tasks.new_language,
    tasks.logo,
    tasks.clean,
    publishing.gates,
    publishing.publish,
)


def site_tasks(root: Path, *more: Task) -> Collection:
    """Return the tasks of the site in `root` (and `more`), its folder configured.

    A site's tasks.py: `namespace = site_tasks(Path(__file__).resolve().parent)`.
    """
    collection = Collection()
    for one in (*SITE_TASKS, *more):
        collection.add_task(one)
    collection.configure({SITE_ROOT: str(root)})
    site = Site(root)
    site.check_settings_files()
    translate_help((*SITE_TASKS, *more), site.gettext)
    return collection


def translate_help(listed: tuple[Task, ...], gettext: Callable[[str], str]) -> None:
    """Show each task's description and options in the writers' language.

    The English texts stay where invoke expects them (docstrings, `help=`);
    tools/babel_tasks.py extracts them into the catalogues. A task's texts
    are translated once, however many collections hold it.
    """
    for one in listed:
        if getattr(one, "_translated", False):
            continue
        if one.__doc__:
            one.__doc__ = gettext(inspect.cleandoc(one.__doc__))
        one.help = {name: gettext(text) for name, text in one.help.items()}
        one._translated = True  # noqa: SLF001 (our mark on invoke's object)
