"""A site's colours replace the stylesheet's, and stay readable."""

from __future__ import annotations

import pytest

from site_base.settings import SettingsError
from tests.support import REPO
from theme_support.colours import contrast, site_colours, stylesheet_tokens
from theme_support.first_screen import first_screen_css

THEME_CSS = (REPO / "theme/static/css/site.css").read_text("utf-8")


def test_the_stylesheets_colours_are_read_for_both_schemes():
    tokens = stylesheet_tokens(THEME_CSS)
    assert {"accent", "accent-text", "link", "surface", "text"} <= set(tokens["light"])
    assert tokens["light"]["accent"] != tokens["dark"]["accent"]
    assert tokens["light"]["background"] == "#ffffff"


def test_the_themes_own_colours_pass_the_contrast_check():
    colours = site_colours(THEME_CSS, {})
    assert colours.css() == ""
    assert colours.light == stylesheet_tokens(THEME_CSS)["light"]


def test_a_sites_colours_come_after_the_themes_in_both_schemes():
    colours = site_colours(
        THEME_CSS, {"light": {"accent": "#8A1C1C"}, "dark": {"accent": "#5c1313"}}
    )
    assert colours.light["accent"] == "#8a1c1c"
    assert colours.dark["accent"] == "#5c1313"
    first_screen = first_screen_css(THEME_CSS + colours.css())
    assert first_screen.endswith(
        ":root{--accent:#8A1C1C}"
        "@media (prefers-color-scheme:dark){:root{--accent:#5c1313}}"
    )


def test_contrast_is_wcags_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"light": {"acent": "#8a1c1c"}},
            "has \\['acent'\\]: the stylesheet's colours",
        ),
        ({"light": {"accent": "red"}}, "must be like #8a1c1c"),
        ({"sepia": {}}, "must be like"),
        (
            {"light": {"accent": "#f4c7c3"}},
            "accent-text #ffffff on accent #f4c7c3 has a contrast of 1.[0-9]+:1; "
            "WCAG AA needs 4.5:1",
        ),
        (
            {"dark": {"link": "#1a1a60"}},
            "\\['dark'\\]: link #1a1a60 on background #141416",
        ),
    ],
)
def test_colours_that_cannot_be_used_are_refused_with_the_reason(given, message):
    with pytest.raises(SettingsError, match=message):
        site_colours(THEME_CSS, given)
