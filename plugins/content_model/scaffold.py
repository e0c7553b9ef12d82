"""The text `invoke new-post` writes: every key a writer may use, explained.

A new post lists every key of the post schema, each with a comment in the
site's language (the message catalogues), the keys a writer rarely needs
commented out, and the category left empty with the site's categories
listed: the content check asks for one until the writer chooses. A new
translation lists what it inherits from the original and what it must say
in its own language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from .categories import Categories
from .model import FrontMatter


def _(message: str) -> str:
    """Mark a writer-facing string for the catalogues; translated when written."""
    return message


# (key, value written, comment, shown or commented out). {title} and {date}
# are filled in; a commented key shows how to write it.
POST_KEYS: list[tuple[str, str, str, bool]] = [
    ("title", '"{title}"', _("The title. Keep the quotes if it has a colon (:)"), True),
    (
        "date",
        "{date}",
        _("Date and time of publishing (Vietnam time); a date alone shows no time"),
        True,
    ),
    ("category", "", _("Category: write one of the keys listed below"), True),
    ("tags", "[]", _("Topics, separated by commas: [văn hoá đọc, thư viện số]"), True),
    ("authors", "[Phòng Truyền thông]", _("Byline: who wrote the post"), False),
    (
        "summary",
        "Đoạn mở đầu...",
        _("Lead paragraph; without it the first paragraph is used"),
        False,
    ),
    (
        "source",
        "{{name: Báo Nhân Dân, url: https://nhandan.vn/...}}",
        _("Where the news comes from, if it is another paper's"),
        False,
    ),
    (
        "people",
        "[phung-chien]",
        _("People in the post: their folder names in content/people/"),
        False,
    ),
    (
        "works",
        "[chieu-muong-hum]",
        _("Songs, books and poems in the post: folder names in content/works/"),
        False,
    ),
    (
        "cover",
        "anh-bia.jpg",
        _("The photo of cards and shares; without it, the first photo of the text"),
        False,
    ),
    (
        "cover_alt",
        "Mô tả ảnh bìa",
        _("What the cover shows (for blind readers)"),
        False,
    ),
    (
        "photo_credit",
        "Thư viện tỉnh",
        _("Shown under each photo group as 'Ảnh: ...'"),
        False,
    ),
    (
        "gallery",
        "anh/",
        _("A folder of photos shown after the text (captions in anh/captions.yml)"),
        False,
    ),
    (
        "event",
        "{{start: 2025-11-06 14:00, end: 2025-11-06 17:00, venue: Thư viện tỉnh}}",
        _("The event the post announces: readers can add it to their calendar"),
        False,
    ),
    (
        "video",
        "{{url: https://youtu.be/..., title: Đêm nhạc, poster: anh.jpg}}",
        _("A YouTube or Facebook video shown after the lead; plays when pressed"),
        False,
    ),
    ("featured", "true", _("The lead story of the home page"), False),
    (
        "status",
        "draft",
        _("A draft is not published: delete this line to publish"),
        True,
    ),
]

BODY_HELP = [
    _("Write the post below the closing line, in Markdown."),
    _("Photos: copy them into this folder, then write ![what it shows](name.jpg)."),
    _("Photos on lines one after the other make a group; an *italic* line"),
    _("right after them is the group's caption."),
    _('A title in quotes captions one photo: ![Hall](hall.jpg "The hall at 2 pm").'),
    _("A video: paste its YouTube or Facebook link alone on a line."),
    _("A translation: ./dev new-post --translate posts/<year>/<folder> --lang en"),
]


def post_text(
    title: str, now: datetime, categories: Categories, gettext: Callable[[str], str]
) -> str:
    """Return a new post's text: every key, explained, the category to choose."""
    lines = ["---"]
    for key, value, comment, shown in POST_KEYS:
        lines.append(f"# {gettext(comment)}")
        if key == "category":
            lines += [
                f"#   {item.key}: {item.names[categories.default_lang]}"
                for item in categories.items
            ]
        written = value.format(
            title=title.replace('"', '\\"'), date=f"{now:%Y-%m-%d %H:%M}"
        )
        line = f"{key}: {written}".rstrip()
        lines.append(line if shown else f"# {line}")
    lines += [f"# {gettext(text)}" for text in BODY_HELP]
    lines += ["---", "", ""]
    return "\n".join(lines)


# What a translation writes itself: the rest comes from the original.
OWN_KEYS = ("title", "summary", "cover_alt", "correction", "slug")


def translation_text(original: FrontMatter, gettext: Callable[[str], str]) -> str:
    """Return a new translation's text: its own keys to write, what it inherits."""
    inherited = [key for key in original.values if key not in OWN_KEYS]
    translate = gettext(
        "Translate the title (and the summary if the original has one)."
    )
    lines = ["---", f"# {translate}", 'title: ""']
    if "summary" in original.values:
        lines.append('summary: ""')
    if inherited:
        taken = gettext("Taken from the original, do not repeat:")
        lines.append(f"# {taken} {', '.join(inherited)}")
    lines += [
        f"# {gettext('A draft is not published: delete this line to publish')}",
        "status: draft",
        "---",
        "",
        original.body.strip(),
        "",
    ]
    return "\n".join(lines)
