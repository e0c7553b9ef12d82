"""Writer-facing messages: English in the code, shown in the writer's language.

`say("the photo '{name}' has no alt text", name=src)` is a Message: a str (its
English text, so that it sorts, compares and prints as before) that also
keeps its template and values, so the report can show it through the
message catalogues in the site's language (`render`). A value may itself be
a Message (an error inside an error): it is translated too. The templates
are extracted into theme/translations with the rest (`invoke i18n-extract`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any


class _PlainStderrHandler(logging.StreamHandler):
    """Print writers' messages as plain lines on the current stderr.

    Pelican's rich log handler wraps long lines at the terminal's width; a
    writer (and a test) needs each problem on one line, the file name first.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("%(message)s"))

    @property
    def stream(self):  # noqa: D102 (looked up at each message: tests swap stderr)
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


# The log of what writers read (content problems, a skipped build's warnings).
writers_log = logging.getLogger("site.writers")
writers_log.addHandler(_PlainStderrHandler())
writers_log.propagate = False
writers_log.setLevel(logging.INFO)


class Message(str):
    """A message's English text, its template and its values."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Message:
        """Make the message; its str value is the English text."""
        message = super().__new__(cls, template.format(**values))
        message.template = template
        message.values = values
        return message

    def render(self, gettext: Callable[[str], str]) -> str:
        """Return the message in the language of `gettext`."""
        values = {
            key: value.render(gettext) if isinstance(value, Message) else value
            for key, value in self.values.items()
        }
        return gettext(self.template).format(**values)


def say(template: str, **values: Any) -> Message:
    """Return a writer-facing message (the catalogues' keyword: `say`)."""
    return Message(template, **values)


def did_you_mean(found: list[str]) -> str:
    """Return " Did you mean 'x'?" for the first name `found`, or ''."""
    return say(" Did you mean '{close}'?", close=found[0]) if found else ""


def rendered(message: str, gettext: Callable[[str], str]) -> str:
    """Return any message in the language of `gettext` (plain text as it is)."""
    return message.render(gettext) if isinstance(message, Message) else message
