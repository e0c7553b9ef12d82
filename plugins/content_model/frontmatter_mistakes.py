"""The front-matter mistakes writers really make, found before YAML reads the text.

A YAML parser either misreads them silently (`title: #1 Sách hay` is an
empty title: `#` starts a comment) or stops with its own jargon ("mapping
values are not allowed here"). Each is found here on its exact line and
explained in plain words, with the corrected line to copy. What a word
processor does without asking (tabs, `—` for `---`) is simply accepted
where its meaning is clear: see `normalized`.
"""

from __future__ import annotations

import re

from site_base.messages import say

from .problems import ContentError

# A fence line as word processors may turn it: ---, —, –, —— ...
FENCE = re.compile(r"^\s*(?:-{3,}|[—–]{1,3}-?)\s*$")
# "key: value" at the start of a line (the keys of the content model).
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*):[ \t]+(?P<value>\S.*?)\s*$")
_OPENERS = ('"', "'", "[", "{", "|", ">", "&", "*", "!")


def is_fence(line: str) -> bool:
    """Return whether a line closes or opens front matter (--- or a dash)."""
    return bool(FENCE.match(line))


def normalized(line: str) -> str:
    """Return a front-matter line with tabs as spaces (YAML refuses tabs)."""
    return line.replace("\t", "  ")


def check_lines(lines: list[str], first_line: int) -> None:
    """Raise ContentError for the first mistake among front-matter `lines`.

    `first_line` is the file line of lines[0].
    """
    for offset, line in enumerate(lines):
        match = _KEY_VALUE.match(normalized(line))
        if match is None:
            continue
        key, value = match.group("key"), match.group("value")
        message = _mistake(key, value) or _unclosed(key, value, lines[offset + 1 :])
        if message:
            raise ContentError(message, line=first_line + offset)


def _mistake(key: str, value: str) -> str | None:
    """Return what is wrong with `key: value`, with the line to write, or None."""
    if value.startswith("#"):
        return say(
            "the value of '{key}' starts with '#', which marks a "
            "comment: the value would be empty. Put it in quotes: {key}: "
            "{quoted}",
            key=key,
            quoted=_quoted(value),
        )
    if value.startswith('"') and _inner(value, '"'):
        fixed = '"' + _curly(value[1:-1] if value.endswith('"') else value[1:]) + '"'
        return say(
            "the value of '{key}' has quotes inside quotes: use “ ” "
            "inside, like this: {key}: {fixed}",
            key=key,
            fixed=fixed,
        )
    if value.startswith("'") and _inner(value, "'"):
        inner = value[1:-1] if value.endswith("'") else value[1:]
        return say(
            "the value of '{key}' has an apostrophe inside single "
            "quotes: use double quotes around it: {key}: {quoted}",
            key=key,
            quoted=_quoted(inner),
        )
    if not value.startswith(_OPENERS) and (": " in value or value.endswith(":")):
        return say(
            "the value of '{key}' has a colon (:) in it, which would "
            "make it a new key: put the whole value in quotes: {key}: "
            "{quoted}",
            key=key,
            quoted=_quoted(value),
        )
    return None


def _unclosed(key: str, value: str, following: list[str]) -> str | None:
    """Return why a list, group or quote opened on this line is never closed.

    Such a value may go on over indented lines; the next key (a line at the
    margin) or the end of the front matter shows it was left open.
    """
    closers = {"[": "]", "{": "}", '"': '"'}
    opener = value[:1]
    if opener not in closers:
        return None
    text = value
    for line in following:
        if not line[:1].isspace():
            break
        text += " " + line.strip()
    closed = (
        text.count('"') - text.count('\\"') >= 2  # noqa: PLR2004 (a pair)
        if opener == '"'
        else text.count(opener) <= text.count(closers[opener])
    )
    if closed:
        return None
    fixed = value + closers[opener]
    kind = "quote" if opener == '"' else f"bracket {opener}"
    return say(
        "the {kind} opened in '{key}' is not closed: add {closers} "
        "at the end, like this: {key}: {fixed}",
        kind=kind,
        key=key,
        closers=closers[opener],
        fixed=fixed,
    )


def _inner(value: str, quote: str) -> bool:
    """Return whether a quoted value has the same quote inside it."""
    body = value[1:-1] if value.endswith(quote) and len(value) > 1 else value[1:]
    body = body.replace('\\"', "") if quote == '"' else body.replace("''", "")
    return quote in body


def _curly(text: str) -> str:
    """Return `text` with straight double quotes turned into “ ” pairs."""
    parts = text.replace('\\"', '"').split('"')
    return (
        "".join(
            part + ("“" if index % 2 == 0 else "”")
            for index, part in enumerate(parts[:-1])
        )
        + parts[-1]
    )


def _quoted(text: str) -> str:
    """Return `text` in double quotes, its own double quotes made curly."""
    return '"' + _curly(text) + '"'
