"""The W3C Feed Validation Service's rules for our feeds, checked one by one.

The validator cannot be installed here (neither PyPI nor npm has it), and a
feed parser accepts almost anything, so each rule it applies to what our
feeds contain is written out below. Every function returns the problems it
found as sentences naming the element, so a failing test says what is wrong.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
}
# RFC 822 as RSS 2.0 wants it: day name, 4-digit year, seconds, numeric zone.
RFC_822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
RFC_3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")
DURATION = re.compile(r"^(\d+:)?\d{1,2}:\d{2}$|^\d+$")
# The only elements the validator accepts inside content without reporting a
# security risk (HTMLValidator.acceptable_elements of w3c/feedvalidator).
ACCEPTABLE_ELEMENTS = {
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b",
    "bdi", "big", "blockquote", "br", "button", "canvas", "caption", "center",
    "cite", "code", "col", "colgroup", "command", "data", "datagrid", "datalist",
    "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
    "eventsource", "fieldset", "figcaption", "figure", "footer", "font", "form",
    "header", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "i", "img",
    "input", "ins", "keygen", "kbd", "label", "legend", "li", "m", "main", "map",
    "mark", "menu", "meter", "multicol", "nav", "nextid", "ol", "output",
    "optgroup", "option", "p", "picture", "pre", "progress", "q", "rp", "rt",
    "ruby", "s", "samp", "section", "select", "small", "sound", "source",
    "spacer", "span", "strike", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "template", "textarea", "time", "tfoot", "th", "thead", "tr",
    "track", "tt", "u", "ul", "var", "video", "noscript", "wbr",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "poster", "cite", "action", "data"}
# Apple Podcasts' top-level categories (podcasters.apple.com, 2024).
ITUNES_CATEGORIES = {
    "Arts", "Business", "Comedy", "Education", "Fiction", "Government", "History",
    "Health & Fitness", "Kids & Family", "Leisure", "Music", "News",
    "Religion & Spirituality", "Science", "Society & Culture", "Sports",
    "Technology", "True Crime", "TV & Film",
}  # fmt: skip


def is_absolute(url: str | None) -> bool:
    """Return whether `url` is a full http(s) address."""
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _Addresses(HTMLParser):
    """Collect every address and every element name of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.elements: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, name, value))
            if name == "srcset" and value:
                for candidate in value.split(","):
                    self.urls.append((tag, name, candidate.strip().split(" ")[0]))


def html_problems(html: str, where: str) -> list[str]:
    """Return relative addresses and unsafe markup in HTML content (escaped once)."""
    parser = _Addresses()
    parser.feed(html)
    problems = [
        f"{where}: <{tag} {name}> has a relative address {url!r}"
        for tag, name, url in parser.urls
        if not is_absolute(url) and not url.startswith("mailto:")
    ]
    problems += [
        f"{where}: contains <{name}>"
        for name in sorted(parser.elements - ACCEPTABLE_ELEMENTS)
    ]
    problems += [f"{where}: has an event handler {h}" for h in parser.handlers]
    return problems


def _text(element, path: str) -> str | None:
    found = element.find(path, NS)
    return found.text if found is not None else None


def _rfc822(value: str | None, where: str) -> tuple[list[str], datetime | None]:
    if value is None:
        return [f"{where} is missing"], None
    if not RFC_822.match(value):
        return [f"{where} {value!r} is not an RFC 822 date"], None
    return [], parsedate_to_datetime(value)


def rss_problems(path: Path, expected_url: str, hub: str | None = None) -> list[str]:
    """Return every rule of RSS 2.0 (and its modules) that the file breaks."""
    problems: list[str] = []
    root = etree.parse(str(path)).getroot()
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"{path.name}: the root is not <rss version='2.0'>"]
    channel = root.find("channel")
    for name in ("title", "link", "description", "language", "copyright"):
        if not (_text(channel, name) or "").strip():
            problems.append(f"channel: <{name}> is missing or empty")
    link = _text(channel, "link")
    if not is_absolute(link):
        problems.append(f"channel: <link> {link!r} is not a full address")
    if not LANGUAGE.match(_text(channel, "language") or ""):
        problems.append("channel: <language> is not a language code")
    problems += _rss_links(channel, expected_url, hub)
    problems += _rss_image(channel)
    dates = []
    for position, item in enumerate(channel.findall("item"), start=1):
        item_problems, date = _rss_item(item, f"item {position}")
        problems += item_problems
        if date:
            dates.append(date)
    for name in ("lastBuildDate", "pubDate"):
        found, date = _rfc822(_text(channel, name), f"channel: <{name}>")
        problems += found
        if date and dates and date < max(dates):
            problems.append(f"channel: <{name}> is older than the newest item")
    guids = [_text(item, "guid") for item in channel.findall("item")]
    if len(set(guids)) != len(guids):
        problems.append("channel: two items share a guid")
    return problems


def _rss_links(channel, expected_url: str, hub: str | None) -> list[str]:
    """Return what is wrong with the channel's self and hub links."""
    problems = []
    selfs = channel.findall("atom:link[@rel='self']", NS)
    if len(selfs) != 1 or selfs[0].get("href") != expected_url:
        problems.append(f"channel: atom:link rel=self is not {expected_url}")
    elif selfs[0].get("type") != "application/rss+xml":
        problems.append("channel: atom:link rel=self has no type application/rss+xml")
    hubs = [e.get("href") for e in channel.findall("atom:link[@rel='hub']", NS)]
    if hub is not None and hubs != [hub]:
        problems.append(f"channel: atom:link rel=hub is {hubs}, not [{hub}]")
    return problems


def _rss_image(channel) -> list[str]:
    image = channel.find("image")
    if image is None:
        return ["channel: <image> is missing"]
    problems = []
    if not is_absolute(_text(image, "url")):
        problems.append("image: <url> is not a full address")
    if _text(image, "title") != _text(channel, "title"):
        problems.append("image: <title> differs from the channel's title")
    if _text(image, "link") != _text(channel, "link"):
        problems.append("image: <link> differs from the channel's link")
    width, height = int(_text(image, "width") or 88), int(_text(image, "height") or 31)
    if not (0 < width <= 144 and 0 < height <= 400):
        problems.append(f"image: {width}x{height} is larger than 144x400")
    return problems


def _rss_item(item, where: str) -> tuple[list[str], datetime | None]:
    problems = []
    if not (_text(item, "title") or "").strip():
        problems.append(f"{where}: <title> is missing")
    link, guid = _text(item, "link"), item.find("guid")
    if not is_absolute(link):
        problems.append(f"{where}: <link> {link!r} is not a full address")
    if guid is None or guid.get("isPermaLink") != "true":
        problems.append(f"{where}: <guid isPermaLink='true'> is missing")
    elif guid.text != link or not is_absolute(guid.text):
        problems.append(f"{where}: the guid {guid.text!r} is not the item's full URL")
    found, date = _rfc822(_text(item, "pubDate"), f"{where}: <pubDate>")
    problems += found
    if item.find("author") is not None:
        problems.append(f"{where}: <author> must be an e-mail; use dc:creator")
    if not item.findall("dc:creator", NS):
        problems.append(f"{where}: dc:creator is missing")
    description = _text(item, "description")
    content = _text(item, "content:encoded")
    if description is None or content is None:
        problems.append(f"{where}: <description> or content:encoded is missing")
    problems += html_problems(description or "", f"{where} description")
    problems += html_problems(content or "", f"{where} content:encoded")
    problems += media_problems(item, where)
    problems += enclosure_problems(item, where)
    return problems, date


def media_problems(item, where: str) -> list[str]:
    """Return the Media RSS rules an item's media:content and thumbnail break."""
    problems = []
    for content in item.findall("media:content", NS):
        if not is_absolute(content.get("url")):
            problems.append(f"{where}: media:content has no full url")
        if not MEDIA_TYPE.match(content.get("type") or ""):
            problems.append(f"{where}: media:content has no media type")
        if content.get("medium") not in ("image", "audio", "video", "document"):
            problems.append(f"{where}: media:content medium is not image/audio/video")
        for size in ("width", "height"):
            if not (content.get(size) or "").isdigit():
                problems.append(f"{where}: media:content {size} is not a number")
        for description in content.findall("media:description", NS):
            if description.get("type") not in ("plain", "html"):
                problems.append(f"{where}: media:description type is not plain/html")
    for thumbnail in item.findall("media:thumbnail", NS):
        if not is_absolute(thumbnail.get("url")):
            problems.append(f"{where}: media:thumbnail has no full url")
        for size in ("width", "height"):
            if not (thumbnail.get(size) or "").isdigit():
                problems.append(f"{where}: media:thumbnail {size} is not a number")
    return problems


def enclosure_problems(item, where: str) -> list[str]:
    """Return the rules an enclosure and its iTunes tags break."""
    problems = []
    for enclosure in item.findall("enclosure"):
        if not is_absolute(enclosure.get("url")):
            problems.append(f"{where}: the enclosure has no full url")
        if (
            not (enclosure.get("length") or "").isdigit()
            or enclosure.get("length") == "0"
        ):
            problems.append(f"{where}: the enclosure length is not a byte count")
        if not (enclosure.get("type") or "").startswith("audio/"):
            problems.append(f"{where}: the enclosure type is not audio/...")
        duration = _text(item, "itunes:duration")
        if duration is None or not DURATION.match(duration):
            problems.append(f"{where}: itunes:duration {duration!r} is not H:MM:SS")
    return problems


def podcast_problems(path: Path) -> list[str]:
    """Return the rules of Apple's podcast tags that the channel breaks."""
    channel = etree.parse(str(path)).getroot().find("channel")
    problems = []
    if _text(channel, "itunes:explicit") not in ("true", "false"):
        problems.append("itunes:explicit is not true or false")
    categories = [c.get("text") for c in channel.findall("itunes:category", NS)]
    if not categories or not set(categories) <= ITUNES_CATEGORIES:
        problems.append(f"itunes:category {categories} is not Apple's")
    image = channel.find("itunes:image", NS)
    if image is None or not re.search(r"\.(jpg|png)$", image.get("href") or ""):
        problems.append("itunes:image is missing or not a .jpg/.png")
    if not _text(channel, "itunes:owner/itunes:email"):
        problems.append("itunes:owner has no itunes:email")
    if not _text(channel, "itunes:author"):
        problems.append("itunes:author is missing")
    if not channel.findall("item/enclosure"):
        problems.append("no episode has an enclosure")
    return problems


def atom_problems(path: Path, expected_url: str, hub: str | None = None) -> list[str]:
    """Return every rule of Atom 1.0 (RFC 4287) that the file breaks."""
    atom = "{%s}" % NS["atom"]  # noqa: UP031
    root = etree.parse(str(path)).getroot()
    if root.tag != f"{atom}feed":
        return [f"{path.name}: the root is not an Atom <feed>"]
    problems = _atom_common(root, "feed")
    if root.nsmap.get("atom") == NS["atom"]:
        problems.append("feed: avoid the namespace prefix atom (Atom is the default)")
    if not LANGUAGE.match(root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""):
        problems.append("feed: xml:lang is not a language code")
    feed_author = root.find("atom:author/atom:name", NS) is not None
    links = root.findall("atom:link", NS)
    selfs = [link.get("href") for link in links if link.get("rel") == "self"]
    if selfs != [expected_url]:
        problems.append(f"feed: link rel=self is {selfs}, not [{expected_url}]")
    hubs = [link.get("href") for link in links if link.get("rel") == "hub"]
    if hub is not None and hubs != [hub]:
        problems.append(f"feed: link rel=hub is {hubs}, not [{hub}]")
    if not any(link.get("rel") == "alternate" for link in links):
        problems.append("feed: link rel=alternate is missing")
    entries = root.findall("atom:entry", NS)
    for position, entry in enumerate(entries, start=1):
        problems += _atom_entry(entry, f"entry {position}", feed_author)
    ids = [_text(entry, "atom:id") for entry in entries]
    if len(set(ids)) != len(ids):
        problems.append("feed: two entries share an id")
    updated = [_text(entry, "atom:updated") for entry in entries]
    if len(set(updated)) != len(updated):
        problems.append("feed: two entries share the same atom:updated")
    return problems


def _atom_entry(entry, where: str, feed_author: bool) -> list[str]:
    """Return what one Atom entry lacks or gets wrong."""
    problems = _atom_common(entry, where)
    if not feed_author and entry.find("atom:author/atom:name", NS) is None:
        problems.append(f"{where}: no author (and the feed has none)")
    alternates = [
        link.get("href")
        for link in entry.findall("atom:link", NS)
        if link.get("rel", "alternate") == "alternate"
    ]
    if len(alternates) != 1 or not is_absolute(alternates[0]):
        problems.append(f"{where}: one full alternate link is needed")
    published = _text(entry, "atom:published")
    if published is not None and not RFC_3339.match(published):
        problems.append(f"{where}: <published> is not an RFC 3339 date")
    for name in ("content", "summary"):
        element = entry.find(f"atom:{name}", NS)
        if element is not None:
            if element.get("type") != "html":
                problems.append(f"{where}: <{name}> is not type='html'")
            problems += html_problems(element.text or "", f"{where} <{name}>")
    return problems


def _atom_common(element, where: str) -> list[str]:
    """Return what a feed or an entry lacks: a full-URL id, a title, a date."""
    problems = []
    if not is_absolute(_text(element, "atom:id")):
        problems.append(f"{where}: <id> is not a full URL")
    if not (_text(element, "atom:title") or "").strip():
        problems.append(f"{where}: <title> is missing")
    if not RFC_3339.match(_text(element, "atom:updated") or ""):
        problems.append(f"{where}: <updated> is not an RFC 3339 date")
    return problems
