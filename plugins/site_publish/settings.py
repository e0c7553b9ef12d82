"""Publishing settings: PUBLISH (in publishconf.py) over these defaults, checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from site_base.settings import SettingsError, merged_settings

DEFAULTS: dict[str, Any] = {
    # Files that a replaced page still referenced stay online this long, so a
    # reader who loaded the old page (or a cache that kept it) gets its photos.
    "retention_days": 7,
    # A publish holds the destination's lock (lock.py) at most this long: a
    # publisher killed without letting go blocks the next one until then.
    "lock_minutes": 120,
}
DEFAULT_LOCK_HOLD = timedelta(minutes=DEFAULTS["lock_minutes"])


@dataclass(frozen=True)
class PublishSettings:
    """Checked PUBLISH settings."""

    retention: timedelta
    lock_hold: timedelta = DEFAULT_LOCK_HOLD


def load_settings(settings: dict[str, Any]) -> PublishSettings:
    """Merge PUBLISH over the defaults (without changing `settings`) and check it."""
    merged = merged_settings(settings, "PUBLISH", DEFAULTS)
    days = merged["retention_days"]
    if not isinstance(days, int | float) or isinstance(days, bool) or days < 0:
        raise SettingsError(
            "PUBLISH['retention_days'] must be a number of days, 0 or more"
        )
    minutes = merged["lock_minutes"]
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 1:
        raise SettingsError("PUBLISH['lock_minutes'] must be a whole number, 1 or more")
    return PublishSettings(
        retention=timedelta(days=days), lock_hold=timedelta(minutes=minutes)
    )
