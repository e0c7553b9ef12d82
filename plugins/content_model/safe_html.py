"""Raw HTML in a post: harmless markup kept, the rest refused in plain words.

Writers paste what they find: a table from a report, `<br>`, `<sup>`, an
embed code from Facebook, a `<script>` from an advertising widget. After
Markdown, the body is read twice: the writer's own HTML (Markdown keeps each
piece aside, in its "stash") for the elements it holds, and the whole body
for attributes and link addresses (Markdown's `{: ...}` attributes and
`[text](address)` links make those too). What could run code, send readers'
data elsewhere or load another site into the page is a content error that
says what to do instead; what is only dropped (a `style` attribute, `<font>`)
is a warning. Then nh3 (the ammonia sanitizer) cleans the body with the same
allow-list, so nothing outside it is published even if a rule here missed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import nh3

from site_base.messages import Message, say
from video_embeds import video_from_player

# What a writer may write in HTML (docs/content-model.md).
WRITER_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite"),
        *("code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div"),
        *("dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp"),
        *("rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary"),
        *("sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u"),
        *("ul", "var", "wbr"),
    }
)
# What the build itself writes in a body: photos, video players, footnotes.
BUILD_TAGS = frozenset({"picture", "source", "img"})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "dir", "title"})
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target"},
    "blockquote": {"cite"},
    "col": {"span"},
    "colgroup": {"span"},
    "data": {"value"},
    "del": {"cite", "datetime"},
    "details": {"open"},
    "ins": {"cite", "datetime"},
    "li": {"value"},
    "ol": {"start", "reversed", "type"},
    "q": {"cite"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "time": {"datetime"},
}
# ... and the attributes of the build's own markup.
BUILD_ATTRIBUTES = {
    "a": {
        "aria-label",
        "data-pagefind-ignore",
        "data-player",
        "data-title",
        "data-pswp-width",
        "data-pswp-height",
    },
    "img": {
        "src",
        "srcset",
        "sizes",
        "alt",
        "width",
        "height",
        "loading",
        "decoding",
        "fetchpriority",
    },
    "source": {"srcset", "sizes", "type", "media"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SHOWN = 40  # characters of a refused address the message shows

# Markdown's tables align columns with style="text-align: ..."; a class does
# the same without an inline style (which the Content-Security-Policy blocks).
_TABLE_ALIGN = re.compile(r' style="text-align: (left|right|center);"')

ALLOWED_TAGS = WRITER_TAGS | BUILD_TAGS
# Each element's own attributes, from what writers and the build may write.
_OWN_ATTRIBUTES = {
    tag: frozenset(ATTRIBUTES.get(tag, set()) | BUILD_ATTRIBUTES.get(tag, set()))
    for tag in ATTRIBUTES.keys() | BUILD_ATTRIBUTES.keys()
}

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={
        "*": set(GLOBAL_ATTRIBUTES),
        **{tag: set(names) for tag, names in _OWN_ATTRIBUTES.items()},
    },
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def _form(tag: str) -> Message:
    return say(
        "<{tag}> (part of a form) is not allowed in a post: a form pasted from "
        "another site sends what readers type to that site. Link to the form "
        "instead: [Đăng ký](https://...)",
        tag=tag,
    )


def _plugin(tag: str) -> Message:
    return say(
        "<{tag}> is not allowed in a post: it loads a program from another "
        "site into the page. Link to the file or the page instead",
        tag=tag,
    )


def _media(tag: str) -> Message:
    return say(
        "<{tag}> is not allowed in a post: for a video, paste its YouTube or "
        "Facebook link alone on a line; for a recording, add it to the work's "
        "page (audio:)",
        tag=tag,
    )


def _not_allowed(tag: str) -> Message:
    return say("<{tag}> is not allowed in a post: remove it", tag=tag)


REFUSED_TAGS = {
    "script": lambda tag: say(
        "<script> is not allowed in a post: code pasted from another site "
        "would run on every reader's phone. Remove it; to show a video, paste "
        "its YouTube or Facebook link alone on a line"
    ),
    "style": lambda tag: say(
        "<style> is not allowed in a post: the site's own styles apply. Remove it"
    ),
    "img": lambda tag: say(
        "<img> in HTML is not published: write the photo as ![what it "
        "shows](file.jpg), with the file in the post's folder"
    ),
    **dict.fromkeys(
        ("form", "input", "button", "select", "option", "textarea", "fieldset"),
        _form,
    ),
    **dict.fromkeys(("object", "embed", "applet", "param"), _plugin),
    **dict.fromkeys(("video", "audio", "source", "track", "picture"), _media),
    **dict.fromkeys(
        (
            "link",
            "meta",
            "base",
            "svg",
            "math",
            "canvas",
            "template",
            "noscript",
            "portal",
            "slot",
            "dialog",
        ),
        _not_allowed,
    ),
}


def iframe_problem(src: str) -> Message:
    """Say what to write instead of an embed code's <iframe>."""
    video = video_from_player(src)
    if video is not None:
        return say(
            "this <iframe> embeds a {host} video: paste the video's link alone "
            "on a line instead (the page then loads nothing from {host} until "
            "the reader presses play): {url}",
            host=video.host_name,
            url=video.url,
        )
    host = urlsplit(src).netloc or src or "?"
    return say(
        "<iframe> is not allowed in a post: it puts a page of {host} inside "
        "the site, where it can follow readers. Link to the page instead: "
        "[title](address)",
        host=host,
    )


class _Tags(HTMLParser):
    """Collect (tag, attributes) of every start tag of a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)


def start_tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """Return (tag, attributes) of each element of `html`, in order."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def _pieces(stash: list[str | Element]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield the elements of the writer's own HTML, as Markdown kept it aside."""
    for piece in stash:
        if isinstance(piece, str):
            yield from start_tags(piece)
        else:  # md_in_html keeps <div markdown="1"> as an element
            for element in piece.iter():
                if isinstance(element.tag, str):
                    yield element.tag, dict(element.attrib)


class Findings:
    """Problems of one body, each at the line of its own place, once per place.

    A problem is found in Markdown's HTML, where entities are decoded; its
    place is found in the writer's text, each line decoded the same way
    (`&#106;avascript:`, `java&#x09;script:` and `javascript&colon;` are all
    `javascript:` there), the n-th time a piece is found at its n-th place.
    """

    def __init__(self, body: str, first_line: int) -> None:
        self.lines = [_searchable(line) for line in body.split("\n")]
        self.first_line = first_line
        # (message, line) in the order found; a message once per line.
        self.errors: dict[tuple[Message, int], None] = {}
        self.warnings: dict[tuple[Message, int], None] = {}
        self._found: dict[tuple[str, str], int] = {}

    def line_of(self, needle: str, nth: int = 0) -> int:
        """Return the file line of the `nth` place (0 first) `needle` is written at."""
        needle = _searchable(needle)
        last = None
        for number, text in enumerate(self.lines):
            count = text.count(needle) if needle else 0
            if count:
                last = number
                if nth < count:
                    return self.first_line + number
                nth -= count
        return self.first_line + (last if last is not None else 0)

    def add(self, kind: str, message: Message, needle: str) -> None:
        """Record a problem (kind "error" or "warning") at its next place."""
        found = self.errors if kind == "error" else self.warnings
        nth = self._found.get((kind, needle), 0)
        self._found[(kind, needle)] = nth + 1
        found.setdefault((message, self.line_of(needle, nth)), None)


def _searchable(text: str) -> str:
    """Return `text` as an address is read: entities decoded, no controls or spaces."""
    return _compact(unescape(text))


def _compact(text: str) -> str:
    """Return `text` in lower case without controls or spaces (browsers skip them)."""
    return re.sub(r"[\x00-\x20]", "", text).lower()


def check_tags(findings: Findings, stash: list[str | Element]) -> None:
    """Refuse or drop the elements of the writer's own HTML, saying why."""
    for tag, attributes in _pieces(stash):
        if tag == "iframe" or tag in ("frame", "frameset"):
            findings.add("error", iframe_problem(attributes.get("src", "")), f"<{tag}")
        elif tag in REFUSED_TAGS:
            findings.add("error", REFUSED_TAGS[tag](tag), f"<{tag}")
        elif tag not in WRITER_TAGS:
            findings.add(
                "warning",
                say(
                    "<{tag}> is not kept: its text stays, without the tag",
                    tag=tag,
                ),
                f"<{tag}",
            )


def check_attributes(findings: Findings, html: str) -> None:
    """Refuse attributes and addresses that run code; say which are dropped."""
    for tag, attributes in start_tags(html):
        own = _OWN_ATTRIBUTES.get(tag, frozenset())
        for name, value in attributes.items():
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                findings.add(
                    "error",
                    say(
                        "the attribute {name}= runs code in the reader's browser "
                        "and is not allowed in a post: remove it",
                        name=name,
                    ),
                    f"{name}=",
                )
            elif name in URL_ATTRIBUTES and _unsafe_scheme(value):
                findings.add("error", unsafe_address(value), value[:20])
            elif name == "style":
                findings.add(
                    "warning",
                    say(
                        "style= is removed: the site's own styles apply to "
                        "every post (for a table, plain <table> is enough)"
                    ),
                    "style=",
                )
            elif (
                tag in ALLOWED_TAGS
                and name not in GLOBAL_ATTRIBUTES
                and name not in own
            ):
                findings.add(
                    "warning",
                    say(
                        "the attribute {name}= of <{tag}> is removed: it is "
                        "not needed on the site",
                        name=name,
                        tag=tag,
                    ),
                    f"{name}=",
                )


def unsafe_address(value: str) -> Message:
    """Say why an address that would run code is refused (controls not shown)."""
    visible = re.sub(r"[\x00-\x1f]", "", value)
    shown = visible if len(visible) <= SHOWN else visible[:SHOWN] + "…"
    return say(
        "the address '{shown}' would run code or hide a file inside the page: "
        "link to a web address (https://...) or to a file in the post's folder",
        shown=shown,
    )


def _unsafe_scheme(address: str) -> bool:
    """Return whether an address has a scheme other than http(s), mailto, tel."""
    scheme, colon, _rest = _compact(address).partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return False  # a relative address, a fragment or a path
    return scheme not in SAFE_SCHEMES


# Elements whose content a parser reads as text, dropped with them: what a
# writer wrote after an unclosed one would only show once it is removed.
_SWALLOWING = (
    "script|style|textarea|title|xmp|noscript|plaintext|iframe|noembed|noframes"
)
_SWALLOWING_START = re.compile(rf"(<({_SWALLOWING})\b[^>]*>)", re.IGNORECASE)
# Code a writer shows as code (never HTML): left out of the second look.
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)
# Addresses of Markdown links, reference definitions and <autolinks>.
_MARKDOWN_ADDRESS = re.compile(
    r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)|^\s*\[[^\]]+\]:\s*<?([^\s>]+)|<([a-z][a-z0-9+.-]*:[^>\s]+)>",
    re.IGNORECASE | re.MULTILINE,
)


def check_after_swallowing(findings: Findings, body: str) -> None:
    """Find the errors an unclosed <script> (or <style>...) hides, in the writer's text.

    Each such element is closed at once, code is blanked out (lines kept),
    and the text is read again for elements, attributes and addresses.
    """
    text = _CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group()), body)
    opened = _SWALLOWING_START.sub(r"\1</\2>", text)
    second = Findings(body, findings.first_line)
    check_tags(second, [opened])
    check_attributes(second, opened)
    for found in _MARKDOWN_ADDRESS.finditer(opened):
        address = next(group for group in found.groups() if group)
        if _unsafe_scheme(address):
            second.add("error", unsafe_address(address), address[:20])
    findings.errors.update(second.errors)


def safe_body(
    html: str, stash: list[str | Element], body: str, first_line: int
) -> tuple[str, Findings]:
    """Return the body cleaned by nh3, and what the writer is told about it."""
    html = _TABLE_ALIGN.sub(r' class="align-\1"', html)
    findings = Findings(body, first_line)
    check_tags(findings, stash)
    check_attributes(findings, html)
    if _SWALLOWING_START.search(body):
        check_after_swallowing(findings, body)
    return _CLEANER.clean(html), findings
