"""YAML 1.2 as the site reads it: line numbers kept, timestamps left as text.

One loader for front matter, data/categories.yml, data/tags.yml and a
gallery's captions.yml, so that `no` stays a word and `4:35` a duration in
every file a writer edits (YAML 1.1 readers make them False and 275).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError

from site_base.messages import say

from .problems import ContentError


class _Constructor(RoundTripConstructor):
    """Round-trip constructor (keeps line numbers) that leaves timestamps as text.

    `2025-11-06 15:30` is text in YAML 1.2 but `2025-11-06` is a date: keeping
    all of them as text lets fields.moment parse every form in one place.
    """


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_scalar
)


class YamlSyntaxError(ContentError):
    """Text that is not YAML; `problem` is the parser's words, `line` 1-based."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(f"is not valid YAML ({problem})", line)
        self.problem = problem


# Characters no editor shows and no page may hold (the HTML standard's
# controls and noncharacters): left by a broken save or a copy from another
# program. Tab, line feed and carriage return are text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]"
)


def read_text(path: Path) -> str:
    """Return the text of a file a writer saved; refuse what is not UTF-8 text."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ContentError(
            say(
                "the file is not saved as UTF-8 text, so its letters would "
                "come out wrong: open it and save it again as UTF-8 (Notepad: "
                "File > Save as, Encoding: UTF-8; LibreOffice or Word: Save "
                "as, Text, character set Unicode (UTF-8))"
            ),
            line,
        ) from None
    except OSError:
        raise ContentError(
            say(
                "the file cannot be opened (no permission to read it): ask a "
                "developer to check its permissions"
            )
        ) from None
    invisible = _INVISIBLE.search(text)
    if invisible:
        raise ContentError(
            say(
                "this line holds an invisible character (U+{code}) that a "
                "page cannot show, left by a broken save or a copy from "
                "another program: delete the line and type it again",
                code=f"{ord(invisible.group()):04X}",
            ),
            text.count("\n", 0, invisible.start()) + 1,
        )
    return text


def load_yaml(text: str) -> Any:
    """Parse `text` as YAML 1.2 (maps and lists keep their lines in `.lc`)."""
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.Constructor = _Constructor
    try:
        return yaml.load(text)
    except YAMLError as error:
        problem = getattr(error, "problem", None) or getattr(error, "context", None)
        raise YamlSyntaxError(
            (problem or str(error)).strip(), yaml_error_line(error)
        ) from None


def read_yaml(path: Path) -> Any:
    """Read and parse a YAML 1.2 data file."""
    return load_yaml(read_text(path))


def yaml_error_line(error: YAMLError) -> int | None:
    """Return the 1-based line of a YAML error where a writer should look.

    When the parser ran to the end of the text (an unclosed quote or bracket),
    the line where the unclosed value started is the useful one.
    """
    problem = getattr(error, "problem", "") or ""
    marks = [getattr(error, "problem_mark", None), getattr(error, "context_mark", None)]
    if "end of stream" in problem or "stream end" in problem:
        marks.reverse()
    mark = next((m for m in marks if m is not None), None)
    return mark.line + 1 if mark else None
