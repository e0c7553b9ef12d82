"""A draft with problems stops no one's build: they are warnings until it is published."""

from __future__ import annotations

import pytest

from tests.support import jpeg, post

PUBLISHED = {
    "posts/2025/tin-da-dang/index.md": post(
        "title: Tin đã đăng\ndate: 2025-11-06\ncategory: am-nhac"
    ),
}
BROKEN_DRAFT = {
    # What `new-post` writes before the writer chose a category.
    "posts/2025/ban-nhap/index.md": post(
        "title: Bản nháp\ndate: 2025-11-07\ncategory:\nstatus: draft"
    ),
    "posts/2025/ban-nhap/index.en.md": post("title: A draft"),
}


@pytest.mark.parametrize("production", [True, False], ids=["publish", "preview"])
def test_a_draft_with_problems_is_left_out_and_the_rest_is_built(
    build_site, production
):
    built = build_site({**PUBLISHED, **BROKEN_DRAFT}, production=production)
    assert built.ok, built.log
    assert "ban-nhap/index.md:4: warning: 'category' is empty" in built.log
    assert "warning: this draft is left out of the site" in built.log
    assert (built.output / "2025/tin-da-dang/index.html").is_file()
    assert not list(built.output.rglob("*ban-nhap*"))


def test_a_published_post_with_the_same_problem_stops_the_build(build_site):
    published = BROKEN_DRAFT["posts/2025/ban-nhap/index.md"].replace(
        "status: draft\n", ""
    )
    built = build_site(
        {**PUBLISHED, "posts/2025/ban-nhap/index.md": published}, production=True
    )
    assert not built.ok
    assert "ban-nhap/index.md:4: error: 'category' is empty" in built.log


def test_a_drafts_damaged_photo_holds_back_only_the_draft(build_site):
    files = {
        **PUBLISHED,
        "posts/2025/anh-nhap/index.md": post(
            "title: Ảnh nháp\ndate: 2025-11-08\ncategory: am-nhac\nstatus: draft",
            "![Ảnh](anh.jpg)",
        ),
        "posts/2025/anh-nhap/anh.jpg": b"not a photo",
        "posts/2025/tin-da-dang/bia.jpg": jpeg(),
    }
    built = build_site(files)
    assert built.ok, built.log
    assert "'anh.jpg' cannot be read" in built.log
    assert "anh-nhap/index.md: warning: this draft is left out" in built.log
    assert not (built.output / "drafts/anh-nhap").exists()
    assert (built.output / "2025/tin-da-dang/index.html").is_file()


def test_a_published_translation_of_a_fine_draft_is_not_held_back(build_site):
    files = {
        **PUBLISHED,
        "posts/2025/tin-da-dang/index.en.md": post("title: Published news"),
        "posts/2025/ban-dich-nhap/index.md": post(
            "title: Bản dịch nháp\ndate: 2025-11-09\ncategory: am-nhac"
        ),
        # A draft translation with a problem: only it is left out.
        "posts/2025/ban-dich-nhap/index.en.md": post("title: ''\nstatus: draft"),
    }
    built = build_site(files, production=True)
    assert built.ok, built.log
    assert (built.output / "2025/ban-dich-nhap/index.html").is_file()
    assert not (built.output / "en/2025/ban-dich-nhap").exists()


def test_a_broken_data_file_still_stops_the_build_beside_a_broken_draft(build_site):
    built = build_site(
        {**PUBLISHED, **BROKEN_DRAFT},
        production=True,
        data={"tags.yml": "tags: [khong: hop: le\n"},
    )
    assert not built.ok, built.log
    assert "data/tags.yml" in built.log and ": error: " in built.log
