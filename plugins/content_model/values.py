"""Check a file's front matter against its schema: known keys, types, required keys."""

from __future__ import annotations

import difflib
from datetime import tzinfo
from pathlib import Path
from typing import Any

from site_base.messages import say

from .fields import describe
from .frontmatter import FrontMatter
from .problems import ContentError, ProblemList
from .schemas import Field, Group, Schema


def check_values(
    front: FrontMatter,
    schema: Schema,
    required: tuple[str, ...],
    *,
    tz: tzinfo,
    path: Path,
    problems: ProblemList,
) -> dict[str, Any]:
    """Return the checked values of `front`; record each problem with its line."""
    checked: dict[str, Any] = {}
    for key, value in front.values.items():
        line = front.line_of(key)
        spec = schema.fields.get(key)
        if spec is None:
            problems.error(path, _unknown_key_message(key, schema), line)
            continue
        try:
            checked[key] = _check(spec, value, tz)
        except ContentError as error:
            problems.error(
                path, say("'{key}' {message}", key=key, message=error.message), line
            )
    for key in required:
        if key not in front.values:
            problems.error(path, _missing_key_message(key, schema), 1)
    return checked


def _check(spec: Field | Group, value: Any, tz: tzinfo) -> Any:
    if isinstance(spec, Field):
        return spec.check(value, tz)
    if not isinstance(value, dict):
        raise ContentError(
            say(
                "must be a group of keys, not {describe}: {example}",
                describe=describe(value),
                example=spec.example,
            )
        )
    checked = {}
    for key, sub_value in value.items():
        sub_spec = spec.fields.get(key)
        if sub_spec is None:
            allowed = ", ".join(spec.fields)
            raise ContentError(
                say(
                    "has an unknown key '{key}': use {allowed}",
                    key=key,
                    allowed=allowed,
                )
            )
        try:
            checked[key] = sub_spec.check(sub_value, tz)
        except ContentError as error:
            raise ContentError(
                say("key '{key}' {message}", key=key, message=error.message)
            ) from None
    missing = [k for k, s in spec.fields.items() if s.required and k not in value]
    if missing:
        raise ContentError(
            say(
                "needs '{missing}': {example}", missing=missing[0], example=spec.example
            )
        )
    return checked


def _unknown_key_message(key: str, schema: Schema) -> str:
    close = difflib.get_close_matches(key, schema.fields, n=1, cutoff=0.6)
    hint = (
        say("did you mean '{close}'?", close=close[0])
        if close
        else say("check its spelling")
    )
    return say(
        "'{key}' is not a key a {kind} can have: {hint}",
        key=key,
        kind=schema.kind,
        hint=hint,
    )


def _missing_key_message(key: str, schema: Schema) -> str:
    spec = schema.fields[key]
    example = (
        say(": add a line like '{example}'", example=spec.example)
        if spec.example
        else ""
    )
    return say("the front matter needs '{key}'{example}", key=key, example=example)
