"""The first screen's <style>: the stylesheet without its "later" rules, compacted."""

from __future__ import annotations

import base64
import hashlib

import pytest

from site_base.settings import SettingsError
from theme_support.first_screen import (
    UnbalancedMarkers,
    first_screen_css,
    style_source,
)
from theme_support.settings import load_settings

STYLESHEET = """/* Tokens */
:root {
  --text: #1b1b1f;
}

.site-nav a > span,
.card  .card__title {
  color: var(--text);
  margin: 0 calc(100% - 1rem);
}

/* later { */
.pswp .pswp__caption {
  background: black;
}
/* } later */

@media (min-width: 48rem) {
  .cards { display: grid; }
}
"""


def test_later_rules_and_comments_are_left_out():
    css = first_screen_css(STYLESHEET)
    assert "pswp" not in css and "/*" not in css
    assert css.startswith(":root{--text: #1b1b1f;}")
    assert "@media (min-width: 48rem){.cards{display: grid;}}" in css


def test_compacting_keeps_the_spaces_that_mean_something():
    css = first_screen_css(STYLESHEET)
    assert ".site-nav a>span,.card .card__title{" in css
    assert "margin: 0 calc(100% - 1rem);" in css


@pytest.mark.parametrize("marker", ["/* later { */", "/* } later */"])
def test_a_marker_without_its_pair_is_refused(marker):
    with pytest.raises(UnbalancedMarkers, match="later"):
        first_screen_css(STYLESHEET + marker + "\n.a { color: red; }\n")


def test_the_policy_source_is_the_styles_sha256():
    digest = base64.b64encode(hashlib.sha256(b".a{color: red;}").digest()).decode()
    assert style_source(".a{color: red;}") == f"'sha256-{digest}'"


@pytest.mark.parametrize("name", ["", "css/site", 3, None])
def test_a_theme_stylesheet_that_is_no_css_file_is_refused(name):
    with pytest.raises(SettingsError, match="stylesheet"):
        load_settings({"PATH": "content", "THEME_SUPPORT": {"stylesheet": name}})
