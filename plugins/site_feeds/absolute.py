"""HTML for feeds: every address absolute (a feed reader has no page to resolve from).

The standard library's tokenizer re-emits the HTML as it came, changing only
the attributes that hold addresses (lxml's HTML 4 parser would nest an <img>
inside a <source>, which HTML 4 did not know as an empty element).
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin

_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite"})


def absolute_html(html: str, base: str) -> str:
    """Return `html` with every link, image, source set and audio address absolute."""
    rewriter = _Rewriter(base)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.parts)


def absolute_srcset(srcset: str, base: str) -> str:
    """Return a srcset ("a.jpg 480w, b.jpg 960w") with absolute addresses."""
    candidates = []
    for candidate in srcset.split(","):
        address, _, descriptor = candidate.strip().partition(" ")
        candidates.append(f"{urljoin(base, address)} {descriptor.strip()}".strip())
    return ", ".join(candidates)


class _Rewriter(HTMLParser):
    """Copy HTML token by token; rebuild only tags with an address in them."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=False)
        self.base = base
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(self._tag(tag, attrs, ">"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(self._tag(tag, attrs, " />"))

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], end: str) -> str:
        if not any(
            name in _URL_ATTRIBUTES or name == "srcset" for name, _value in attrs
        ):
            return self.get_starttag_text() or ""
        written = []
        for name, value in attrs:
            if value is None:
                written.append(f" {name}")
            else:
                written.append(f' {name}="{escape(self._value(name, value))}"')
        return f"<{tag}{''.join(written)}{end}"

    def _value(self, name: str, value: str) -> str:
        if name in _URL_ATTRIBUTES:
            return urljoin(self.base, value.strip())
        if name == "srcset":
            return absolute_srcset(value, self.base)
        return value

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")
