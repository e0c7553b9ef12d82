"""docs/settings.md lists every setting a site may set, as the code has it now."""

from __future__ import annotations

from tests.support import REPO
from tools import settings_table


def test_the_settings_table_is_up_to_date():
    written = (REPO / "docs" / "settings.md").read_text("utf-8")
    assert written == settings_table.document(), (
        "run `python -m tools.settings_table` to write docs/settings.md again"
    )


def test_the_table_has_every_plugins_setting_and_the_generators():
    document = settings_table.document()
    for name in ("FEEDS", "MEDIA", "THEME_SUPPORT", "PAGE_METADATA", "SECURITY"):
        assert f"## `{name}`" in document
    assert "| `colours` | `{}` |" in document
    assert "| `THEME_TEMPLATES_OVERRIDES` | `['templates']` |" in document
    assert "| `PUBLISH` | `{'retention_days': 7}` |" in document
