"""The page_metadata plugin's settings: PAGE_METADATA over these defaults, checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_base.settings import SettingsError, check_whole_numbers, merged_settings

from .cards import CardStyle

DEFAULTS: dict[str, Any] = {
    # The MEDIA crop shown when a page is shared (Open Graph, Twitter cards).
    "share_crop": "og",
    # The MEDIA crops an article's structured data lists (Google wants 16:9,
    # 4:3 and 1:1 for article images).
    "article_crops": ["16x9", "4x3", "1x1"],
    # Pages without a photo are shared with the library's logo, this square.
    "logo_size": 512,
    # The header shows the logo at 40 px: this square serves screens of up
    # to twice as many pixels.
    "header_logo_size": 96,
    # Open Graph locales of the site's languages (og:locale wants ll_CC).
    "locales": {"vi": "vi_VN", "en": "en_US", "fr": "fr_FR"},
    # The slug of the standing page about the library (it carries Library data).
    "about_page": "gioi-thieu",
    # The picture of a page without a photo (cards.py): its colours (""
    # takes the site's: its accent, the text on it, its surface; see
    # THEME_SUPPORT['colours']) and two font files with every letter of the
    # site's languages. Without fonts, such pages are shared with the logo.
    # A site sets only the keys it changes.
    "card": {
        "background": "",
        "text": "",
        "accent": "",
        "title_font": "",
        "name_font": "",
    },
    # The share bar's plain links, after the phone's own share sheet: the
    # network's name (shown as is) and its sharing address, where {url} is
    # the page's address and {title} its title (both URL-encoded). Zalo
    # documents sharing only through its SDK (with an Official Account): this
    # is the address Vietnamese sites link without it.
    "share_links": {
        "Zalo": "https://zalo.me/share?url={url}",
        "Facebook": "https://www.facebook.com/sharer/sharer.php?u={url}",
    },
}


@dataclass(frozen=True)
class PageMetadataSettings:
    """Checked PAGE_METADATA settings."""

    share_crop: str
    article_crops: tuple[str, ...]
    logo_size: int
    header_logo_size: int
    locales: dict[str, str]
    about_page: str
    share_links: dict[str, str]
    card: CardStyle | None


# Where a card takes the colour the site did not give it: the theme's token.
CARD_COLOURS = {"background": "accent", "text": "accent-text", "accent": "surface"}


def load_settings(
    settings: dict[str, Any],
    crops: dict[str, tuple[int, int]],
    colours: dict[str, str] | None = None,
) -> PageMetadataSettings:
    """Merge PAGE_METADATA over the defaults and check it against MEDIA's crops.

    `colours` are the site's (theme_support's THEME_COLOURS, light scheme):
    the card takes from them what PAGE_METADATA['card'] leaves empty.
    """
    merged = merged_settings(settings, "PAGE_METADATA", DEFAULTS)
    wanted = [merged["share_crop"], *merged["article_crops"]]
    unknown = [name for name in wanted if name not in crops]
    if unknown:
        raise SettingsError(
            f"PAGE_METADATA names crops MEDIA['crops'] lacks: {', '.join(unknown)}"
        )
    check_whole_numbers("PAGE_METADATA", merged, "logo_size", "header_logo_size")
    _check_share_links(merged["share_links"])
    return PageMetadataSettings(
        share_crop=merged["share_crop"],
        article_crops=tuple(merged["article_crops"]),
        logo_size=merged["logo_size"],
        header_logo_size=merged["header_logo_size"],
        locales=dict(merged["locales"]),
        about_page=merged["about_page"],
        share_links=dict(merged["share_links"]),
        card=_card_style(merged["card"], colours or {}),
    )


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _card_style(given: Any, colours: dict[str, str]) -> CardStyle | None:
    """Check PAGE_METADATA['card']: three colours, two font files (or none)."""
    keys = set(DEFAULTS["card"])
    if not isinstance(given, dict) or set(given) - keys:
        raise SettingsError(f"PAGE_METADATA['card'] may have only {sorted(keys)}")
    card = {**DEFAULTS["card"], **given}
    for key, token in CARD_COLOURS.items():
        card[key] = card[key] or colours.get(token, "")
    for key in CARD_COLOURS:
        if not (isinstance(card[key], str) and _COLOUR.fullmatch(card[key])):
            raise SettingsError(f"PAGE_METADATA['card'][{key!r}] must be like #8a1c1c")
    if not (card["title_font"] or card["name_font"]):
        return None
    fonts = {key: Path(card[key]) for key in ("title_font", "name_font")}
    for key, font in fonts.items():
        if not font.is_file():
            raise SettingsError(
                f"PAGE_METADATA['card'][{key!r}]: no font file at {font} (npm ci?)"
            )
    return CardStyle(card["background"], card["text"], card["accent"], *fonts.values())


def _check_share_links(links: Any) -> None:
    """Refuse a share link that is not https or does not carry the page's {url}."""
    if not isinstance(links, dict):
        raise SettingsError("PAGE_METADATA['share_links'] must be a dict")
    for name, template in links.items():
        try:
            ok = (
                isinstance(name, str)
                and name
                and isinstance(template, str)
                and template.startswith("https://")
                and "{url}" in template
                and template.format(url="u", title="t") is not None
            )
        except (KeyError, IndexError, ValueError):
            ok = False
        if not ok:
            raise SettingsError(
                f"PAGE_METADATA['share_links'][{name!r}] must be an https address "
                "with {url} (and optionally {title}) in it"
            )
