"""Split a Markdown file into its YAML 1.2 front matter and body, with line numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from site_base.messages import say

from .fast_yaml import load_front_matter
from .frontmatter_mistakes import check_lines, is_fence, normalized
from .model import FrontMatter
from .problems import ContentError
from .yaml_files import YamlSyntaxError, load_yaml, read_text


def read_front_matter(path: Path) -> FrontMatter:
    """Read `path`; raise ContentError with a file line when it cannot be read."""
    return parse_front_matter(read_text(path))


def parse_front_matter(text: str) -> FrontMatter:
    """Split and parse `text` (the whole file).

    A word processor's `—` for `---` and tabs are read as meant; the usual
    mistakes in values are explained before YAML sees them
    (frontmatter_mistakes).
    """
    if not text.strip():
        raise ContentError(
            say(
                "the file is empty: start it with a line '---', the keys "
                "(title:, date:, category: ...), another '---' line, then "
                "the text (./dev new-post writes one for you)"
            ),
            line=1,
        )
    lines = text.replace("\r\n", "\n").split("\n")
    if not is_fence(lines[0]):
        raise ContentError(
            say(
                "the file must start with a line '---', then the front "
                "matter (title:, date:, ...), then another '---' line"
            ),
            line=1,
        )
    try:
        end = next(i for i in range(1, len(lines)) if is_fence(lines[i]))
    except StopIteration:
        raise ContentError(
            say(
                "the front matter is not closed: add a line '---' after the "
                "last key (before the text of the post)"
            ),
            line=1,
        ) from None
    check_lines(lines[1:end], first_line=2)
    yaml_text = "\n".join(normalized(line) for line in lines[1:end])
    fast = load_front_matter(yaml_text)
    if fast is not None:  # the YAML text starts on the file's second line
        values, key_lines = fast[0], {key: n + 1 for key, n in fast[1].items()}
    else:
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
    try:
        data = load_yaml(yaml_text)
    except YamlSyntaxError as error:
        # The front matter starts on the file's second line, after '---'.
        line = error.line + 1 if error.line else None
        raise ContentError(_yaml_message(error.problem), line=line) from None
    if data is not None and not isinstance(data, CommentedMap):
        raise ContentError(
            say(
                "the front matter must be lines of 'key: value' (title: ..., date: ...)"
            ),
            line=2,
        )
    return data


def _yaml_message(problem: str) -> str:
    """Return a writer's explanation of a YAML syntax error (no parser words)."""
    if "duplicate key" in problem:
        key = problem.split('"')[1] if '"' in problem else ""
        return say(
            "the key '{key}' is written twice: keep only one of the two lines", key=key
        )
    return say(
        "this line of the front matter cannot be read: check for a "
        "missing space after ':', a quote or a bracket [ that is "
        "opened but not closed, or a value with ': ' inside that "
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
