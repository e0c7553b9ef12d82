"""Each front-matter key is read into what the build carries, and translations inherit."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from content_model.checker import check_site
from content_model.metadata import pelican_metadata
from site_i18n.urlwrappers import localize_metadata
from tests.support import REPO, jpeg, post, write_site

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

FULL = """
title: Hội nghị bạn đọc
date: 2025-11-06 14:00
modified: 2025-11-07 09:00
correction: Sửa số thẻ bạn đọc.
category: Hoạt động thư viện
tags: [văn hoá đọc, VietBiblio]
authors: [Phòng Truyền thông, Báo Lào Cai]
summary: Tổng kết năm 2025.
source: {name: Báo Lào Cai, url: "https://baolaocai.vn/a-post886185.html"}
canonical: https://baolaocai.vn/a-post886185.html
aliases: [/tin-tuc/hoi-nghi.html]
people: [phung-chien]
works: [chieu-muong-hum]
event: {start: 2025-11-06 14:00, end: 2025-11-06 17:00, venue: Cơ sở 2}
cover: bia.jpg
cover_alt: Hội trường
photo_credit: Thư viện tỉnh
gallery: anh/
slug: hoi-nghi-2025
"""

FILES = {
    "posts/2025/hoi-nghi/index.md": post(FULL, "Mở đầu.\n\n![Bàn đọc](than.jpg)"),
    "posts/2025/hoi-nghi/index.en.md": post(
        "title: Readers' conference\nsummary: The year in review.\nslug: readers-conference",
        "Body.",
    ),
    "posts/2025/hoi-nghi/bia.jpg": jpeg(120, 80),
    "posts/2025/hoi-nghi/than.jpg": jpeg(),
    "posts/2025/hoi-nghi/anh/2.jpg": jpeg(),
    "posts/2025/hoi-nghi/anh/1.jpg": jpeg(),
    "posts/2025/hoi-nghi/anh/captions.yml": "1.jpg: Ảnh một\n2.jpg: {alt: Ảnh hai, caption: Chú thích hai, credit: Nguyễn A}\n",
    "posts/2025/nhap/index.md": post(
        "title: Nháp\ndate: 2025-01-01\ncategory: am-nhac\nstatus: draft",
        "Đoạn đầu *tiên*.\n\nĐoạn hai.",
    ),
    "people/phung-chien/index.md": post(
        "name: Phùng Chiến\nroles: [musician]\nportrait: chan-dung.jpg", "Nhạc sĩ."
    ),
    "people/phung-chien/chan-dung.jpg": jpeg(),
    "works/chieu-muong-hum/index.md": post(
        "title: Chiều Mường Hum\nkind: song\nduration: 4:35\nyear: 2019"
    ),
}


@pytest.fixture(scope="module")
def check(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("keys"), FILES)
    settings = read_settings(
        str(REPO / "pelicanconf.py"), override={"PATH": str(root / "content")}
    )
    result = check_site(settings)
    assert result.ok, [p.describe() for p in result.problems.errors]
    result.settings = settings
    return result


def metadata(check, relative):
    """Return what Pelican's content object gets: the reader's metadata, localized."""
    path = check.cfg.facts.content / relative
    found = pelican_metadata(check.documents[path], check.settings)
    localize_metadata(found, check.settings)
    return found


@pytest.fixture(scope="module")
def original(check):
    return metadata(check, "posts/2025/hoi-nghi/index.md")


@pytest.fixture(scope="module")
def translation(check):
    return metadata(check, "posts/2025/hoi-nghi/index.en.md")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("title", "Hội nghị bạn đọc"),
        ("date", datetime(2025, 11, 6, 14, 0, tzinfo=ZONE)),
        ("modified", datetime(2025, 11, 7, 9, 0, tzinfo=ZONE)),
        ("correction", "Sửa số thẻ bạn đọc."),
        ("summary", "Tổng kết năm 2025."),
        ("lead", True),
        (
            "source",
            {"name": "Báo Lào Cai", "url": "https://baolaocai.vn/a-post886185.html"},
        ),
        ("canonical", "https://baolaocai.vn/a-post886185.html"),
        ("aliases", ["/tin-tuc/hoi-nghi.html"]),
        ("people", ["phung-chien"]),
        ("works", ["chieu-muong-hum"]),
        ("photo_credit", "Thư viện tỉnh"),
        ("slug", "hoi-nghi-2025"),
        ("lang", "vi"),
        ("status", "published"),
        ("cover_alt", "Hội trường"),
    ],
)
def test_key_is_read(original, key, expected):
    assert original[key] == expected


def test_category_by_name_gets_the_key_as_slug(original):
    assert (original["category"].slug, original["category"].name) == (
        "hoat-dong-thu-vien",
        "Hoạt động thư viện",
    )


def test_tags_and_authors_become_pages(original):
    assert [t.slug for t in original["tags"]] == ["van-hoa-doc", "vietbiblio"]
    assert [a.slug for a in original["authors"]] == [
        "phong-truyen-thong",
        "bao-lao-cai",
    ]


def test_event_times(original):
    event = original["event"]
    assert (event["start"].hour, event["end"].hour, event["venue"]) == (
        14,
        17,
        "Cơ sở 2",
    )


def test_cover_is_the_named_photo_with_its_size(original):
    cover = original["cover"]
    assert (cover.src, cover.alt, cover.width, cover.height) == (
        "bia.jpg",
        "Hội trường",
        120,
        80,
    )


def test_gallery_is_sorted_by_file_name_with_captions(original):
    gallery = original["gallery"]
    assert [(p.src, p.alt, p.caption, p.credit) for p in gallery] == [
        ("anh/1.jpg", "Ảnh một", "Ảnh một", ""),
        ("anh/2.jpg", "Ảnh hai", "Chú thích hai", "Nguyễn A"),
    ]


def test_body_photos_are_listed(original):
    assert [p.src for p in original["photos"]] == ["than.jpg"]


def test_gallery_is_shown_after_the_text_with_credits(check):
    document = check.documents[check.cfg.facts.content / "posts/2025/hoi-nghi/index.md"]
    html = document.rendered.html
    assert html.index("Mở đầu") < html.index('class="photos photos--gallery photos--2"')
    assert 'photos--2" id="album"' in html  # /galleries/ links here
    assert '<small class="photos__credit">Ảnh: Nguyễn A</small>' in html
    assert html.rstrip().endswith(
        '<figcaption class="photos__caption"><small class="photos__credit">'
        "Ảnh: Thư viện tỉnh</small></figcaption></figure>"
    )


def test_a_posts_opening_photos_are_set_apart_for_its_first_screen(check):
    document = check.documents[check.cfg.facts.content / "posts/2025/hoi-nghi/index.md"]
    opening = document.rendered.opening_html
    assert opening.startswith('<figure class="photos photos--1">')
    assert opening.endswith("</figure>")
    assert 'alt="Bàn đọc"' in opening
    assert "Bàn đọc" not in document.rendered.html


def test_draft_status_and_summary_from_first_paragraph(check):
    draft = metadata(check, "posts/2025/nhap/index.md")
    assert (draft["status"], draft["summary"], draft["lead"]) == (
        "draft",
        "Đoạn đầu <em>tiên</em>.",
        False,
    )


def test_summary_of_several_paragraphs_is_one_lead(tmp_path):
    root = write_site(
        tmp_path,
        {
            "posts/2025/a/index.md": post(
                "title: A\ndate: 2025-01-01\ncategory: am-nhac\nsummary: |\n  Một.\n\n  Hai."
            )
        },
    )
    settings = read_settings(
        str(REPO / "pelicanconf.py"), override={"PATH": str(root / "content")}
    )
    result = check_site(settings)
    result.settings = settings
    assert metadata(result, "posts/2025/a/index.md")["summary"] == "Một. Hai."


def test_translations_share_a_translation_id(original, translation):
    assert original["bundle"] == translation["bundle"] == "2025/hoi-nghi"


@pytest.mark.parametrize(
    "key",
    [
        "date",
        "modified",
        "category",
        "tags",
        "authors",
        "source",
        "people",
        "works",
        "event",
        "cover",
        "gallery",
        "photo_credit",
    ],
)
def test_translation_inherits(original, translation, key):
    assert translation[key] == original[key]


def test_translation_keeps_the_keys_of_one_languages_page_to_itself(
    original, translation
):
    assert original["correction"] == "Sửa số thẻ bạn đọc."
    assert "correction" not in translation


def test_translation_names_its_category_in_its_language(translation):
    category = translation["category"]
    assert (category.name, category.slug) == (
        "Library activities",
        "hoat-dong-thu-vien",
    )
    assert category.url == "en/category/hoat-dong-thu-vien/"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("title", "Readers' conference"),
        ("summary", "The year in review."),
        ("slug", "readers-conference"),
        ("lang", "en"),
    ],
)
def test_translation_overrides(translation, key, expected):
    assert translation[key] == expected


def test_person_and_work_are_read(check):
    person = metadata(check, "people/phung-chien/index.md")
    work = metadata(check, "works/chieu-muong-hum/index.md")
    assert (person["title"], person["roles"], person["cover"].alt) == (
        "Phùng Chiến",
        ["musician"],
        "Phùng Chiến",
    )
    assert (work["kind"], work["duration"], work["year"]) == ("song", "4:35", 2019)
