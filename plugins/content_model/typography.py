"""Python-Markdown's smarty, made to skip the text it cannot change.

Smarty (typographic quotes, dashes, ellipses) runs a second inline pass
over every piece of text of a document, trying a dozen patterns on each:
more than half of the time a long report takes to render (8 of 14 ms).
Every one of its patterns needs a quote, "--", "..." or an angled quote
pair; text with none of them is marked as Python-Markdown's AtomicString
just before smarty's pass, which then leaves it as it is, as it would
have left it anyway: the HTML is the same, byte for byte (tests).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# What at least one of smarty's patterns needs to match.
_SMARTY_CAN_CHANGE = re.compile(r"['\"]|--|\.\.\.|<<|>>")
# Smarty's pass runs at priority 6 (abbr's at 7): this one runs between.
_BEFORE_SMARTY = 6.5


class _QuietTextMarked(Treeprocessor):
    """Mark as atomic every text no smarty pattern can change."""

    def run(self, root: Any) -> None:
        for element in root.iter():
            text, tail = element.text, element.tail
            if _quiet(text):
                element.text = AtomicString(text)
            if _quiet(tail):
                element.tail = AtomicString(tail)


def _quiet(text: str | None) -> bool:
    return (
        bool(text)
        and not isinstance(text, AtomicString)
        and not _SMARTY_CAN_CHANGE.search(text)
    )


class QuickSmartyExtension(Extension):
    """Let smarty's pass skip what it cannot change (add after smarty)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        """Register the marking just before smarty's pass, if smarty is there."""
        if "smarty" in md.treeprocessors:
            md.treeprocessors.register(
                _QuietTextMarked(md), "smarty_quiet_text", _BEFORE_SMARTY
            )
