"""The theme_support plugin's settings: THEME_SUPPORT over these defaults, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_base.settings import SettingsError, merged_settings
from site_build.facts import site_root

DEFAULTS: dict[str, Any] = {
    # Where compiled templates are kept: relative to the site's folder (the
    # parent of content/), or a full path. The key of each holds the template's
    # source and every compiler option, so several sites may share one folder.
    "templates_cache": ".cache/templates",
    # The theme's stylesheet (a file of its static/ folder): its first-screen
    # rules go in every page's <head>, the file at the end of <body>
    # (first_screen.py).
    "stylesheet": "css/site.css",
    # The site's colours: any colour the stylesheet names in `:root`
    # (accent, accent-text, link, surface...), for the light and the dark
    # scheme, e.g. {"light": {"accent": "#8a1c1c"}, "dark": {"accent":
    # "#5c1313"}} (colours.py checks every pair for contrast).
    "colours": {},
    # The site's typeface for text: a CSS font stack, e.g. '"Noto Serif",
    # Georgia, serif' (the fonts of readers' devices; "": the theme's system
    # fonts, which have every Vietnamese letter).
    "font": "",
}


@dataclass(frozen=True)
class ThemeSupportSettings:
    """Checked THEME_SUPPORT settings."""

    templates_cache: Path
    stylesheet: str
    colours: dict[str, dict[str, str]]
    font: str


def load_settings(settings: dict[str, Any]) -> ThemeSupportSettings:
    """Merge THEME_SUPPORT over the defaults (without changing `settings`)."""
    merged = merged_settings(settings, "THEME_SUPPORT", DEFAULTS)
    folder = merged["templates_cache"]
    if not isinstance(folder, str) or not folder.strip():
        raise SettingsError("THEME_SUPPORT['templates_cache'] must be a folder path")
    stylesheet = merged["stylesheet"]
    if not isinstance(stylesheet, str) or not stylesheet.endswith(".css"):
        raise SettingsError(
            "THEME_SUPPORT['stylesheet'] must name a .css file of the theme's static/"
        )
    return ThemeSupportSettings(
        templates_cache=site_root(settings) / folder,
        stylesheet=stylesheet,
        colours=merged["colours"],
        font=_font(merged["font"]),
    )


# Font names, quoted or not, separated by commas: nothing that could end the rule.
_FONT_STACK = re.compile(
    r'^\s*("[\w .-]+"|[\w .-]+)(\s*,\s*("[\w .-]+"|[\w .-]+))*\s*$'
)


def _font(value: Any) -> str:
    """Return the font stack, checked: names and commas only."""
    if value == "":
        return ""
    if not (isinstance(value, str) and _FONT_STACK.match(value)):
        raise SettingsError(
            "THEME_SUPPORT['font'] must be font names separated by commas, "
            "like '\"Noto Serif\", Georgia, serif'"
        )
    return " ".join(value.split())
