"""The Content-Security-Policy: built from one place, said the same everywhere."""

from __future__ import annotations

import re

import pytest
from pelican.settings import read_settings

from site_base.settings import SettingsError
from site_publish.http_headers import headers_for, headers_rules
from tests.support import REPO
from theme_support.security import load_policy

DOC = REPO / "docs" / "security-headers.md"


@pytest.fixture(scope="module")
def policy():
    return load_policy(read_settings(str(REPO / "publishconf.py")))


def test_the_page_policy_allows_the_site_and_the_video_players_only(policy):
    directives = dict(part.split(" ", 1) for part in policy.meta.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["frame-src"] == (
        "https://www.youtube-nocookie.com https://www.facebook.com"
    )
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy.meta
    # A <meta> policy cannot say frame-ancestors: only the header does.
    assert "frame-ancestors" not in policy.meta
    assert policy.header == policy.meta + "; frame-ancestors 'self'"


def test_the_headers_file_gives_every_page_the_policy_but_the_editor(policy):
    rules = headers_rules(policy.headers_file())
    page = headers_for("/2025/hoi-nghi-ban-doc-2025/", rules)
    assert page["Content-Security-Policy"] == policy.header
    assert page["X-Content-Type-Options"] == "nosniff"
    editor = headers_for("/admin/index.html", rules)
    assert "Content-Security-Policy" not in editor


@pytest.mark.parametrize("block", ["text", "nginx", "apache"])
def test_the_documented_snippets_hold_the_policy_the_build_writes(policy, block):
    text = DOC.read_text(encoding="utf-8")
    snippet = re.search(rf"```{block}\n(.*?)```", text, re.DOTALL).group(1)
    assert policy.header in snippet
    if block == "text":
        assert snippet == policy.headers_file()


def test_a_site_may_add_sources_and_mistakes_are_refused():
    settings = {"SECURITY": {"policy": {"img-src": ["'self'", "https://i.example"]}}}
    assert "img-src 'self' https://i.example" in load_policy(settings).meta
    with pytest.raises(SettingsError):
        load_policy({"SECURITY": {"policy": {"img-src": "'self'"}}})
    with pytest.raises(SettingsError):
        load_policy({"SECURITY": {"excluded": ["admin"]}})
    with pytest.raises(SettingsError):
        load_policy({"SECURITY": {"polcy": {}}})
