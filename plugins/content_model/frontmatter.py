"""Split a Markdown file into its YAML 1.2 front matter and body, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .problems import ContentError

FENCE = "---"


class _FrontMatterConstructor(RoundTripConstructor):
    """Round-trip constructor (keeps line numbers) that leaves timestamps as text.

    `2025-11-06 15:30` is text in YAML 1.2 but `2025-11-06` is a date: keeping
    all of them as text lets fields.moment parse every form in one place.
    """


_FrontMatterConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_scalar
)


@dataclass
class FrontMatter:
    """Parsed front matter: plain values, the file line of each key, and the body."""

    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, key: str) -> int | None:
        """Return the file line where `key` is written, if it is."""
        return self.lines.get(key)


def read_front_matter(path: Path) -> FrontMatter:
    """Read `path`; raise ContentError with a file line when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(
            "the file is not saved as UTF-8 text: save it again as UTF-8 "
            "(Unicode) in your editor"
        ) from None
    return parse_front_matter(text)


def parse_front_matter(text: str) -> FrontMatter:
    """Split and parse `text` (the whole file)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(
            "the file must start with a line '---', then the front matter "
            "(title:, date:, ...), then another '---' line",
            line=1,
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise ContentError(
            "the front matter is not closed: add a line '---' after the last key",
            line=1,
        ) from None
    yaml_text = "\n".join(lines[1:end])
    data = _load_yaml(yaml_text)
    values = _plain(data) if data is not None else {}
    key_lines = {str(k): data.lc.key(k)[0] + 2 for k in data} if data else {}
    return FrontMatter(
        values=values,
        lines=key_lines,
        body="\n".join(lines[end + 1 :]),
        body_line=end + 2,
    )


def _load_yaml(yaml_text: str) -> CommentedMap | None:
    """Parse YAML 1.2; line numbers in errors count from the file's first line."""
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.Constructor = _FrontMatterConstructor
    try:
        data = yaml.load(yaml_text)
    except MarkedYAMLError as error:
        line = yaml_error_line(error)
        raise ContentError(
            _yaml_message(error), line=line + 1 if line else None
        ) from None
    except YAMLError as error:
        raise ContentError(f"the front matter cannot be read: {error}") from None
    if data is not None and not isinstance(data, CommentedMap):
        raise ContentError(
            "the front matter must be lines of 'key: value' (title: ..., date: ...)",
            line=2,
        )
    return data


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


def _yaml_message(error: MarkedYAMLError) -> str:
    """Return a writer's explanation of a YAML syntax error."""
    problem = (error.problem or error.context or "").strip()
    if "duplicate key" in problem:
        return f"{problem}: each key may be written only once"
    return (
        f"the front matter is not valid YAML ({problem}): check for a missing "
        "space after ':', an unclosed quote, or a value with ': ' inside that "
        "needs quotes"
    )


def _plain(value: Any) -> Any:
    """Return ruamel's commented containers as plain dicts and lists."""
    if isinstance(value, CommentedMap):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, CommentedSeq):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
