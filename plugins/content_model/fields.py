"""Checks of one front-matter value each: return the value or raise ContentError."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import unquote, urlsplit

from site_base.messages import say
from video_embeds import video_from_url

from .problems import ContentError

Check = Callable[[Any, tzinfo], Any]

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_PATTERN = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_DURATION_PATTERN = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")
DATE_HELP = say("write it as 2025-11-06 or 2025-11-06 15:30")
SHOWN_CHARACTERS = 60
FIRST_YEAR, LAST_YEAR = 1000, 2999
ISBN_10, ISBN_13 = 10, 13
MAX_OFFSET_HOURS, MINUTES_PER_HOUR = 14, 60


def describe(value: Any) -> str:
    """Return a short, quoted rendering of a value for a message."""
    if isinstance(value, Mapping):
        return say("a group of keys")
    if isinstance(value, list):
        return say("a list")
    if isinstance(value, bool):
        return say("'{lower}' (a yes/no value)", lower=str(value).lower())
    if value is None:
        return say("nothing")
    shown = str(value)
    if len(shown) > SHOWN_CHARACTERS:
        return say("'{shown}…'", shown=shown[:SHOWN_CHARACTERS])
    return say("'{shown}'", shown=shown)


def text(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept non-empty text."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, str) or value is None:
        raise ContentError(say("is empty: write the text after the colon"))
    raise ContentError(
        say(
            "must be text, not {describe}: put the value in quotes",
            describe=describe(value),
        )
    )


def text_or_empty(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept text, or nothing (a later rule says what to write there)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return text(value)


def text_list(value: Any, _tz: tzinfo | None = None) -> list[str]:
    """Accept a list of non-empty texts.

    A list written as one text ("a, b" or "a; b") or with ';' between its
    items would silently become one item: refused, with the list to write.
    """
    if isinstance(value, str) and value.strip():
        fixed = _as_list(re.split(r"[;,]", value))
        raise ContentError(
            say(
                "must be a list in square brackets, not one text: write it as {fixed}",
                fixed=fixed,
            )
        )
    if not isinstance(value, list):
        raise ContentError(
            say(
                "must be a list, not {describe}: write each item on its own "
                "line starting with '- ', or as [one, two]",
                describe=describe(value),
            )
        )
    if any(isinstance(item, str) and ";" in item for item in value):
        parts = [p for item in value for p in re.split(r";", str(item))]
        raise ContentError(
            say(
                "separates its items with ';': use commas, write it as {as_list}",
                as_list=_as_list(parts),
            )
        )
    items = []
    for position, item in enumerate(value, start=1):
        try:
            items.append(text(item))
        except ContentError as error:
            raise ContentError(
                say(
                    "item {position} {message}",
                    position=position,
                    message=error.message,
                )
            ) from None
    if len(set(items)) != len(items):
        raise ContentError(say("lists the same item twice: remove the repeat"))
    return items


def _as_list(parts: list[str]) -> str:
    """Return the list of `parts` as a writer types it: [a, b]."""
    return "[" + ", ".join(p.strip() for p in parts if p.strip()) + "]"


def slug(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept a web-address name: lower-case letters, digits and hyphens."""
    name = text(value)
    if not SLUG_PATTERN.match(name):
        raise ContentError(
            say(
                "{describe} cannot be used in a web address: use only "
                "lower-case letters a-z, digits and '-' (for example "
                "hoi-nghi-ban-doc)",
                describe=describe(name),
            )
        )
    return name


def moment(value: Any, tz: tzinfo) -> datetime:
    """Accept a date or a date and time; naive values are in the site's time zone.

    YAML 1.2 front matter is read with timestamps left as text, so every form
    arrives here as a string and is parsed in one place.
    """
    if not isinstance(value, str):
        raise ContentError(
            say(
                "must be a date, not {describe}: {DATE_HELP}",
                describe=describe(value),
                DATE_HELP=DATE_HELP,
            )
        )
    match = _DATE_PATTERN.match(value.strip())
    if not match:
        raise ContentError(
            say(
                "{describe} is not a date: {DATE_HELP}",
                describe=describe(value),
                DATE_HELP=DATE_HELP,
            )
        )
    parts = {k: int(v) for k, v in match.groupdict().items() if v and k != "tz"}
    try:
        result = datetime(
            parts["y"],
            parts["m"],
            parts["d"],
            parts.get("H", 0),
            parts.get("M", 0),
            parts.get("S", 0),
        )
    except ValueError:
        raise ContentError(
            say(
                "{describe} is not a real date or time: check the day, month and hour",
                describe=describe(value),
            )
        ) from None
    offset = match.group("tz")
    return result.replace(tzinfo=_offset(offset) if offset else tz)


def has_time(value: Any) -> bool:
    """Return whether a date as written in front matter gives a time of day."""
    match = _DATE_PATTERN.match(str(value).strip())
    return bool(match and match.group("H"))


def moment_or_day(value: Any, tz: tzinfo) -> datetime | date:
    """Accept a date and time, or a date alone: a whole day (an all-day event)."""
    result = moment(value, tz)
    return result if _DATE_PATTERN.match(value.strip()).group("H") else result.date()


def _offset(text_offset: str) -> tzinfo:
    """Return the fixed time zone of 'Z', '+07', '+0700' or '+07:00'."""
    if text_offset == "Z":
        return UTC
    sign = -1 if text_offset[0] == "-" else 1
    digits = text_offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > MAX_OFFSET_HOURS or minutes >= MINUTES_PER_HOUR:
        raise ContentError(
            say(
                "'{text_offset}' is not a time zone offset: leave it out for "
                "Vietnam time, or write one like +07:00",
                text_offset=text_offset,
            )
        )
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def url(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept a full web address starting with http:// or https://."""
    address = text(value)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in address:
        raise ContentError(
            say(
                "{describe} is not a full web address: copy it from the "
                "browser's address bar, starting with https://",
                describe=describe(address),
            )
        )
    return address


def old_address(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept an old address of a page: a path starting with '/' or a full URL.

    Its path must stay inside the site: no '..' or '.' part (also written
    %2e), no backslash, no '//', no '?' or '#' (a host cannot serve them from
    a file). Whether it is this site's (a full URL's host) and free (no
    page, feed or other post there) is checked with the site (aliases.py).
    """
    address = text(value)
    if not address.startswith("/") or address.startswith("//"):
        address = url(address)
    parts = urlsplit(address)
    path = unquote(parts.path) or "/"
    segments = path.split("/")[1:]
    if (
        " " in address
        or "\\" in path
        or parts.query
        or parts.fragment
        or "?" in address
        or "#" in address
        or any(segment in {".", ".."} for segment in segments)
        or "" in segments[:-1]
    ):
        raise ContentError(
            say(
                "{describe} is not an old address of this site: write the "
                "path the page had, starting with /, like /2024/ten-cu/ or "
                "/tin-tuc/ten-cu.html (no '..', spaces, '?' or '#')",
                describe=describe(address),
            )
        )
    return address


def old_address_list(value: Any, _tz: tzinfo | None = None) -> list[str]:
    """Accept a list of old addresses."""
    return [old_address(item) for item in text_list(value)]


def url_list(value: Any, _tz: tzinfo | None = None) -> list[str]:
    """Accept a list of full web addresses."""
    return [url(item) for item in text_list(value)]


def file_name(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept a path inside the content's own folder (checked against files later)."""
    name = text(value)
    if urlsplit(name).scheme or name.startswith("/") or ".." in name.split("/"):
        raise ContentError(
            say(
                "{describe} must be the name of a file in this folder, like anh-01.jpg",
                describe=describe(name),
            )
        )
    return name


def yes_no(value: Any, _tz: tzinfo | None = None) -> bool:
    """Accept true or false (YAML's yes/no values)."""
    if isinstance(value, bool):
        return value
    raise ContentError(
        say(
            "must be true or false, not {describe}: write true (or "
            "false) without quotes",
            describe=describe(value),
        )
    )


def choice(*options: str) -> Check:
    """Return a check that accepts one of `options` (the editor lists them)."""

    def check(value: Any, _tz: tzinfo | None = None) -> str:
        if value not in options:
            allowed = ", ".join(options)
            raise ContentError(
                say(
                    "{describe} is not allowed: use one of {allowed}",
                    describe=describe(value),
                    allowed=allowed,
                )
            )
        return value

    check.options = options  # type: ignore[attr-defined]
    return check


def choice_list(*options: str) -> Check:
    """Return a check that accepts a list of `options` (the editor lists them)."""
    one = choice(*options)

    def check(value: Any, tz: tzinfo | None = None) -> list[str]:
        return [one(item, tz) for item in text_list(value)]

    check.options = options  # type: ignore[attr-defined]
    check.multiple = True  # type: ignore[attr-defined]
    return check


def year(value: Any, _tz: tzinfo | None = None) -> int:
    """Accept a year such as 2019."""
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and FIRST_YEAR <= value <= LAST_YEAR
    ):
        return value
    raise ContentError(
        say("must be a year like 2019, not {describe}", describe=describe(value))
    )


def year_or_date(value: Any, tz: tzinfo) -> int | date:
    """Accept a year (1954) or a full date (1954-05-07)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return year(value)
    try:
        return moment(value, tz).date()
    except ContentError:
        raise ContentError(
            say(
                "must be a year like 1954 or a date like 1954-05-07, not {describe}",
                describe=describe(value),
            )
        ) from None


def duration(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept a running time such as 4:35 or 1:02:10."""
    if isinstance(value, str) and _DURATION_PATTERN.match(value.strip()):
        return value.strip()
    raise ContentError(
        say(
            "must be a running time like 4:35 (minutes:seconds), not {describe}",
            describe=describe(value),
        )
    )


def isbn(value: Any, _tz: tzinfo | None = None) -> str:
    """Accept an ISBN-10 or ISBN-13 whose check digit is right."""
    number = text(str(value) if isinstance(value, int) else value)
    digits = number.replace("-", "").replace(" ", "").upper()
    if _isbn_is_valid(digits):
        return number
    raise ContentError(
        say(
            "{describe} is not a valid ISBN: copy the 10 or 13 digits "
            "from the back of the book",
            describe=describe(number),
        )
    )


def _isbn_is_valid(digits: str) -> bool:
    """Return whether `digits` is an ISBN-10 or ISBN-13 with a right check digit."""
    if len(digits) == ISBN_13 and digits.isdigit():
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
        return total % 10 == 0
    if (
        len(digits) == ISBN_10
        and digits[:9].isdigit()
        and (digits[9].isdigit() or digits[9] == "X")
    ):
        values = [int(d) for d in digits[:9]] + [
            10 if digits[9] == "X" else int(digits[9])
        ]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    return False


VIDEO_KEYS = ("url", "poster", "title", "transcript")


def video(value: Any, _tz: tzinfo | None = None) -> dict[str, Any]:
    """Accept a YouTube or Facebook video link, or {url, poster, title, transcript}.

    Returns {"video": Video, "poster": file name, "title": ..., "transcript": ...}
    (empty texts where not given); the poster file is checked with the photos.
    """
    given = value if isinstance(value, Mapping) else {"url": value}
    unknown = [key for key in given if key not in VIDEO_KEYS]
    if unknown:
        raise ContentError(
            say(
                "has an unknown key '{key}': use {allowed}",
                key=unknown[0],
                allowed=", ".join(VIDEO_KEYS),
            )
        )
    if "url" not in given:
        raise ContentError(
            say(
                "needs the video's link: video: {{url: "
                "https://www.youtube.com/watch?v=..., title: ...}}"
            )
        )
    address = url(given["url"])
    found = video_from_url(address)
    if found is None:
        raise ContentError(
            say(
                "'{address}' is not a YouTube or Facebook video: copy the "
                "link of the video itself (https://www.youtube.com/watch?v=..., "
                "https://youtu.be/..., https://www.facebook.com/.../videos/...); "
                "for a page of another site, write a link in the text instead",
                address=address,
            )
        )
    transcript = given.get("transcript")
    return {
        "video": found,
        "poster": file_name(given["poster"]) if given.get("poster") else "",
        "title": text(given["title"]) if given.get("title") else "",
        "transcript": old_address(transcript) if transcript else "",
    }
