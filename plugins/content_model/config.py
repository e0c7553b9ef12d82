"""The content_model plugin's settings: defaults in one place, checked once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.utils import slugify

from photo_groups import PhotoRenderer, plain_image
from site_base.catalogues import translations
from site_base.settings import SettingsError, merged_settings
from site_build.facts import SiteFacts, site_facts

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

    # The site's folder, content/, languages, "now", the writers' language,
    # its addresses (an alias written as a full address must be on one).
    facts: SiteFacts
    categories_file: Path
    tags_file: Path
    library_file: Path
    show_drafts: bool
    show_future: bool
    markdown: dict[str, Any]
    render_photo: PhotoRenderer
    ignore_files: tuple[str, ...]
    slug_substitutions: tuple[tuple[str, str], ...]
    # Pelican's ARTICLE_URL, ARTICLE_LANG_URL, PAGE_URL, PAGE_LANG_URL.
    url_patterns: dict[str, str] = field(default_factory=dict, compare=False)
    # Markdown converters made once per build and reset for each document
    # (rendering.py): making one costs more than converting a post.
    converters: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def messages_gettext(self, message: str) -> str:
        """Translate a writer's message into the messages' language."""
        return self.facts.writers_gettext(message)

    def gettext(self, lang: str, message: str) -> str:
        """Return a UI string of the theme's catalogue in `lang`."""
        return translations(self.facts.theme, lang, self.facts.root).gettext(message)

    def suggest_slug(self, text: str) -> str:
        """Return the slug Pelican would make of `text` (Vietnamese to ASCII)."""
        return slugify(text, regex_subs=self.slug_substitutions)

    @property
    def reserved_slugs(self) -> frozenset[str]:
        """Return the page slugs the site's own URLs use, languages included."""
        return RESERVED_SLUGS | set(self.facts.languages)


def load_settings(settings: dict[str, Any]) -> ContentModelSettings:
    """Merge CONTENT_MODEL over the defaults, without changing `settings`; check it."""
    merged = merged_settings(settings, "CONTENT_MODEL", DEFAULTS)
    for key in ("show_drafts", "show_future"):
        if not isinstance(merged[key], bool):
            raise SettingsError(f"CONTENT_MODEL[{key!r}] must be True or False")
    _check_paths(settings)
    facts = site_facts(settings)
    return ContentModelSettings(
        facts=facts,
        categories_file=facts.root / merged["categories_file"],
        tags_file=facts.root / merged["tags_file"],
        library_file=facts.root / merged["library_file"],
        show_drafts=merged["show_drafts"],
        show_future=merged["show_future"],
        markdown=settings.get("MARKDOWN", {}),
        render_photo=provided_photo_renderer(settings),
        ignore_files=tuple(settings.get("IGNORE_FILES", ())),
        slug_substitutions=tuple(map(tuple, settings["SLUG_REGEX_SUBSTITUTIONS"])),
        url_patterns={key: settings[key] for key in URL_PATTERNS},
    )


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
