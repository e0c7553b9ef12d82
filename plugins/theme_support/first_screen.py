"""The styles of a page's first screen, carried in the page itself.

On a slow network (2 s a round trip) a stylesheet in the <head> costs a
second round trip before anything paints. Each page therefore carries the
theme stylesheet's rules in a <style> (allowed by its hash in the
Content-Security-Policy) and loads the whole file at the end of its <body>,
where it blocks nothing above it. The file applies every rule again in its
own order, so a page looks the same once it has arrived; what is never on a
first screen (share buttons, tables, the lightbox...) is marked in the
stylesheet and left out of the <style>.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

# /* later { */ ... /* } later */: rules the <style> leaves out.
_LATER = re.compile(r"/\*\s*later\s*\{\s*\*/.*?/\*\s*\}\s*later\s*\*/", re.S)
_UNCLOSED = re.compile(r"/\*\s*(later\s*\{|\}\s*later)\s*\*/")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s+")
_AROUND_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")


@dataclass(frozen=True)
class ThemeStyle:
    """What a page needs of the theme's stylesheet: its <style>, the file's path."""

    first_screen: str
    path: str


class UnbalancedMarkers(ValueError):
    """A "later {" marker without its "} later" (or the reverse)."""


def first_screen_css(stylesheet: str) -> str:
    """Return `stylesheet` without its "later" rules and comments, compacted.

    Only whitespace is removed, never a space that separates (a descendant
    selector's): the result means what the file means.
    """
    kept = _LATER.sub("", stylesheet)
    if _UNCLOSED.search(kept):
        raise UnbalancedMarkers(
            "a '/* later { */' marker needs its '/* } later */' in the stylesheet"
        )
    kept = _COMMENT.sub("", kept)
    kept = _SPACE.sub(" ", kept)
    return _AROUND_PUNCTUATION.sub(r"\1", kept).strip()


def style_source(css: str) -> str:
    """Return the policy source that allows a <style> holding exactly `css`."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
