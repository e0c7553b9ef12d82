"""The editor's configuration (in Decap's format, Sveltia reads it), from the schemas.

The editor writes exactly what `invoke check` reads: posts as folders
`posts/<year>/<slug>/index.<lang>.md` with their photos beside them, one file
per language (i18n `multiple_files`), the categories of
data/categories.yml as a list to choose from, people and works by their
folder names. Labels are in the writers' language (the catalogues).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from content_model.checker import SiteCheck
from content_model.library import DAYS
from content_model.schemas import PAGE, PERSON, POST, WORK, Field, Form, Group, Schema

from .settings import AdminSettings
from .writable import DATA_COLLECTION, LIBRARY_MEDIA, MEDIA_FOLDER


def _(message: str) -> str:
    """Mark a label for the catalogues; the writers' gettext translates it."""
    return message


# A post's folder: the year of its date, then its name (posts/2025/hoi-nghi/).
POST_PATH = "{{fields.date | date('YYYY')}}/{{slug}}/index"
SLUG_PATTERN = ["^[a-z0-9]+(-[a-z0-9]+)*$", _("Letters a-z, digits and '-' only")]
TIME_PATTERN = ["^[0-2][0-9]:[0-5][0-9]$", _("Like 07:30")]


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
        """Return a list of people or works, chosen by name, saved as folder names."""
        shown = "name" if collection == "people" else "title"
        return self.field(
            name,
            label,
            "relation",
            required=False,
            collection=collection,
            search_fields=[shown],
            display_fields=[shown],
            value_field="{{slug}}",
            multiple=True,
        )


def editor_config(
    admin: AdminSettings, check: SiteCheck, site_url: str, gettext
) -> dict[str, Any]:
    """Return the editor's configuration (admin/config.yml), labels through `gettext`.

    The editor's own words follow the writer's browser (Vietnamese for a
    Vietnamese browser); the labels of fields are in the site's language.
    `site_url` is the public site's address ("" in a local preview).
    """
    site = check.cfg
    config: dict[str, Any] = {
        "backend": backend(admin),
        "i18n": {
            "structure": "multiple_files",
            "locales": list(site.facts.languages),
            "default_locale": site.facts.default_lang,
            # A new entry is in the site's language; its translation is
            # added when someone writes it (the English column is switched on).
            "initial_locales": "default",
        },
        # Folder names as the content model wants them: a-z, digits and '-'.
        "slug": {
            "encoding": "ascii",
            "clean_accents": True,
            "sanitize_replacement": "-",
        },
        **({"site_url": site_url} if site_url.startswith("http") else {}),
        "media_folder": f"content/{MEDIA_FOLDER}",
        # The site is published by CI from the branch, not by a preview
        # service the editor could link to: it does not ask GitHub for one.
        "show_preview_links": False,
        # A field left empty is left out of the file, as a writer would write it.
        "output": {"omit_empty_optional_fields": True},
        # Photos are the library's own, uploaded from the staff's computers
        # (no stock photo services), under names the content model accepts.
        "media_libraries": {
            "default": {"config": {"slugify_filename": True}},
            "stock_assets": False,
        },
        "collections": collections(check, Labels(gettext)),
    }
    if admin.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"
    return config


def backend(admin: AdminSettings) -> dict[str, Any]:
    """Return the backend: GitHub (or the local host), with a token or OAuth."""
    found: dict[str, Any] = {
        "name": "github",
        "repo": admin.repo or "owner/repository",
        "branch": admin.branch,
    }
    if admin.api_root:
        found["api_root"] = admin.api_root
    if admin.app_id:
        found["app_id"] = admin.app_id
    if admin.auth_url:
        found["base_url"] = admin.auth_url
    # Without the library's own sign-in service, "Sign in with GitHub" would
    # go to Netlify's and fail: staff see only the token's sign-in.
    oauth = bool(admin.app_id and admin.auth_url)
    found["auth_methods"] = ["oauth", "token"] if oauth else ["token"]
    return found


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
    """Return the collections: posts, people, works, standing pages, the data files.

    Their fields are the content model's schemas (content_model.schemas), in
    their order: every key that has a form, then the text.
    """
    posts = _bundle("posts", _("Posts"), "posts", POST_PATH, labels)
    posts.update(
        label_singular=labels.translate(_("Post")),
        summary="{{title}} ({{date | date('YYYY')}})",
        sortable_fields=["date", "title"],
        fields=schema_fields(POST, check, labels),
    )
    people = _bundle("people", _("People"), "people", "{{slug}}/index", labels)
    people.update(
        identifier_field="name",
        label_singular=labels.translate(_("Person")),
        fields=schema_fields(PERSON, check, labels),
    )
    works = _bundle("works", _("Works"), "works", "{{slug}}/index", labels)
    works.update(
        label_singular=labels.translate(_("Work")),
        fields=schema_fields(WORK, check, labels),
    )
    pages = _bundle("pages", _("Standing pages"), "pages", "{{slug}}/index", labels)
    pages.update(
        label_singular=labels.translate(_("Page")),
        fields=schema_fields(PAGE, check, labels),
    )
    return [posts, people, works, pages, data_files(check, labels)]


def schema_fields(schema: Schema, check: SiteCheck, labels: Labels) -> list[dict]:
    """Return the editor's fields of one kind of content, then its text."""
    body = labels.field(
        "body", schema.body, "markdown", i18n=True, modes=["raw", "rich_text"]
    )
    return [*_fields(schema.fields, check, labels, grouped=False), body]


def _fields(
    keys: Mapping[str, Field | Group],
    check: SiteCheck,
    labels: Labels,
    *,
    grouped: bool,
) -> list[dict]:
    """Return a field for each key that has a form.

    The keys inside an optional group (source, event, video) are optional
    here: the editor would refuse to save a post that leaves the whole group
    empty. The content check asks for what a filled group needs.
    """
    return [
        _field(name, key.form, key, check, labels, grouped=grouped)
        for name, key in keys.items()
        if key.form is not None
    ]


def _field(  # noqa: PLR0913 (one field: its name, form, key and where it is)
    name: str,
    form: Form,
    key: Field | Group | None,
    check: SiteCheck,
    labels: Labels,
    *,
    grouped: bool,
) -> dict:
    """Return one editor field made from a key's form (and its check's options)."""
    if form.choose_from in ("people", "works"):
        return labels.entries(name, form.label, form.choose_from)
    extra: dict[str, Any] = {}
    if grouped or key is None or not key.required:
        extra["required"] = False
    if form.i18n:
        extra["i18n"] = True
    if form.hint:
        extra["hint"] = form.hint
    extra.update(_options(form, key, check, labels))
    extra.update(form.widget_options)
    if isinstance(key, Group):
        extra["fields"] = _fields(key.fields, check, labels, grouped=True)
    elif form.fields:
        extra["fields"] = [
            _field(sub, subform, None, check, labels, grouped=True)
            for sub, subform in form.fields.items()
        ]
    return labels.field(name, form.label, form.widget, **extra)


def _options(
    form: Form, key: Field | Group | None, check: SiteCheck, labels: Labels
) -> dict[str, Any]:
    """Return what a select offers: the site's categories, or the check's options."""
    if form.choose_from == "categories":
        default = check.cfg.facts.default_lang
        return {
            "options": [
                {"label": item.name(default), "value": item.key}
                for item in check.categories.items
            ]
        }
    allowed = getattr(getattr(key, "check", None), "options", None)
    if allowed is None:
        return {}
    found: dict[str, Any] = {}
    if getattr(key.check, "multiple", False):
        found["multiple"] = True
    found["options"] = [
        {"label": labels.translate(form.option_labels[value]), "value": value}
        if value in form.option_labels
        else value
        for value in allowed
    ]
    return found


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
                "label": labels.translate(_("Name, address and opening hours")),
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
        f(
            "managing_agency",
            _("Managing agency"),
            "object",
            fields=labels.names(languages),
        ),
        f(
            "responsible_person",
            _("Responsible for content"),
            "object",
            fields=labels.names(languages),
        ),
        f(
            "licence",
            _("Licence (if the site has one)"),
            "object",
            required=False,
            fields=labels.names(languages),
        ),
        f(
            "tagline",
            _("What the site is about (under its name)"),
            "object",
            required=False,
            fields=labels.names(languages),
        ),
    ]
