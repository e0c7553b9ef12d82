"""A site's own typeface: font files of its static/ folder, as @font-face rules.

THEME_SUPPORT["font"] names the typeface of the text (a font stack);
THEME_SUPPORT["font_files"] publishes the files of the families it names
that readers' devices may not have. The rules go with the first-screen
styles of every page (first_screen.py), with `font-display: optional` by
default: a phone on a slow network shows the text at once in the next font
of the stack and never moves it; the font, cached meanwhile, is used from
the next page on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from site_base.settings import SettingsError

# Font names, quoted or not, separated by commas: nothing that could end the rule.
_FONT_NAME = r'("[\w .-]+"|[\w .-]+)'
_FONT_STACK = re.compile(rf"^\s*{_FONT_NAME}(\s*,\s*{_FONT_NAME})*\s*$")
_WEIGHT = re.compile(r"^[1-9]00( [1-9]00)?$")
FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}
STYLES = ("normal", "italic")
DISPLAYS = ("optional", "swap", "fallback", "block", "auto")
FONT_FILE_EXAMPLE = (
    '{"family": "Be Vietnam Pro", "file": "fonts/BeVietnamPro-Regular.woff2", '
    '"weight": "400"}'
)


@dataclass(frozen=True)
class FontFile:
    """One file of a family: its name in the static files, weight and style."""

    family: str
    file: str
    weight: str = "400"
    style: str = "normal"
    display: str = "optional"

    def rule(self, address: str) -> str:
        """Return this file's @font-face rule, the file published at `address`."""
        kind = FORMATS[self.file[self.file.rfind(".") :].lower()]
        return (
            f'@font-face{{font-family:"{self.family}";'
            f'src:url("{address}") format("{kind}");'
            f"font-weight:{self.weight};font-style:{self.style};"
            f"font-display:{self.display}}}"
        )


def font_stack(value: Any) -> str:
    """Return the font stack, checked: names and commas only."""
    if value == "":
        return ""
    if not (isinstance(value, str) and _FONT_STACK.match(value)):
        raise SettingsError(
            "THEME_SUPPORT['font'] must be font names separated by commas, "
            "like '\"Noto Serif\", Georgia, serif'"
        )
    return " ".join(value.split())


def stack_names(stack: str) -> set[str]:
    """Return the font names of a stack, without their quotes."""
    return {name.strip().strip('"') for name in stack.split(",") if name.strip()}


def font_files(value: Any, stack: str) -> tuple[FontFile, ...]:
    """Return THEME_SUPPORT['font_files'], checked against the font stack."""
    if not isinstance(value, list | tuple):
        raise SettingsError(
            "THEME_SUPPORT['font_files'] must be a list of files, "
            f"like [{FONT_FILE_EXAMPLE}]"
        )
    return tuple(_font_file(entry, stack) for entry in value)


def _font_file(entry: Any, stack: str) -> FontFile:
    where = "THEME_SUPPORT['font_files']"
    if not isinstance(entry, dict) or not {"family", "file"} <= set(entry):
        raise SettingsError(
            f"{where}: each file needs 'family' and 'file', like {FONT_FILE_EXAMPLE}"
        )
    unknown = set(entry) - {"family", "file", "weight", "style", "display"}
    if unknown:
        raise SettingsError(
            f"{where}: '{sorted(unknown)[0]}' is not a key of a font file "
            "(family, file, weight, style, display)"
        )
    font = FontFile(**{key: str(value) for key, value in entry.items()})
    if not re.fullmatch(r"[\w .-]+", font.family) or font.family not in stack_names(
        stack
    ):
        raise SettingsError(
            f"{where}: the family '{font.family}' must be one of the fonts "
            f"THEME_SUPPORT['font'] names ({stack or 'none'})"
        )
    if not re.fullmatch(r"[\w./-]+", font.file) or ".." in font.file.split("/"):
        raise SettingsError(
            f"{where}: '{font.file}' must be the path of a file of the site's "
            "static/ folder, like fonts/BeVietnamPro-Regular.woff2"
        )
    if font.file[font.file.rfind(".") :].lower() not in FORMATS:
        raise SettingsError(
            f"{where}: '{font.file}' must be a {', '.join(FORMATS)} file"
        )
    if not _WEIGHT.match(font.weight):
        raise SettingsError(
            f"{where}: the weight of '{font.file}' must be 100 to 900, "
            "or a range like '100 900' for a variable font"
        )
    if font.style not in STYLES:
        raise SettingsError(
            f"{where}: the style of '{font.file}' must be {' or '.join(STYLES)}"
        )
    if font.display not in DISPLAYS:
        raise SettingsError(
            f"{where}: the display of '{font.file}' must be one of "
            f"{', '.join(DISPLAYS)}"
        )
    return font


def font_css(stack: str, files: tuple[FontFile, ...], addresses: dict[str, str]) -> str:
    """Return the site's font rules: its files' @font-face, then its stack.

    `addresses` gives each file's published address.
    """
    rules = [font.rule(addresses[font.file]) for font in files]
    if stack:
        rules.append(f":root{{--font-text:{stack}}}")
    return "".join(f"\n{rule}" for rule in rules) + ("\n" if rules else "")
