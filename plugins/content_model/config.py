"""The content_model plugin's settings: defaults in one place, checked once."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.utils import slugify

from photo_groups import PhotoRenderer, plain_image
from site_base.catalogues import translations
from site_base.settings import SettingsError, merged_settings

from . import signals

# Folders of content/, as docs/content-model.md fixes them.
SECTIONS = {"post": "posts", "page": "pages", "person": "people", "work": "works"}

DEFAULTS: dict[str, Any] = {
    # Relative to the site folder, the parent of content/ (data/ sits beside it).
    "categories_file": "data/categories.yml",
    # Optional: display names of tags in other languages.
    "tags_file": "data/tags.yml",
    # The library's facts (name, address, hours, logo, podcast artwork).
    "library_file": "data/library.yml",
    # Development builds show drafts and future-dated posts; publishconf.py does not.
    "show_drafts": True,
    "show_future": True,
}

URL_PATTERNS = ("ARTICLE_URL", "ARTICLE_LANG_URL", "PAGE_URL", "PAGE_LANG_URL")

# First path segments the site's own pages use: a standing page may not take them.
RESERVED_SLUGS = frozenset(
    {
        "page",
        "people",
        "works",
        "category",
        "tag",
        "by",
        "galleries",
        "search",
        "feeds",
        "media",
        "admin",
        "drafts",
        "theme",
        "archives",
        "404",
    }
)


@dataclass(frozen=True)
class ContentModelSettings:
    """What the content model needs from Pelican's settings, checked."""

    content: Path
    site: Path
    categories_file: Path
    tags_file: Path
    library_file: Path
    languages: tuple[str, ...]
    default_lang: str
    # The language of content problems: MESSAGES_LANG, else DEFAULT_LANG.
    messages_lang: str
    timezone: ZoneInfo
    build_time: datetime
    show_drafts: bool
    show_future: bool
    markdown: dict[str, Any]
    theme: str
    render_photo: PhotoRenderer
    ignore_files: tuple[str, ...]
    slug_substitutions: tuple[tuple[str, str], ...]
    # The site's public addresses (SITEURL, PUBLIC_SITEURL): an alias written
    # as a full address must be on one of them.
    site_addresses: tuple[str, ...] = ()
    # Pelican's ARTICLE_URL, ARTICLE_LANG_URL, PAGE_URL, PAGE_LANG_URL.
    url_patterns: dict[str, str] = field(default_factory=dict, compare=False)
    # Markdown converters made once per build and reset for each document
    # (rendering.py): making one costs more than converting a post.
    converters: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def messages_gettext(self, message: str) -> str:
        """Translate a writer's message into the messages' language."""
        return translations(self.theme, self.messages_lang).gettext(message)

    def gettext(self, lang: str, message: str) -> str:
        """Return a UI string of the theme's catalogue in `lang`."""
        return translations(self.theme, lang).gettext(message)

    def suggest_slug(self, text: str) -> str:
        """Return the slug Pelican would make of `text` (Vietnamese to ASCII)."""
        return slugify(text, regex_subs=self.slug_substitutions)

    @property
    def reserved_slugs(self) -> frozenset[str]:
        """Return the page slugs the site's own URLs use, languages included."""
        return RESERVED_SLUGS | set(self.languages)


def load_settings(settings: dict[str, Any]) -> ContentModelSettings:
    """Merge CONTENT_MODEL over the defaults, without changing `settings`; check it."""
    merged = merged_settings(settings, "CONTENT_MODEL", DEFAULTS)
    for key in ("show_drafts", "show_future"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"CONTENT_MODEL[{key!r}] must be True or False")
    _check_paths(settings)
    content = Path(settings["PATH"]).resolve()
    languages = tuple(settings.get("LANGUAGES") or ())
    default_lang = settings["DEFAULT_LANG"]
    if not languages or languages[0] != default_lang:
        raise SettingsError(
            "LANGUAGES must list the site's languages, DEFAULT_LANG first"
        )
    return ContentModelSettings(
        content=content,
        site=content.parent,
        categories_file=content.parent / merged["categories_file"],
        tags_file=content.parent / merged["tags_file"],
        library_file=content.parent / merged["library_file"],
        languages=languages,
        default_lang=default_lang,
        messages_lang=messages_language(settings),
        timezone=_zone(settings.get("TIMEZONE")),
        build_time=build_time(settings),
        show_drafts=merged["show_drafts"],
        show_future=merged["show_future"],
        markdown=settings.get("MARKDOWN", {}),
        theme=settings["THEME"],
        render_photo=provided_photo_renderer(settings),
        ignore_files=tuple(settings.get("IGNORE_FILES", ())),
        slug_substitutions=tuple(map(tuple, settings["SLUG_REGEX_SUBSTITUTIONS"])),
        site_addresses=tuple(
            address.rstrip("/")
            for address in (settings.get("SITEURL"), settings.get("PUBLIC_SITEURL"))
            if address
        ),
        url_patterns={key: settings[key] for key in URL_PATTERNS},
    )


# Tests and CI logs read the problems in English whatever the site's language.
MESSAGES_LANG_VARIABLE = "SITE_MESSAGES_LANG"


def messages_language(settings: dict[str, Any]) -> str:
    """Return the language writers read problems in.

    MESSAGES_LANG (`--lang` of build, preview and check), else the
    environment's SITE_MESSAGES_LANG, else the site's own language. English
    is the messages' source language; another needs its catalogue.
    """
    lang = (
        settings.get("MESSAGES_LANG")
        or os.environ.get(MESSAGES_LANG_VARIABLE)
        or settings["DEFAULT_LANG"]
    )
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}(-[a-z]{2,4})?", lang):
        raise SettingsError("MESSAGES_LANG must be a language code such as vi or en")
    return lang


def writers_gettext(settings: dict[str, Any]) -> Callable[[str], str]:
    """Return the gettext of the language writers read the build's messages in."""
    return translations(settings["THEME"], messages_language(settings)).gettext


def provided_photo_renderer(settings: dict[str, Any]) -> PhotoRenderer:
    """Return the renderer a plugin provides for photos in bodies, else plain <img>."""
    provided = [
        renderer
        for _receiver, renderer in signals.photo_renderer.send(settings)
        if renderer is not None
    ]
    if len(provided) > 1:
        raise SettingsError("only one plugin may draw the photos of post bodies")
    return provided[0] if provided else plain_image


def _check_paths(settings: dict[str, Any]) -> None:
    """Pelican must read exactly the folders the content model defines, autoescaped."""
    if not settings.get("JINJA_ENVIRONMENT", {}).get("autoescape"):
        raise SettingsError("JINJA_ENVIRONMENT must set autoescape: True")
    if list(settings.get("ARTICLE_PATHS", [])) != [SECTIONS["post"]]:
        raise SettingsError(f"ARTICLE_PATHS must be [{SECTIONS['post']!r}]")
    if list(settings.get("PAGE_PATHS", [])) != [SECTIONS["page"]]:
        raise SettingsError(f"PAGE_PATHS must be [{SECTIONS['page']!r}]")


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "")
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"TIMEZONE {name!r} is not a known time zone") from None


def build_time(settings: dict[str, Any]) -> datetime:
    """Return BUILD_TIME, "now" for the whole build, as an aware datetime.

    pelicanconf.py sets it (from SOURCE_DATE_EPOCH when set); `pelican -e`
    can only pass JSON, so an ISO 8601 text or a Unix time is accepted too.
    """
    value = settings.get("BUILD_TIME")
    if isinstance(value, bool):
        raise SettingsError(
            "BUILD_TIME must be a datetime, an ISO 8601 text or a Unix time"
        )
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, tz=UTC)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise SettingsError(f"BUILD_TIME {value!r} is not ISO 8601") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise SettingsError("BUILD_TIME must be a datetime with a time zone")
    return value
