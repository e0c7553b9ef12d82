"""Slugs of Vietnamese titles (Pelican's slugify) and new-post's free folder."""

from __future__ import annotations

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from site_tasks.tasks import new_post_path

TITLES = [
    ("Dòng sông hoa gạo – Đồng Văn", "dong-song-hoa-gao-dong-van"),
    ("Hội nghị bạn đọc năm 2025", "hoi-nghi-ban-doc-nam-2025"),
    ("Sa Pa – nơi đất trời gặp nhau", "sa-pa-noi-dat-troi-gap-nhau"),
    ("Chiều Mường Hum", "chieu-muong-hum"),
    ("Không gian tri thức số", "khong-gian-tri-thuc-so"),
    ("“Lấy bạn đọc làm trung tâm”", "lay-ban-doc-lam-trung-tam"),
    (
        "Tập huấn VietBiblio cho gần 200 trường học",
        "tap-huan-vietbiblio-cho-gan-200-truong-hoc",
    ),
    ("Thư viện lưu động về Bát Xát", "thu-vien-luu-dong-ve-bat-xat"),
    (
        "Đêm nhạc Tây Bắc: những bài ca về Lào Cai",
        "dem-nhac-tay-bac-nhung-bai-ca-ve-lao-cai",
    ),
    ("ĐƯỜNG LÊN ĐỈNH FANSIPAN", "duong-len-dinh-fansipan"),
    ("Ngày hội đọc sách 21/4", "ngay-hoi-doc-sach-214"),
    ("Bắc Hà, mùa hoa mận trắng", "bac-ha-mua-hoa-man-trang"),
    ("Người Mông & người Dao kể chuyện", "nguoi-mong-nguoi-dao-ke-chuyen"),
    ("Thơ của Ư, Ơ, Ă, Â, Ê, Ô", "tho-cua-u-o-a-a-e-o"),
    ("Sách mới tháng 11 — 2025", "sach-moi-thang-11-2025"),
    (
        "Trao 5 bằng khen tập thể và 10 cá nhân",
        "trao-5-bang-khen-tap-the-va-10-ca-nhan",
    ),
    ("  Khoảng trắng   thừa  ", "khoang-trang-thua"),
    ("Phố cổ Hội An... và Lào Cai?", "pho-co-hoi-an-va-lao-cai"),
    ("Tuyển tập “Mường Khương xưa”", "tuyen-tap-muong-khuong-xua"),
    (
        "Giới thiệu sách: Lịch sử Đảng bộ tỉnh (1947–2025)",
        "gioi-thieu-sach-lich-su-dang-bo-tinh-1947-2025",
    ),
]


@pytest.mark.parametrize(("title", "slug"), TITLES)
def test_vietnamese_title_to_slug(title, slug):
    assert slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]) == slug


def test_new_post_takes_the_title_slug(tmp_path):
    path = new_post_path(
        tmp_path, "Chiều Mường Hum", "2026", {**DEFAULT_CONFIG, "DEFAULT_LANG": "vi"}
    )
    assert path == tmp_path / "posts/2026/chieu-muong-hum/index.vi.md"


def test_new_post_adds_a_number_when_the_slug_is_taken_in_any_year(tmp_path):
    (tmp_path / "posts/2024/chieu-muong-hum").mkdir(parents=True)
    (tmp_path / "posts/2025/chieu-muong-hum-2").mkdir(parents=True)
    path = new_post_path(tmp_path, "Chiều Mường Hum", "2026", DEFAULT_CONFIG)
    assert path.parent.name == "chieu-muong-hum-3"


def test_new_post_text_lists_every_key_and_the_categories_to_choose_from():
    from datetime import datetime  # noqa: PLC0415

    from content_model.categories import Categories  # noqa: PLC0415
    from content_model.frontmatter import parse_front_matter  # noqa: PLC0415
    from content_model.model import CategoryInfo  # noqa: PLC0415
    from content_model.scaffold import POST_KEYS, post_text  # noqa: PLC0415
    from content_model.schemas import POST  # noqa: PLC0415

    categories = Categories(
        (
            CategoryInfo("su-kien", {"vi": "Sự kiện"}),
            CategoryInfo("am-nhac", {"vi": "Âm nhạc"}),
        ),
        "vi",
    )
    text = post_text('Sách "mới"', datetime(2026, 11, 26, 9, 15), categories, str)
    values = parse_front_matter(text).values
    assert values["title"] == 'Sách "mới"'
    assert values["date"] == "2026-11-26 09:15"
    assert values["status"] == "draft"
    assert values["category"] is None  # none chosen for the writer
    assert "#   su-kien: Sự kiện\n#   am-nhac: Âm nhạc" in text
    written = {key for key, *_rest in POST_KEYS}
    # Every key a writer may use is there (lang and slug come from file names).
    assert (
        set(POST.fields)
        - {"lang", "slug", "modified", "correction", "canonical", "aliases"}
        <= written
    )
    for key in written:
        assert f"\n{key}:" in text or f"\n# {key}: " in text
