"""The theme_support plugin's settings: THEME_SUPPORT over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_base.settings import SettingsError, merged_settings
from site_build.facts import site_root

from .fonts import FontFile, font_files, font_stack

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
    # Font files of the site's static/ folder for families `font` names, e.g.
    # [{"family": "Be Vietnam Pro", "file": "fonts/BeVietnamPro-Regular.woff2",
    # "weight": "400"}] (also "style": normal or italic; "display": optional,
    # shown from the next page when the network is slow, or swap...); a file
    # must have every Vietnamese letter (fonts.py).
    "font_files": [],
}


@dataclass(frozen=True)
class ThemeSupportSettings:
    """Checked THEME_SUPPORT settings."""

    templates_cache: Path
    stylesheet: str
    colours: dict[str, dict[str, str]]
    font: str
    font_files: tuple[FontFile, ...]


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
    stack = font_stack(merged["font"])
    return ThemeSupportSettings(
        templates_cache=site_root(settings) / folder,
        stylesheet=stylesheet,
        colours=merged["colours"],
        font=stack,
        font_files=font_files(merged["font_files"], stack),
    )
