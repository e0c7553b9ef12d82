"""ADMIN is checked before anything is built: a wrong editor setting says what is wrong."""

from __future__ import annotations

import pytest

from site_admin.settings import load_settings
from site_base.settings import SettingsError
from tests.support import REPO


def admin(**values):
    return load_settings({"ADMIN": values}, REPO)


def test_the_defaults_sign_in_to_github_with_a_token():
    settings = admin()
    assert (settings.api_root, settings.app_id, settings.auth_url) == ("", "", "")
    assert settings.folder == f"admin/sveltia@{settings.version}/"


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"app_id": "Iv1.abc"}, "go together"),
        ({"auth_url": "https://sign-in.example"}, "go together"),
        ({"auth_url": "ftp://x", "app_id": "y"}, "http(s) address"),
        ({"repo": "not a repo"}, "owner/name"),
        ({"local_token": "abc"}, "local api_root"),
        ({"local_token": "abc", "api_root": "https://evil.example"}, "local api_root"),
        ({"sveltia": "/nowhere"}, "run npm ci"),
        ({"decap": "node_modules/decap-cms/dist"}, "unknown keys"),
    ],
)
def test_a_wrong_editor_setting_is_refused_with_why(values, says):
    with pytest.raises(
        SettingsError, match=says.replace("(", r"\(").replace(")", r"\)")
    ):
        admin(**values)


def test_a_local_token_goes_with_the_local_host():
    settings = admin(local_token="abc", api_root="http://127.0.0.1:8081")
    assert settings.local_token == "abc"
