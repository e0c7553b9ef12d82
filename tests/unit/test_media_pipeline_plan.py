"""PhotoPlans: each photo planned once, with every crop any plugin asked for."""

from __future__ import annotations

import re
from pathlib import Path

from media_pipeline.plan import PhotoPlans, fingerprint, plan
from media_pipeline.settings import DEFAULTS, load_settings
from photo_groups import Photo
from tests.support import REPO, project_settings


def settings(**media):
    return load_settings(
        project_settings(
            PATH=str(REPO / "content"), SITEURL="https://x.example", MEDIA=media
        )
    )


def plans() -> PhotoPlans:
    return PhotoPlans(settings(), digest_of=lambda _path: "0" * 64)


LOGO = Photo("logo.png", REPO / "data/library/logo.png", "Logo", 512, 512)
COVER = Photo("a.jpg", REPO / "content/posts/2025/a/a.jpg", "A", 2000, 1000)


def test_a_photo_outside_content_keeps_its_path_from_the_site_folder():
    plan = plans().add(LOGO, {"icon": (64, 64)}, responsive=False)
    name = (
        f"logo-icon.{fingerprint('0' * 64, settings().layout.spec_digests['jpeg'])}.jpg"
    )
    assert [r.path for r in plan.renditions] == [f"media/data/library/{name}"]
    assert (
        plan.url(plan.crops["icon"]) == f"https://x.example/media/data/library/{name}"
    )


def test_crops_asked_for_later_are_added_to_the_same_plan():
    planned = plans()
    planned.add(COVER, {"og": (1200, 630)})
    again = planned.add(COVER, {"podcast": (1400, 1400)}, responsive=False)
    assert set(again.crops) == {"og", "podcast"}
    assert again.crops["podcast"].width == again.crops["podcast"].height == 1000
    assert len(again.of_format("jpeg")) == 4  # 480, 720, 960, 1600: still responsive
    assert [p.photo.path for p in planned.all()] == [Path(COVER.path)]


def test_asking_for_nothing_new_returns_the_known_plan():
    planned = plans()
    first = planned.add(COVER)
    assert planned.add(COVER) is first


def test_a_replaced_photo_or_a_new_encoding_gets_new_names():
    def names(digest, **media):
        return [
            r.path for r in plan(COVER, settings(**media), digest=digest).renditions
        ]

    first = names("a" * 64)
    assert all(re.search(r"-\d+\.[0-9a-f]{10}\.(avif|webp|jpg)$", n) for n in first)
    assert names("a" * 64) == first  # the same bytes: the same addresses
    replaced = names("b" * 64)
    assert not set(first) & set(replaced)
    requality = names(
        "a" * 64, encoding={**DEFAULTS["encoding"], "jpeg": {"quality": 70}}
    )
    assert [n for n in requality if n.endswith(".jpg")] != [
        n for n in first if n.endswith(".jpg")
    ]
    assert [n for n in requality if n.endswith(".avif")] == [
        n for n in first if n.endswith(".avif")
    ]
