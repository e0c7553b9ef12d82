"""Decap CMS's configuration, made from the content model and the site's data.

The editor writes exactly what `invoke check` reads: posts as folders
`posts/<year>/<slug>/index.<lang>.md` with their photos beside them, one file
per language (Decap's i18n `multiple_files`), the categories of
data/categories.yml as a list to choose from, people and works by their
folder names. Labels are in the writers' language (the catalogues).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from content_model.checker import SiteCheck
from content_model.library import DAYS

from .settings import AdminSettings
from .writable import DATA_COLLECTION, LIBRARY_MEDIA, MEDIA_FOLDER


def _(message: str) -> str:
    """Mark a label for the catalogues; the writers' gettext translates it."""
    return message


URL_PATTERN = ["^https?://\\S+$", _("A full web address, starting with https://")]
VIDEO_PATTERN = [
    "^https?://(www\\.|m\\.)?(youtube\\.com|youtu\\.be|facebook\\.com|fb\\.watch)/\\S+$",
    _("The link of a YouTube or Facebook video"),
]
DATE_FORMAT = "YYYY-MM-DD HH:mm"
SLUG_PATTERN = ["^[a-z0-9]+(-[a-z0-9]+)*$", _("Letters a-z, digits and '-' only")]
TIME_PATTERN = ["^[0-2][0-9]:[0-5][0-9]$", _("Like 07:30")]
DURATION_PATTERN = ["^([0-9]+:)?[0-5]?[0-9]:[0-5][0-9]$", _("Like 4:35")]


class Labels:
    """Field definitions with their labels and hints in the writers' language."""

    def __init__(self, gettext: Callable[[str], str]) -> None:
        self.translate = gettext

    def field(self, name: str, label: str, widget: str, **extra: Any) -> dict:
        """Return one field; `hint` and pattern messages are translated too."""
        field = {"name": name, "label": self.translate(label), "widget": widget}
        if "hint" in extra:
            extra["hint"] = self.translate(extra["hint"])
        if "pattern" in extra:
            extra["pattern"] = [
                extra["pattern"][0],
                self.translate(extra["pattern"][1]),
            ]
        field.update(extra)
        return field

    def names(self, languages: tuple[str, ...]) -> list[dict]:
        """Return a text field per language (vi, en): a name in each."""
        label = self.translate(_("Name in %(lang)s"))
        return [
            self.field(lang, label % {"lang": lang}, "string") for lang in languages
        ]

    def entries(self, name: str, label: str, collection: str) -> dict:
        """Return a list of people or works, chosen by name, saved as folder names.

        "folder_relation" is Decap's relation widget giving and taking folder
        names (theme/static/js/admin.js; decap-cms#4092).
        """
        shown = "name" if collection == "people" else "title"
        return self.field(
            name,
            label,
            "folder_relation",
            required=False,
            collection=collection,
            search_fields=[shown],
            display_fields=[shown],
            value_field="{{slug}}",
            multiple=True,
        )


def decap_config(
    admin: AdminSettings, check: SiteCheck, lang: str, gettext
) -> dict[str, Any]:
    """Return the editor's configuration (admin/config.yml), in language `lang`."""
    site = check.cfg
    config: dict[str, Any] = {
        "locale": lang,
        "backend": {
            "name": "github",
            "repo": admin.repo or "owner/repository",
            "branch": admin.branch,
            **({"base_url": admin.auth_url} if admin.auth_url else {}),
        },
        "i18n": {
            "structure": "multiple_files",
            "locales": list(site.facts.languages),
            "default_locale": site.facts.default_lang,
        },
        # Folder names as the content model wants them: a-z, digits and '-'.
        "slug": {
            "encoding": "ascii",
            "clean_accents": True,
            "sanitize_replacement": "-",
        },
        "site_url": "/",
        "media_folder": f"content/{MEDIA_FOLDER}",
        "collections": collections(check, Labels(gettext)),
    }
    if admin.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"
    if admin.local_backend:
        host = admin.local_backend.split("//", 1)[1].split(":", 1)[0].split("/")[0]
        config["local_backend"] = {
            "url": admin.local_backend,
            "allowed_hosts": sorted({host, "localhost", "127.0.0.1"}),
        }
    return config


def _bundle(name: str, label: str, folder: str, path: str, labels: Labels) -> dict:
    """Return a folder collection of bundles: one folder per entry, files beside it."""
    return {
        "name": name,
        "label": labels.translate(label),
        "folder": f"content/{folder}",
        "path": path,
        "create": True,
        "extension": "md",
        "format": "yaml-frontmatter",
        "i18n": True,
        # Photos are uploaded into the entry's own folder.
        "media_folder": "",
        "public_folder": "",
    }


def collections(check: SiteCheck, labels: Labels) -> list[dict]:
    """Return the collections: posts, people, works, standing pages.

    The keys inside an optional group (source, event, video) are optional
    here: Decap would refuse to save a post that leaves the whole group
    empty. The content check asks for what a filled group needs.
    """
    f = labels.field
    default = check.cfg.facts.default_lang
    categories = [
        {"label": item.name(default), "value": item.key}
        for item in check.categories.items
    ]
    posts = _bundle("posts", _("Posts"), "posts", "{{year}}/{{slug}}/index", labels)
    posts.update(
        label_singular=labels.translate(_("Post")),
        summary="{{title}} ({{year}})",
        sortable_fields=["date", "title"],
        fields=[
            f("title", _("Title"), "string", i18n=True),
            f("date", _("Date and time"), "datetime", format=DATE_FORMAT),
            f("category", _("Category"), "select", options=categories),
            f("tags", _("Topics"), "list", required=False),
            f("authors", _("Byline"), "list", required=False),
            f(
                "summary",
                _("Lead paragraph"),
                "text",
                required=False,
                i18n=True,
                hint=_("Without it the first paragraph is used"),
            ),
            labels.entries("people", _("People in the post"), "people"),
            labels.entries("works", _("Songs, books and poems in the post"), "works"),
            f(
                "cover",
                _("Cover photo"),
                "image",
                required=False,
                hint=_("Without it, the first photo of the text"),
            ),
            f("cover_alt", _("What the cover shows"), "string", required=False),
            f("photo_credit", _("Photo credit"), "string", required=False),
            f(
                "source",
                _("Source"),
                "object",
                required=False,
                collapsed=True,
                fields=[
                    f("name", _("Publication"), "string", required=False),
                    f(
                        "url",
                        _("Address of the original"),
                        "string",
                        required=False,
                        pattern=URL_PATTERN,
                    ),
                ],
            ),
            f(
                "event",
                _("Event"),
                "object",
                required=False,
                collapsed=True,
                fields=[
                    f(
                        "start",
                        _("Starts"),
                        "datetime",
                        format=DATE_FORMAT,
                        required=False,
                    ),
                    f("end", _("Ends"), "datetime", format=DATE_FORMAT, required=False),
                    f("venue", _("Venue"), "string", required=False),
                ],
            ),
            f(
                "video",
                _("Video after the lead"),
                "object",
                required=False,
                collapsed=True,
                fields=[
                    f(
                        "url",
                        _("Video link"),
                        "string",
                        required=False,
                        pattern=VIDEO_PATTERN,
                    ),
                    f("title", _("Video title"), "string", required=False),
                    f("poster", _("Poster photo"), "image", required=False),
                    f("transcript", _("Transcript address"), "string", required=False),
                ],
            ),
            f(
                "gallery",
                _("Folder of photos shown after the text"),
                "string",
                required=False,
            ),
            f(
                "modified",
                _("Corrected on"),
                "datetime",
                format=DATE_FORMAT,
                required=False,
            ),
            f("correction", _("Correction note"), "text", required=False),
            f(
                "canonical",
                _("Address of the original, when this is a copy"),
                "string",
                required=False,
                pattern=URL_PATTERN,
            ),
            f("aliases", _("Old addresses of the post"), "list", required=False),
            f("featured", _("Lead story of the home page"), "boolean", required=False),
            f(
                "status",
                _("Status"),
                "select",
                options=[
                    {"label": labels.translate(_("Draft")), "value": "draft"},
                    {"label": labels.translate(_("Published")), "value": "published"},
                ],
                # The review board is where a post waits on the public editor:
                # what it publishes is meant to be read. A writer may still
                # keep a post as a draft here. Absent in posts written by hand.
                default="published",
                required=False,
            ),
            f("body", _("Text"), "markdown", i18n=True),
        ],
    )
    people = _bundle("people", _("People"), "people", "{{slug}}/index", labels)
    people.update(
        identifier_field="name",
        label_singular=labels.translate(_("Person")),
        fields=[
            f("name", _("Name"), "string"),
            f(
                "roles",
                _("Roles"),
                "select",
                multiple=True,
                required=False,
                options=["author", "poet", "musician", "composer", "singer", "artist"],
            ),
            f("portrait", _("Portrait"), "image", required=False),
            f("born", _("Born (year or date)"), "string", required=False),
            f("hometown", _("Hometown"), "string", required=False),
            f("links", _("Links (web addresses)"), "list", required=False),
            f("summary", _("Lead paragraph"), "text", required=False, i18n=True),
            f("body", _("Biography"), "markdown", i18n=True),
        ],
    )
    works = _bundle("works", _("Works"), "works", "{{slug}}/index", labels)
    works.update(
        label_singular=labels.translate(_("Work")),
        fields=[
            f("title", _("Title"), "string", i18n=True),
            f("kind", _("Kind"), "select", options=["song", "book", "poem"]),
            labels.entries("creators", _("Created by"), "people"),
            labels.entries("performers", _("Performed by"), "people"),
            f("year", _("Year"), "number", required=False, value_type="int"),
            f("audio", _("Recording (mp3)"), "file", required=False),
            f(
                "duration",
                _("Length (m:ss)"),
                "string",
                required=False,
                pattern=DURATION_PATTERN,
            ),
            f("publisher", _("Publisher"), "string", required=False),
            f("isbn", _("ISBN"), "string", required=False),
            f("cover", _("Cover photo"), "image", required=False),
            f("cover_alt", _("What the cover shows"), "string", required=False),
            f("summary", _("Lead paragraph"), "text", required=False, i18n=True),
            f("body", _("Text"), "markdown", i18n=True),
        ],
    )
    pages = _bundle("pages", _("Standing pages"), "pages", "{{slug}}/index", labels)
    pages.update(
        label_singular=labels.translate(_("Page")),
        fields=[
            f("title", _("Title"), "string", i18n=True),
            f("summary", _("Lead paragraph"), "text", required=False, i18n=True),
            f("cover", _("Cover photo"), "image", required=False),
            f("cover_alt", _("What the cover shows"), "string", required=False),
            f("photo_credit", _("Photo credit"), "string", required=False),
            f("body", _("Text"), "markdown", i18n=True),
        ],
    )
    return [posts, people, works, pages, data_files(check, labels)]


def data_files(check: SiteCheck, labels: Labels) -> dict:
    """Return the site's data files, so staff change a category or the hours."""
    f = labels.field
    languages = check.cfg.facts.languages
    site = check.cfg.facts.root

    def path(file: Path) -> str:
        return file.relative_to(site).as_posix()

    names = labels.names(languages)
    return {
        "name": DATA_COLLECTION,
        "label": labels.translate(_("Site data")),
        "editor": {"preview": False},
        "files": [
            {
                "name": "categories",
                "label": labels.translate(_("Categories")),
                "file": path(check.cfg.categories_file),
                "fields": [
                    f(
                        "categories",
                        _("Categories, in menu order"),
                        "list",
                        summary="{{fields.key}}",
                        fields=[
                            f(
                                "key",
                                _("Key (the web address)"),
                                "string",
                                pattern=SLUG_PATTERN,
                            ),
                            *names,
                        ],
                    )
                ],
            },
            {
                "name": "tags",
                "label": labels.translate(_("Topic names in other languages")),
                "file": path(check.cfg.tags_file),
                "fields": [
                    f(
                        "tags",
                        _("Topics"),
                        "list",
                        required=False,
                        summary="{{fields.tag}}",
                        fields=[
                            f("tag", _("Topic as written in posts"), "string"),
                            *names[1:],
                        ],
                    )
                ],
            },
            {
                "name": "library",
                "label": labels.translate(_("The library")),
                "file": path(check.cfg.library_file),
                # Its pictures sit in data/library/, named relative to data/.
                "media_folder": LIBRARY_MEDIA,
                "public_folder": LIBRARY_MEDIA,
                "fields": library_fields(languages, labels),
            },
        ],
    }


def library_fields(languages: tuple[str, ...], labels: Labels) -> list[dict]:
    """Return the fields of data/library.yml (content_model.library checks them)."""
    f = labels.field
    return [
        f(
            "name",
            _("Name"),
            "object",
            fields=labels.names(languages),
        ),
        f(
            "address",
            _("Address"),
            "object",
            fields=[
                f("street", _("Street"), "string"),
                f("locality", _("Ward"), "string"),
                f("region", _("Province"), "string"),
                f("country", _("Country code"), "string"),
            ],
        ),
        f("phone", _("Phone"), "string"),
        f("email", _("E-mail"), "string"),
        f(
            "opening_hours",
            _("Opening hours"),
            "list",
            fields=[
                f("days", _("Days"), "select", multiple=True, options=list(DAYS)),
                f("opens", _("Opens (hh:mm)"), "string", pattern=TIME_PATTERN),
                f("closes", _("Closes (hh:mm)"), "string", pattern=TIME_PATTERN),
            ],
        ),
        f(
            "geo",
            _("Map position"),
            "object",
            required=False,
            fields=[
                f("lat", _("Latitude"), "number", value_type="float"),
                f("lon", _("Longitude"), "number", value_type="float"),
            ],
        ),
        f("logo", _("Logo (square)"), "image"),
        f("podcast_artwork", _("Podcast artwork (1400 px or more)"), "image"),
    ]
