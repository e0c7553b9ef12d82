"""The site's colours: the stylesheet's colour tokens, as the site sets them.

The theme's stylesheet names its colours once, as custom properties of
`:root` (`--accent: #...;`), and again for the dark scheme inside
`@media (prefers-color-scheme: dark)`. A site sets any of them in
THEME_SUPPORT['colours'] (`{"light": {"accent": "#8a1c1c"}, "dark": {...}}`):
the published stylesheet ends with those values, so they win over the
theme's everywhere, in the page's first-screen <style> as in the file.
Every pair of colours the theme shows one on the other must keep WCAG AA's
contrast (4.5:1) in both schemes; a site's colours that break one are
refused, with the pair and the ratio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from site_base.settings import SettingsError

SCHEMES = ("light", "dark")
# Text on background the theme shows: (text token, background token).
READ_ON = (
    ("text", "background"),
    ("muted", "background"),
    ("link", "background"),
    ("text", "surface"),
    ("muted", "surface"),
    ("accent-text", "accent"),
)
# WCAG 2.2 AA, normal text.
MINIMUM_CONTRAST = 4.5

_DARK = re.compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{")
_ROOT = re.compile(r":root\s*\{(?P<body>[^}]*)\}")
_TOKEN = re.compile(r"--(?P<name>[a-z][a-z0-9-]*)\s*:\s*(?P<value>#[0-9a-fA-F]{6})\s*;")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class ThemeColours:
    """Every colour token of the stylesheet in each scheme, the site's applied."""

    light: dict[str, str]
    dark: dict[str, str]
    # What the site set (its part of the stylesheet), by scheme.
    given: dict[str, dict[str, str]]

    def css(self) -> str:
        """Return the rules that set the site's colours after the theme's."""
        rules = []
        light = self.given.get("light") or {}
        if light:
            rules.append(f":root{{{_declarations(light)}}}")
        dark = self.given.get("dark") or {}
        if dark:
            rules.append(
                f"@media (prefers-color-scheme:dark){{:root{{{_declarations(dark)}}}}}"
            )
        if not rules:
            return ""
        return "\n/* The site's colours (THEME_SUPPORT['colours']) */\n" + "\n".join(
            rules
        )


def _declarations(colours: dict[str, str]) -> str:
    return ";".join(f"--{name}:{value}" for name, value in colours.items())


def stylesheet_tokens(stylesheet: str) -> dict[str, dict[str, str]]:
    """Return the colour tokens of the stylesheet's `:root`, light and dark."""
    dark_at = _DARK.search(stylesheet)
    before = stylesheet[: dark_at.start()] if dark_at else stylesheet
    light = _ROOT.search(before)
    dark = _ROOT.search(stylesheet, dark_at.end()) if dark_at else None
    return {
        "light": _tokens(light),
        "dark": _tokens(dark),
    }


def _tokens(block: re.Match[str] | None) -> dict[str, str]:
    if block is None:
        return {}
    return {
        found["name"]: found["value"].lower()
        for found in _TOKEN.finditer(block["body"])
    }


def site_colours(stylesheet: str, given: Any) -> ThemeColours:
    """Return the stylesheet's colours, THEME_SUPPORT['colours'] applied, checked."""
    if not isinstance(given, dict) or set(given) - set(SCHEMES):
        raise SettingsError(
            "THEME_SUPPORT['colours'] must be like "
            '{"light": {"accent": "#8a1c1c"}, "dark": {"accent": "#5c1313"}}'
        )
    tokens = stylesheet_tokens(stylesheet)
    schemes = {}
    for scheme in SCHEMES:
        wanted = given.get(scheme) or {}
        if not isinstance(wanted, dict):
            raise SettingsError(f"THEME_SUPPORT['colours'][{scheme!r}] must be a dict")
        unknown = sorted(set(wanted) - set(tokens[scheme]))
        if unknown:
            raise SettingsError(
                f"THEME_SUPPORT['colours'][{scheme!r}] has {unknown}: the "
                f"stylesheet's colours are {sorted(tokens[scheme])}"
            )
        for name, value in wanted.items():
            if not (isinstance(value, str) and _COLOUR.fullmatch(value)):
                raise SettingsError(
                    f"THEME_SUPPORT['colours'][{scheme!r}][{name!r}] must be "
                    "like #8a1c1c"
                )
        schemes[scheme] = {
            **tokens[scheme],
            **{k: v.lower() for k, v in wanted.items()},
        }
        _check_contrast(scheme, schemes[scheme])
    return ThemeColours(
        schemes["light"],
        schemes["dark"],
        {scheme: dict(given.get(scheme) or {}) for scheme in SCHEMES},
    )


def _check_contrast(scheme: str, colours: dict[str, str]) -> None:
    """Refuse colours a reader could not read one on the other."""
    for text, background in READ_ON:
        if text not in colours or background not in colours:
            continue
        ratio = contrast(colours[text], colours[background])
        if ratio < MINIMUM_CONTRAST:
            raise SettingsError(
                f"THEME_SUPPORT['colours'][{scheme!r}]: {text} {colours[text]} on "
                f"{background} {colours[background]} has a contrast of "
                f"{ratio:.2f}:1; WCAG AA needs {MINIMUM_CONTRAST}:1"
            )


def contrast(first: str, second: str) -> float:
    """Return WCAG's contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    """Return WCAG's relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4  # noqa: PLR2004
        for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
