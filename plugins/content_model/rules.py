"""Rules between keys of one document: category, correction, dates, event, audio."""

from __future__ import annotations

from datetime import date, datetime, time

from site_base.messages import say

from .audio import AUDIO_SUFFIXES, audio_problem
from .categories import Categories
from .model import Document
from .problems import ProblemList
from .regular_files import named_file_problem


def check_rules(
    document: Document, categories: Categories, problems: ProblemList
) -> None:
    """Apply every rule; a rule speaks only when this file sets one of its keys.

    A translation inherits its original's values: a bad value is reported once,
    in the file that wrote it.
    """
    values = document.values
    if "category" in values and not values["category"] and categories.readable:
        # new-post leaves it empty for the writer to choose.
        problems.error(
            document.path,
            say(
                "'category' is empty: choose one of {choices}",
                choices=categories.choices(),
            ),
            document.line_of("category"),
        )
    elif "category" in values:
        document.category = categories.find(values["category"])
        # An unreadable categories file is reported once, not once per post.
        if (
            document.category is None
            and document.sets("category")
            and categories.readable
        ):
            problems.error(
                document.path,
                say(
                    "the category '{category}' is not in data/categories.yml: "
                    "use one of {choices}",
                    category=values["category"],
                    choices=categories.choices(),
                ),
                document.line_of("category"),
            )
    if (
        "correction" in values
        and "modified" not in values
        and document.sets("correction")
    ):
        problems.error(
            document.path,
            say(
                "a 'correction' needs the date it was made: add a line like "
                "'modified: 2025-11-07 09:00'"
            ),
            document.line_of("correction"),
        )
    _check_order(document, "date", "modified", problems)
    event = values.get("event") or {}
    if (
        "end" in event
        and "start" in event
        and _day_and_time(event["end"]) < _day_and_time(event["start"])
        and document.sets("event")
    ):
        problems.error(
            document.path,
            say("the event ends before it starts: check 'event' start and end"),
            document.line_of("event"),
        )
    if "audio" in values and document.sets("audio"):
        _check_audio(document, problems)


def _check_order(
    document: Document, first: str, later: str, problems: ProblemList
) -> None:
    values = document.values
    in_order = (
        first not in values or later not in values or values[first] <= values[later]
    )
    if not in_order and (document.sets(first) or document.sets(later)):
        problems.error(
            document.path,
            say(
                "'{later}' is before '{first}': a correction comes after publication",
                later=later,
                first=first,
            ),
            document.line_of(later),
        )


def _check_audio(document: Document, problems: ProblemList) -> None:
    name = document.values["audio"]
    path = document.bundle.folder / name
    if path.suffix.lower() not in AUDIO_SUFFIXES:
        problems.error(
            document.path,
            say(
                "'{name}' is not an audio type browsers play: use .mp3, .m4a or .ogg",
                name=name,
            ),
            document.line_of("audio"),
        )
        return
    message = named_file_problem(name, path, document.bundle.folder)
    if message is None:
        message = (
            audio_problem(path)
            if path.is_file()
            else say(
                "there is no audio file '{name}' in this folder: copy it here "
                "or fix the name",
                name=name,
            )
        )
    if message:
        problems.error(document.path, message, document.line_of("audio"))


def _day_and_time(value: date | datetime) -> tuple[date, time]:
    """Order a whole day (an all-day event) and a moment on the same scale."""
    if isinstance(value, datetime):
        return value.date(), value.time()
    return value, time.min
