"""Content problems: what is wrong with a file, in words a writer understands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from site_base.messages import rendered, say
from site_base.messages import writers_log as logger

ERROR = "error"
WARNING = "warning"
# The words before each message, translated with the messages.
_LABELS = (say("error"), say("warning"))


def _same(message: str) -> str:
    """Return `message` as it is (the English source messages)."""
    return message


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file; `line` is 1-based, or None when no line applies."""

    path: Path
    line: int | None
    message: str
    severity: str = ERROR

    def describe(
        self, root: Path | None = None, gettext: Callable[[str], str] = _same
    ) -> str:
        """Return the one-line text shown to the writer, in `gettext`'s language."""
        shown = _shown_path(self.path, root)
        where = f"{shown}:{self.line}" if self.line else str(shown)
        return f"{where}: {gettext(self.severity)}: {rendered(self.message, gettext)}"


def _order(problem: Problem) -> tuple[Path, int, str]:
    """Sort by file, then line (problems of a whole file first), then message."""
    return problem.path, problem.line or 0, problem.message


class ContentError(ValueError):
    """A value or file a writer must fix; carries the 1-based line if known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class ContentProblems(SystemExit):
    """Stop the build after the problems were listed.

    A SystemExit, not an Exception: Pelican's main() logs any Exception with its
    traceback, and a writer must never see one for a content problem.
    """

    def __init__(self) -> None:
        super().__init__(1)


@dataclass
class ProblemList:
    """Collects problems so that every one is reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: Path, message: str, line: int | None = None) -> None:
        """Record an error that stops the build."""
        self.problems.append(Problem(path, line, message, ERROR))

    def warning(self, path: Path, message: str, line: int | None = None) -> None:
        """Record a warning that is shown but does not stop the build."""
        self.problems.append(Problem(path, line, message, WARNING))

    def add(self, path: Path, error: ContentError) -> None:
        """Record a ContentError raised while reading `path`."""
        self.error(path, error.message, error.line)

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that stop the build, in file and line order."""
        return sorted((p for p in self.problems if p.severity == ERROR), key=_order)

    @property
    def warnings(self) -> list[Problem]:
        """Return the problems that do not stop the build."""
        return sorted((p for p in self.problems if p.severity == WARNING), key=_order)

    def report(
        self,
        root: Path | None = None,
        gettext: Callable[[str], str] = _same,
        output: Path | None = None,
    ) -> None:
        """Log every problem, one line each, warnings first, in `gettext`'s language.

        The summary names the `output` folder the build left as it was
        (output/ when not given: `check` builds nothing).
        """
        for problem in self.warnings:
            logger.warning("%s", problem.describe(root, gettext))
        for problem in self.errors:
            logger.error("%s", problem.describe(root, gettext))
        count = len(self.errors)
        if count:
            summary = (
                say("1 error in the content: fix it and run again.")
                if count == 1
                else say(
                    "{count} errors in the content: fix them and run again.",
                    count=count,
                )
            )
            folder = _shown_path(output, root) if output else Path("output")
            not_built = say(
                "The site was not built; {folder}/ was not changed.", folder=folder
            )
            logger.error("%s %s", summary.render(gettext), not_built.render(gettext))


def _shown_path(path: Path, root: Path | None) -> Path:
    """Return `path` relative to `root` (or the working folder) when inside it."""
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            # The folder resolved, not the file: a link is shown where it is.
            return (path.parent.resolve() / path.name).relative_to(base.resolve())
        except ValueError:
            continue
    return path
