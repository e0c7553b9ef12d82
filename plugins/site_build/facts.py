"""The site's facts, made once per build: where it is, its addresses, languages, "now".

Every plugin needs some of them (the site folder beside content/, SITEURL,
the time zone, BUILD_TIME, the languages, the language writers read
messages in). `site_facts(settings)` reads them from Pelican's settings and
checks them once; the site's Pelican class (pelican.py) puts the object in
the settings under FACTS before anything runs, so every plugin reads the
same one. A plugin run alone by a test, or `invoke check`, gets one made
from its settings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from site_base.catalogues import translations
from site_base.settings import SettingsError

# The key under which the build's SiteFacts travels in settings and context.
FACTS = "SITE_FACTS"
# Tests and CI logs read the problems in English whatever the site's language.
MESSAGES_LANG_VARIABLE = "SITE_MESSAGES_LANG"


@dataclass(frozen=True)
class SiteFacts:
    """What every plugin may know of the site being built, checked."""

    # The site's folder: the parent of content/, where data/ and .cache/ are.
    root: Path
    content: Path
    # SITEURL: "" in a development build (pages link relative to the server).
    siteurl: str
    # The address readers know the site by (publishconf.py builds for it).
    public_siteurl: str
    # Where `invoke serve` and `livereload` serve a development build.
    dev_siteurl: str
    timezone: ZoneInfo
    # "Now" for the whole build.
    build_time: datetime
    languages: tuple[str, ...]
    default_lang: str
    # The language writers read the build's messages in.
    messages_lang: str
    theme: str

    @property
    def addresses(self) -> tuple[str, ...]:
        """Return the site's own addresses (SITEURL, PUBLIC_SITEURL), no final /."""
        return tuple(
            address.rstrip("/")
            for address in (self.siteurl, self.public_siteurl)
            if address
        )

    @property
    def absolute_siteurl(self) -> str:
        """Return SITEURL, or DEV_SITEURL in a development build (SITEURL is "").

        Pages work with addresses relative to the server; a feed reader or a
        crawler needs full ones, so the development build uses the address
        `invoke serve` and `livereload` serve at.
        """
        siteurl = (self.siteurl or self.dev_siteurl).rstrip("/")
        if urlsplit(siteurl).scheme not in ("http", "https"):
            raise SettingsError(
                "SITEURL (or DEV_SITEURL for development builds) must be a full "
                "http(s) address"
            )
        return siteurl

    def writers_gettext(self, message: str) -> str:
        """Translate a message into the language writers read the build in."""
        return translations(self.theme, self.messages_lang, self.root).gettext(message)


def site_facts(settings: dict[str, Any]) -> SiteFacts:
    """Return the build's facts (made from `settings` when no build put them there)."""
    facts = settings.get(FACTS)
    return facts if isinstance(facts, SiteFacts) else read_facts(settings)


def read_facts(settings: dict[str, Any]) -> SiteFacts:
    """Read and check the site's facts from Pelican's settings."""
    content = Path(settings["PATH"]).resolve()
    languages = tuple(settings.get("LANGUAGES") or ())
    default_lang = settings["DEFAULT_LANG"]
    if not languages or languages[0] != default_lang:
        raise SettingsError(
            "LANGUAGES must list the site's languages, DEFAULT_LANG first"
        )
    return SiteFacts(
        root=site_root(settings),
        content=content,
        siteurl=settings.get("SITEURL") or "",
        public_siteurl=settings.get("PUBLIC_SITEURL") or "",
        dev_siteurl=settings.get("DEV_SITEURL") or "",
        timezone=_zone(settings.get("TIMEZONE")),
        build_time=build_time(settings),
        languages=languages,
        default_lang=default_lang,
        messages_lang=messages_language(settings),
        theme=settings["THEME"],
    )


def site_root(settings: dict[str, Any]) -> Path:
    """Return the site's folder: the one above content/ (PATH)."""
    return Path(settings["PATH"]).resolve().parent


def template_overrides(settings: dict[str, Any]) -> list[Path]:
    """Return the site's own template folders (THEME_TEMPLATES_OVERRIDES).

    A relative folder is the site's (beside content/), wherever the build
    runs from.
    """
    root = site_root(settings)
    return [root / folder for folder in settings.get("THEME_TEMPLATES_OVERRIDES", ())]


def static_overrides(settings: dict[str, Any]) -> list[Path]:
    """Return the site's own folders of theme files (THEME_STATIC_OVERRIDES).

    A file there is published instead of the theme's static file of the
    same name (`favicon.svg`); relative folders are the site's.
    """
    root = site_root(settings)
    return [root / folder for folder in settings.get("THEME_STATIC_OVERRIDES", ())]


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
    lang = messages_language(settings)
    return translations(settings["THEME"], lang, site_root(settings)).gettext


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
