"""The site a task works on: its folder, settings files, output and addresses."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from site_base.messages import Message, say

# The key of invoke's configuration that names the site's folder.
SITE_ROOT = "site_root"
HOST = "127.0.0.1"
PORT = 8000


@dataclass(frozen=True)
class Site:
    """A library's site: the folder holding content/, data/ and its settings."""

    root: Path

    @classmethod
    def of(cls, c: Any) -> Site:
        """Return the site of the task's context (`site_tasks(root)` names it)."""
        return cls(Path(c.config[SITE_ROOT]))

    @property
    def settings_base(self) -> str:
        """Return the development settings file (pelicanconf.py)."""
        return str(self.root / "pelicanconf.py")

    @property
    def settings_publish(self) -> str:
        """Return the production settings file (publishconf.py)."""
        return str(self.root / "publishconf.py")

    @property
    def content(self) -> str:
        """Return the content folder."""
        return str(self.root / "content")

    @property
    def output(self) -> str:
        """Return the output folder the tasks build into by default."""
        return str(self.root / "output")

    @property
    def cache(self) -> str:
        """Return the caches' folder (kept by `clean`, not by `clean --all`)."""
        return str(self.root / ".cache")

    def settings(self, override: dict[str, Any] | None = None) -> dict[str, Any]:
        """Return the development settings (pelicanconf.py), with `override`."""
        return site_settings(self.settings_base, override)

    def check_settings_files(self) -> None:
        """End the task with where and what when a settings file is not Python.

        Read as text and compiled only (milliseconds, at every task's
        start); a mistake of their code is said when they are read.
        """
        for path in (self.settings_base, self.settings_publish):
            if Path(path).is_file():
                check_settings_source(path)

    @property
    def gettext(self) -> Callable[[str], str]:
        """Return the gettext of the writers' language (the content messages')."""
        return writers_gettext_of(self.settings_base)


@functools.cache
def writers_gettext_of(settings_file: str) -> Callable[[str], str]:
    """Return the writers' gettext of the site whose settings are `settings_file`."""
    from site_build.facts import writers_gettext  # noqa: PLC0415 (settings first)

    return writers_gettext(site_settings(settings_file))


# The first line of what `copier update` (or git) leaves where both the site
# and the template changed the same lines.
_CONFLICT = "<<<<<<< "


def check_settings_source(path: str) -> None:
    """End the task, said in words, if the file at `path` is not Python.

    Not Python's traceback: the person who ran `copier update` or edited
    the file is told the file, the line and what to do.
    """
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        message = say(
            "{file}: not UTF-8 text. Save it as UTF-8, then run the task again.",
            file=Path(path).name,
        )
        raise SystemExit(_settings_message(path, message)) from None
    lines = text.splitlines()
    conflict = next(
        (n for n, line in enumerate(lines, 1) if line.startswith(_CONFLICT)), 0
    )
    if conflict:
        raise SystemExit(
            _settings_message(
                path,
                say(
                    "{file}, line {line}: an update left two versions here, "
                    "between the lines <<<<<<< and >>>>>>>. Keep the one you "
                    "want, delete the lines <<<<<<<, ======= and >>>>>>>, then "
                    "run the task again.",
                    file=Path(path).name,
                    line=conflict,
                ),
            )
        )
    try:
        compile(text, path, "exec")
    except SyntaxError as error:
        raise SystemExit(_syntax_message(path, error)) from None


def site_settings(path: str, override: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read a settings file; a mistake in it ends the task, said in words."""
    check_settings_source(path)
    try:
        return read_settings(path, override=override)
    except SyntaxError as error:  # in a file the settings import
        raise SystemExit(_syntax_message(error.filename or path, error)) from None
    except Exception as error:  # noqa: BLE001 (any mistake of the file's code)
        message = say(
            "{file}: the settings stop with an error ({error}). Correct it, "
            "then run the task again.",
            file=Path(path).name,
            error=f"{type(error).__name__}: {error}",
        )
    raise SystemExit(_settings_message(path, message))


def _syntax_message(path: str, error: SyntaxError) -> str:
    """Return what to tell of a line of a settings file Python cannot read."""
    message = say(
        "{file}, line {line}: this is not a setting Python can read "
        "({reason}). Correct that line, then run the task again.",
        file=Path(path).name,
        line=error.lineno or 1,
        reason=error.msg,
    )
    return _settings_message(path, message)


def _settings_message(path: str, message: Message) -> str:
    """Return `message` in the writers' language (the site's cannot be read)."""
    from site_build.defaults import generator_settings  # noqa: PLC0415
    from site_build.facts import writers_gettext  # noqa: PLC0415

    root = Path(path).resolve().parent
    settings = {**generator_settings(root), "PATH": str(root / "content")}
    return message.render(writers_gettext(settings))
