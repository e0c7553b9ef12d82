"""The people_works plugin's settings: PEOPLE_WORKS over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from site_base.settings import SettingsError, merged_settings

DEFAULTS: dict[str, Any] = {
    # URL path under SITEURL where songs' audio files are published, as
    # <media_path>/works/<slug>/<file> (beside the photo derivatives).
    "media_path": "media",
}


@dataclass(frozen=True)
class PeopleWorksSettings:
    """Checked PEOPLE_WORKS settings."""

    media_path: str


def load_settings(settings: dict[str, Any]) -> PeopleWorksSettings:
    """Merge PEOPLE_WORKS over the defaults (without changing `settings`); check it."""
    merged = merged_settings(settings, "PEOPLE_WORKS", DEFAULTS)
    media_path = merged["media_path"]
    if not isinstance(media_path, str) or not media_path.strip("/"):
        raise SettingsError("PEOPLE_WORKS['media_path'] must be a URL path, like media")
    return PeopleWorksSettings(media_path=media_path.strip("/"))
