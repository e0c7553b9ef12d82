"""The front-matter keys of each kind of content (docs/content-model.md)."""

from __future__ import annotations

from dataclasses import dataclass

from . import fields
from .fields import Check

PEOPLE_ROLES = ("author", "poet", "musician", "composer", "singer", "artist")
WORK_KINDS = ("song", "book", "poem")
STATUSES = ("published", "draft")


@dataclass(frozen=True)
class Field:
    """One front-matter key: how to check it, and whether it must be there."""

    check: Check
    required: bool = False
    example: str = ""


@dataclass(frozen=True)
class Group:
    """A key whose value is a group of keys, such as `source: {name:, url:}`."""

    fields: dict[str, Field]
    required: bool = False
    example: str = ""


@dataclass(frozen=True)
class Schema:
    """The keys of one kind of content and the keys a translation must repeat."""

    kind: str
    fields: dict[str, Field | Group]
    # A translation must write these itself; and these when the original has them.
    translation_requires: tuple[str, ...]
    translation_repeats: tuple[str, ...] = ("summary",)


_COMMON = {
    "slug": Field(fields.slug),
    "lang": Field(fields.text),
    "summary": Field(fields.text),
    "status": Field(fields.choice(*STATUSES)),
    "modified": Field(fields.moment),
}

# A cover for cards and share previews, and the credit under the photos.
_PHOTOS = {
    "cover": Field(fields.file_name),
    "cover_alt": Field(fields.text),
    "photo_credit": Field(fields.text),
}

POST = Schema(
    kind="post",
    fields={
        **_COMMON,
        "title": Field(
            fields.text, required=True, example="title: Hội nghị bạn đọc năm 2025"
        ),
        "date": Field(fields.moment, required=True, example="date: 2025-11-06 15:30"),
        "category": Field(
            fields.text_or_empty, required=True, example="category: hoat-dong"
        ),
        "correction": Field(fields.text),
        # The lead story of the home page (the newest featured post).
        "featured": Field(fields.yes_no, example="featured: true"),
        "tags": Field(fields.text_list),
        "authors": Field(fields.text_list),
        "source": Group(
            {"name": Field(fields.text, required=True), "url": Field(fields.url)},
            example="source: {name: Báo Lào Cai, url: https://baolaocai.vn/...}",
        ),
        "canonical": Field(fields.url),
        "aliases": Field(fields.old_address_list),
        # Folder names of people and works; a title written instead is
        # matched to its folder by the content check, which says what to write.
        "people": Field(fields.text_list),
        "works": Field(fields.text_list),
        "event": Group(
            {
                "start": Field(fields.moment_or_day, required=True),
                "end": Field(fields.moment_or_day),
                "venue": Field(fields.text),
            },
            example="event: {start: 2025-11-06 14:00, venue: Thư viện tỉnh}",
        ),
        **_PHOTOS,
        "gallery": Field(fields.file_name),
        # Shown after the lead as a player that loads only on play.
        "video": Field(
            fields.video,
            example="video: {url: https://www.youtube.com/watch?v=..., "
            "title: Đêm nhạc Tây Bắc}",
        ),
    },
    translation_requires=("title",),
)

PAGE = Schema(
    kind="page",
    fields={
        **_COMMON,
        "title": Field(fields.text, required=True, example="title: Giới thiệu"),
        **_PHOTOS,
    },
    translation_requires=("title",),
)

PERSON = Schema(
    kind="person",
    fields={
        **_COMMON,
        "name": Field(fields.text, required=True, example="name: Phùng Chiến"),
        "roles": Field(fields.choice_list(*PEOPLE_ROLES)),
        "born": Field(fields.year_or_date),
        "hometown": Field(fields.text),
        "portrait": Field(fields.file_name),
        "links": Field(fields.url_list),
    },
    translation_requires=(),
)

WORK = Schema(
    kind="work",
    fields={
        **_COMMON,
        "title": Field(fields.text, required=True, example="title: Chiều Mường Hum"),
        "kind": Field(fields.choice(*WORK_KINDS), required=True, example="kind: song"),
        "creators": Field(fields.text_list),
        "performers": Field(fields.text_list),
        "year": Field(fields.year),
        "audio": Field(fields.file_name),
        "duration": Field(fields.duration),
        "cover": Field(fields.file_name),
        "cover_alt": Field(fields.text),
        "publisher": Field(fields.text),
        "isbn": Field(fields.isbn),
    },
    translation_requires=("title",),
)

SCHEMAS = {schema.kind: schema for schema in (POST, PAGE, PERSON, WORK)}
