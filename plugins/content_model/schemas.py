"""The front-matter keys of each kind of content (docs/content-model.md).

Each key says how it is checked and, when the editor at /admin/ shows it,
how (`Form`: its label in the writers' words, the editor's widget, in
Decap's configuration format which Sveltia CMS reads, and that widget's
options). site_admin makes the editor's configuration from these schemas
alone, in their order: a key added here is in the editor too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import fields
from .fields import Check

PEOPLE_ROLES = ("author", "poet", "musician", "composer", "singer", "artist")
WORK_KINDS = ("song", "book", "poem")
STATUSES = ("draft", "published")


def _(message: str) -> str:
    """Mark a label for the catalogues; the editor translates it when it is made."""
    return message


# What the editor's text fields accept (a pattern, and what it says otherwise).
URL_PATTERN = ("^https?://\\S+$", _("A full web address, starting with https://"))
VIDEO_PATTERN = (
    "^https?://(www\\.|m\\.)?(youtube\\.com|youtu\\.be|facebook\\.com|fb\\.watch)/\\S+$",
    _("The link of a YouTube or Facebook video"),
)
DURATION_PATTERN = ("^([0-9]+:)?[0-5]?[0-9]:[0-5][0-9]$", _("Like 4:35"))
DATE_FORMAT = "YYYY-MM-DD HH:mm"


@dataclass(frozen=True)
class Form:
    """How the editor shows a key: a field of the editor, labelled for writers.

    `widget_options` holds the widget's own options (format, pattern, value_type,
    collapsed, default); the options of a choice come from the key's check,
    `choose_from` names where else they come from ("categories": the site's
    categories; "people" or "works": those folders); `fields` are the
    sub-keys of a value checked as a whole (video).
    """

    label: str
    widget: str
    hint: str = ""
    i18n: bool = False
    widget_options: Mapping[str, Any] = field(default_factory=dict)
    choose_from: str = ""
    option_labels: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, Form] = field(default_factory=dict)


@dataclass(frozen=True)
class Field:
    """One front-matter key: how to check it, whether it must be there, its form."""

    check: Check
    required: bool = False
    example: str = ""
    form: Form | None = None


@dataclass(frozen=True)
class Group:
    """A key whose value is a group of keys, such as `source: {name:, url:}`."""

    fields: dict[str, Field]
    required: bool = False
    example: str = ""
    form: Form | None = None


@dataclass(frozen=True)
class Schema:
    """The keys of one kind of content and the keys a translation must repeat."""

    kind: str
    fields: dict[str, Field | Group]
    # A translation must write these itself; and these when the original has them.
    translation_requires: tuple[str, ...]
    translation_repeats: tuple[str, ...] = ("summary",)
    # The label of the text (the Markdown after the front matter) in the editor.
    body: str = _("Text")


def _lead(hint: str = "") -> Field:
    return Field(
        fields.text, form=Form(_("Lead paragraph"), "text", hint=hint, i18n=True)
    )


def _cover(hint: str = "") -> dict[str, Field]:
    """Return the cover keys: the photo for cards and share previews, its text."""
    return {
        "cover": Field(
            fields.file_name, form=Form(_("Cover photo"), "image", hint=hint)
        ),
        "cover_alt": Field(fields.text, form=Form(_("What the cover shows"), "string")),
    }


# The credit under the photos.
_CREDIT = {
    "photo_credit": Field(fields.text, form=Form(_("Photo credit"), "string")),
}
# Written by hand only: the editor names the folder and the file itself.
_FILES = {"slug": Field(fields.slug), "lang": Field(fields.text)}
# Pages, people and works: their status and date of change too (the editor
# shows them for posts only).
_BY_HAND = {
    **_FILES,
    "status": Field(fields.choice(*STATUSES)),
    "modified": Field(fields.moment),
}
_STATUS = Field(
    fields.choice(*STATUSES),
    form=Form(
        _("Status"),
        "select",
        # The review board is where a post waits on the public editor: what
        # it publishes is meant to be read. A writer may still keep a post as
        # a draft here. Absent in posts written by hand.
        widget_options={"default": "published"},
        option_labels={"draft": _("Draft"), "published": _("Published")},
    ),
)
_DATE = {"format": DATE_FORMAT}


def _title(example: str) -> Field:
    return Field(
        fields.text,
        required=True,
        example=example,
        form=Form(_("Title"), "string", i18n=True),
    )


POST = Schema(
    kind="post",
    fields={
        "title": _title("title: Hội nghị bạn đọc năm 2025"),
        "date": Field(
            fields.moment,
            required=True,
            example="date: 2025-11-06 15:30",
            form=Form(_("Date and time"), "datetime", widget_options=_DATE),
        ),
        "category": Field(
            fields.text_or_empty,
            required=True,
            example="category: hoat-dong",
            form=Form(_("Category"), "select", choose_from="categories"),
        ),
        "tags": Field(fields.text_list, form=Form(_("Topics"), "list")),
        "authors": Field(fields.text_list, form=Form(_("Byline"), "list")),
        "summary": _lead(_("Without it the first paragraph is used")),
        # Folder names of people and works; a title written instead is
        # matched to its folder by the content check, which says what to write.
        "people": Field(
            fields.text_list,
            form=Form(_("People in the post"), "folder_relation", choose_from="people"),
        ),
        "works": Field(
            fields.text_list,
            form=Form(
                _("Songs, books and poems in the post"),
                "folder_relation",
                choose_from="works",
            ),
        ),
        **_cover(_("Without it, the first photo of the text")),
        **_CREDIT,
        "source": Group(
            {
                "name": Field(
                    fields.text, required=True, form=Form(_("Publication"), "string")
                ),
                "url": Field(
                    fields.url,
                    form=Form(
                        _("Address of the original"),
                        "string",
                        widget_options={"pattern": URL_PATTERN},
                    ),
                ),
            },
            example="source: {name: Báo Nhân Dân, url: https://nhandan.vn/...}",
            form=Form(_("Source"), "object", widget_options={"collapsed": True}),
        ),
        "event": Group(
            {
                "start": Field(
                    fields.moment_or_day,
                    required=True,
                    form=Form(_("Starts"), "datetime", widget_options=_DATE),
                ),
                "end": Field(
                    fields.moment_or_day,
                    form=Form(_("Ends"), "datetime", widget_options=_DATE),
                ),
                "venue": Field(fields.text, form=Form(_("Venue"), "string")),
            },
            example="event: {start: 2025-11-06 14:00, venue: Thư viện tỉnh}",
            form=Form(_("Event"), "object", widget_options={"collapsed": True}),
        ),
        # Shown after the lead as a player that loads only on play.
        "video": Field(
            fields.video,
            example="video: {url: https://www.youtube.com/watch?v=..., "
            "title: Đêm nhạc Tây Bắc}",
            form=Form(
                _("Video after the lead"),
                "object",
                widget_options={"collapsed": True},
                fields={
                    "url": Form(
                        _("Video link"),
                        "string",
                        widget_options={"pattern": VIDEO_PATTERN},
                    ),
                    "title": Form(_("Video title"), "string"),
                    "poster": Form(_("Poster photo"), "image"),
                    "transcript": Form(_("Transcript address"), "string"),
                },
            ),
        ),
        "gallery": Field(
            fields.file_name,
            form=Form(_("Folder of photos shown after the text"), "string"),
        ),
        "modified": Field(
            fields.moment,
            form=Form(_("Corrected on"), "datetime", widget_options=_DATE),
        ),
        "correction": Field(fields.text, form=Form(_("Correction note"), "text")),
        "canonical": Field(
            fields.url,
            form=Form(
                _("Address of the original, when this is a copy"),
                "string",
                widget_options={"pattern": URL_PATTERN},
            ),
        ),
        "aliases": Field(
            fields.old_address_list, form=Form(_("Old addresses of the post"), "list")
        ),
        # The lead story of the home page (the newest featured post).
        "featured": Field(
            fields.yes_no,
            example="featured: true",
            form=Form(_("Lead story of the home page"), "boolean"),
        ),
        "status": _STATUS,
        **_FILES,
    },
    translation_requires=("title",),
)

PAGE = Schema(
    kind="page",
    fields={
        "title": _title("title: Giới thiệu"),
        "summary": _lead(),
        **_cover(),
        **_CREDIT,
        **_BY_HAND,
    },
    translation_requires=("title",),
)

PERSON = Schema(
    kind="person",
    fields={
        "name": Field(
            fields.text,
            required=True,
            example="name: Phùng Chiến",
            form=Form(_("Name"), "string"),
        ),
        "roles": Field(
            fields.choice_list(*PEOPLE_ROLES), form=Form(_("Roles"), "select")
        ),
        "portrait": Field(fields.file_name, form=Form(_("Portrait"), "image")),
        "born": Field(
            fields.year_or_date, form=Form(_("Born (year or date)"), "string")
        ),
        "hometown": Field(fields.text, form=Form(_("Hometown"), "string")),
        "links": Field(fields.url_list, form=Form(_("Links (web addresses)"), "list")),
        "summary": _lead(),
        **_BY_HAND,
    },
    translation_requires=(),
    body=_("Biography"),
)

WORK = Schema(
    kind="work",
    fields={
        "title": _title("title: Chiều Mường Hum"),
        "kind": Field(
            fields.choice(*WORK_KINDS),
            required=True,
            example="kind: song",
            form=Form(_("Kind"), "select"),
        ),
        "creators": Field(
            fields.text_list,
            form=Form(_("Created by"), "folder_relation", choose_from="people"),
        ),
        "performers": Field(
            fields.text_list,
            form=Form(_("Performed by"), "folder_relation", choose_from="people"),
        ),
        "year": Field(
            fields.year,
            form=Form(_("Year"), "number", widget_options={"value_type": "int"}),
        ),
        "audio": Field(fields.file_name, form=Form(_("Recording (mp3)"), "file")),
        "duration": Field(
            fields.duration,
            form=Form(
                _("Length (m:ss)"),
                "string",
                widget_options={"pattern": DURATION_PATTERN},
            ),
        ),
        "publisher": Field(fields.text, form=Form(_("Publisher"), "string")),
        "isbn": Field(fields.isbn, form=Form(_("ISBN"), "string")),
        **_cover(),
        "summary": _lead(),
        **_BY_HAND,
    },
    translation_requires=("title",),
)

SCHEMAS = {schema.kind: schema for schema in (POST, PAGE, PERSON, WORK)}
