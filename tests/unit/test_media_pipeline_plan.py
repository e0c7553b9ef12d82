"""PhotoPlans: each photo planned once, with every crop any plugin asked for."""

from __future__ import annotations

from pathlib import Path

from media_pipeline.plan import PhotoPlans
from media_pipeline.settings import load_settings
from photo_groups import Photo
from tests.support import REPO


def plans() -> PhotoPlans:
    return PhotoPlans(
        load_settings({"PATH": str(REPO / "content"), "SITEURL": "https://x.example"})
    )


LOGO = Photo("logo.png", REPO / "data/library/logo.png", "Logo", 512, 512)
COVER = Photo("a.jpg", REPO / "content/posts/2025/a/a.jpg", "A", 2000, 1000)


def test_a_photo_outside_content_keeps_its_path_from_the_site_folder():
    plan = plans().add(LOGO, {"icon": (64, 64)}, responsive=False)
    assert [r.path for r in plan.renditions] == ["media/data/library/logo-icon.jpg"]
    assert plan.url(plan.crops["icon"]) == (
        "https://x.example/media/data/library/logo-icon.jpg"
    )


def test_crops_asked_for_later_are_added_to_the_same_plan():
    planned = plans()
    planned.add(COVER, {"og": (1200, 630)})
    again = planned.add(COVER, {"podcast": (1400, 1400)}, responsive=False)
    assert set(again.crops) == {"og", "podcast"}
    assert again.crops["podcast"].width == again.crops["podcast"].height == 1000
    assert len(again.of_format("jpeg")) == 3  # 480, 960, 1600: still responsive
    assert [p.photo.path for p in planned.all()] == [Path(COVER.path)]


def test_asking_for_nothing_new_returns_the_known_plan():
    planned = plans()
    first = planned.add(COVER)
    assert planned.add(COVER) is first
