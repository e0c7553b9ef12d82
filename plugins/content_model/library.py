"""The library's facts from data/library.yml: names, address, hours, images.

Feeds take the publisher, the owner's e-mail and their images from here;
structured data and the footer use the rest. The footer also shows what
Vietnamese official sites must: the managing agency (cơ quan chủ quản), the
person responsible for the content and, where the site has one, its licence.
Every value is checked like a post's front matter: a missing or bad one is a
content error with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from photo_groups import Photo
from site_base.messages import say

from . import fields
from .images import PHOTO_SUFFIXES, check_file_name, photo_size
from .model import Library, OpeningHours
from .problems import ContentError, ProblemList
from .regular_files import named_file_problem
from .yaml_files import read_yaml

# Apple Podcasts and other directories want square artwork of 1400 to 3000 px.
ARTWORK_MIN_SIDE = 1400
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ADDRESS_KEYS = ("street", "locality", "region", "country")
_PHONE = re.compile(r"^\+?[0-9][0-9 .()-]{5,}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_EXAMPLE = """name: {vi: Thư viện tỉnh ..., en: ... Provincial Library}
address: {street: ..., locality: ..., region: ..., country: VN}
phone: "+84 24 ..."
email: thuvien@example.vn
opening_hours:
  - {days: [mon, tue, wed, thu, fri], opens: "07:30", closes: "17:00"}
geo: {lat: 21.03, lon: 105.85}
logo: library/logo.png
podcast_artwork: library/podcast.jpg
managing_agency: {vi: Sở Văn hoá, Thể thao và Du lịch tỉnh ..., en: ...}
responsible_person: {vi: Giám đốc Thư viện ..., en: ...}
tagline: {vi: Tin tức và văn hoá đọc, en: ...}"""
# Facts a library may leave out.
OPTIONAL = ("licence", "tagline")


def load_library(
    path: Path, languages: tuple[str, ...], problems: ProblemList
) -> Library | None:
    """Read and check the library's facts; record every problem in the file."""
    if not path.is_file():
        problems.error(
            path,
            say(
                "the library's facts are missing: create this file, like\n{example}",
                example=_EXAMPLE,
            ),
        )
        return None
    try:
        data = read_yaml(path)
    except ContentError as error:
        problems.add(path, error)
        return None
    if not isinstance(data, CommentedMap):
        problems.error(
            path, say("must be keys and values, like\n{example}", example=_EXAMPLE), 1
        )
        return None
    checks: dict[str, Callable[[Any], Any]] = {
        "name": lambda value: _names(value, languages),
        "address": _address,
        "phone": _phone,
        "email": _email,
        "opening_hours": _opening_hours,
        "geo": _geo,
        "logo": lambda value: _image(path.parent, value, "logo", 1),
        "podcast_artwork": lambda value: _image(
            path.parent, value, "podcast artwork", ARTWORK_MIN_SIDE
        ),
        "managing_agency": lambda value: _in_languages(value, languages),
        "responsible_person": lambda value: _in_languages(value, languages),
        "licence": lambda value: _in_languages(value, languages),
        "tagline": lambda value: _in_languages(value, languages),
    }
    values: dict[str, Any] = {}
    for key in data:
        if key not in checks:
            problems.error(
                path,
                say(
                    "'{key}' is not a fact this file holds: use {join}",
                    key=key,
                    join=", ".join(checks),
                ),
                data.lc.key(key)[0] + 1,
            )
    complete = True
    for key, check in checks.items():
        if key not in data:
            if key not in OPTIONAL:
                complete = False
                problems.error(
                    path,
                    say("needs '{key}', like\n{EXAMPLE}", key=key, EXAMPLE=_EXAMPLE),
                )
            continue
        try:
            values[key] = check(data[key])
        except ContentError as error:
            complete = False
            problems.error(
                path,
                say("'{key}' {message}", key=key, message=error.message),
                data.lc.key(key)[0] + 1,
            )
    if not complete:
        return None
    latitude, longitude = values.pop("geo")
    names = values.pop("name")
    return Library(names=names, **values, latitude=latitude, longitude=longitude)


def _names(value: Any, languages: tuple[str, ...]) -> dict[str, str]:
    return _per_language(
        value,
        languages,
        say(
            "needs the name in each language, at least {languages}: "
            "{{{languages}: Thư viện tỉnh ...}}",
            languages=languages[0],
        ),
    )


def _in_languages(value: Any, languages: tuple[str, ...]) -> dict[str, str]:
    """Return a fact the same in every language, or given per language."""
    if isinstance(value, str):
        return {languages[0]: fields.text(value)}
    return _per_language(
        value,
        languages,
        say(
            "needs a text, or one per language with at least {lang}, "
            "like {{{lang}: ..., en: ...}}",
            lang=languages[0],
        ),
    )


def _per_language(
    value: Any, languages: tuple[str, ...], shape_message: str
) -> dict[str, str]:
    """Return {lang: text} of a value given per language, at least the first."""
    if not isinstance(value, dict) or languages[0] not in value:
        raise ContentError(shape_message)
    unknown = [str(lang) for lang in value if lang not in languages]
    if unknown:
        raise ContentError(
            say("has names in unknown languages: {join}", join=", ".join(unknown))
        )
    return {lang: fields.text(value[lang]) for lang in languages if lang in value}


def _address(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or any(k not in value for k in ADDRESS_KEYS):
        raise ContentError(
            say(
                "needs {join} (and may have postal_code), like {{street: "
                "..., locality: ..., region: ..., country: VN}}",
                join=", ".join(ADDRESS_KEYS),
            )
        )
    allowed = (*ADDRESS_KEYS, "postal_code")
    unknown = [str(k) for k in value if k not in allowed]
    if unknown:
        raise ContentError(say("has unknown keys {join}", join=", ".join(unknown)))
    address = {key: fields.text(str(value[key])) for key in allowed if key in value}
    if not re.fullmatch(r"[A-Z]{2}", address["country"]):
        raise ContentError(say("country must be a two-letter code such as VN"))
    return address


def _phone(value: Any) -> str:
    phone = fields.text(str(value) if isinstance(value, int) else value)
    if not _PHONE.match(phone):
        raise ContentError(
            say(
                "{describe} is not a phone number: write it with the country "
                'code, in quotes, like "+84 24 3825 0000"',
                describe=fields.describe(phone),
            )
        )
    return phone


def _email(value: Any) -> str:
    email = fields.text(value)
    if not _EMAIL.match(email):
        raise ContentError(
            say(
                "{describe} is not an e-mail address: write it like thuvien@example.vn",
                describe=fields.describe(email),
            )
        )
    return email


def _opening_hours(value: Any) -> tuple[OpeningHours, ...]:
    example = '- {days: [mon, tue, wed, thu, fri], opens: "07:30", closes: "17:00"}'
    if not isinstance(value, list) or not value:
        raise ContentError(
            say("must be a list of times, each like\n{example}", example=example)
        )
    hours = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict) or {*item} != {"days", "opens", "closes"}:
            raise ContentError(
                say(
                    "item {position} must be like\n{example}",
                    position=position,
                    example=example,
                )
            )
        days = item["days"]
        if not isinstance(days, list) or not days or any(d not in DAYS for d in days):
            raise ContentError(
                say(
                    "item {position}: days must be a list of {join}",
                    position=position,
                    join=", ".join(DAYS),
                )
            )
        opens, closes = str(item["opens"]), str(item["closes"])
        if not (_TIME.match(opens) and _TIME.match(closes)) or closes <= opens:
            raise ContentError(
                say(
                    'item {position}: write opens and closes as "07:30" and '
                    '"17:00" (24-hour time, in quotes), closing after opening',
                    position=position,
                )
            )
        hours.append(OpeningHours(tuple(days), opens, closes))
    return tuple(hours)


def _geo(value: Any) -> tuple[float, float]:
    if not isinstance(value, dict) or {*value} != {"lat", "lon"}:
        raise ContentError(say("must be {{lat: 21.03, lon: 105.85}} (decimal degrees)"))
    try:
        latitude, longitude = float(value["lat"]), float(value["lon"])
    except (TypeError, ValueError):
        raise ContentError(say("lat and lon must be numbers, like 21.03")) from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):  # noqa: PLR2004
        raise ContentError(say("lat must be from -90 to 90 and lon from -180 to 180"))
    return latitude, longitude


def _image(folder: Path, value: Any, what: str, min_side: int) -> Photo:
    name = fields.text(value)
    path = folder / name
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        raise ContentError(
            say(
                "'{name}' must be a picture file: .png, .jpg or .webp (no "
                ".svg: feed readers and podcast apps need pixels)",
                name=name,
            )
        )
    refused = named_file_problem(name, path, folder)
    if refused:
        raise ContentError(refused)
    if not path.is_file():
        raise ContentError(
            say(
                "there is no file '{name}' in {name_2}/: copy the {what} "
                "there or fix the name",
                name=name,
                name_2=folder.name,
                what=what,
            )
        )
    check_file_name(path.relative_to(folder))
    width, height = photo_size(path)
    if min(width, height) < min_side:
        raise ContentError(
            say(
                "'{name}' is {width}x{height} px: the {what} must be at "
                "least {min_side}x{min_side} px (podcast apps refuse smaller "
                "ones)",
                name=name,
                width=width,
                height=height,
                what=what,
                min_side=min_side,
            )
        )
    return Photo(src=name, path=path, alt=what, width=width, height=height)
