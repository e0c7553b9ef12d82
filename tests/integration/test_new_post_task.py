"""`invoke new-post` as a writer runs it: every key explained, a category to choose."""

from __future__ import annotations

import os
import subprocess

from tests.support import REPO, post, run_task, write_site

TITLE = "Dòng sông hoa gạo – Đồng Văn"


def new_post(content: str, *extra: str):
    return run_task(
        "new-post", "--title", TITLE, "--year", "2026", "--content", content, *extra
    )


def test_a_new_post_passes_the_check_as_a_draft_saying_what_is_left(tmp_path):
    site = write_site(tmp_path, {})
    content = str(site / "content")
    created = new_post(content)
    assert created.returncode == 0, created.stderr
    path = site / "content/posts/2026/dong-song-hoa-gao-dong-van/index.vi.md"
    text = path.read_text("utf-8")
    assert 'title: "Dòng sông hoa gạo – Đồng Văn"' in text
    assert "#   am-nhac: Âm nhạc" in text  # the site's categories, none chosen
    assert "# people: [phung-chien]" in text and "# featured: true" in text
    # A draft: what is left to fill is said, and stops no one's build.
    check = run_task("check", "--content", content)
    assert check.returncode == 0, check.stderr
    assert "index.vi.md:9: warning: 'category' is empty: choose one of" in check.stderr
    assert "index.vi.md: warning: this draft is left out of the site" in check.stderr
    path.write_text(text.replace("\ncategory:\n", "\ncategory: am-nhac\n"), "utf-8")
    filled = run_task("check", "--content", content)
    assert filled.returncode == 0
    assert "warning" not in filled.stderr
    # Set to published, the same gap is an error.
    published = text.replace("\nstatus: draft\n", "\n")
    assert published != text
    path.write_text(published, "utf-8")
    check = run_task("check", "--content", content)
    assert check.returncode == 1
    assert "index.vi.md:9: error: 'category' is empty: choose one of" in check.stderr
    again = new_post(content)
    assert again.returncode == 0
    assert (
        site / "content/posts/2026/dong-song-hoa-gao-dong-van-2/index.vi.md"
    ).is_file()


def test_a_title_without_quotes_is_one_title(tmp_path):
    site = write_site(tmp_path, {})
    command = ["bash", "dev", "new-post", "Đêm", "nhạc", "--year", "2026"]
    command += ["--content", str(site / "content")]
    # As a writer runs it: in the site's language.
    env = {k: v for k, v in os.environ.items() if k != "SITE_MESSAGES_LANG"}
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (site / "content/posts/2026/dem-nhac/index.vi.md").read_text("utf-8")
    assert 'title: "Đêm nhạc"' in text
    assert "dem-nhac/index.vi.md: chọn chuyên mục, viết bài, thêm ảnh." in result.stdout
    assert result.stdout.startswith("Đã tạo ")


def test_a_translation_starts_from_the_original(tmp_path):
    original = post(
        "title: Hội nghị\ndate: 2025-11-06\ncategory: am-nhac\n"
        "summary: Tóm tắt.\ntags: [văn hoá đọc]",
        "Nội dung bài viết.",
    )
    site = write_site(tmp_path, {"posts/2025/hoi-nghi/index.md": original})
    content = str(site / "content")
    result = run_task(
        "new-post",
        "--translate",
        "posts/2025/hoi-nghi",
        "--lang",
        "en",
        "--content",
        content,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (site / "content/posts/2025/hoi-nghi/index.en.md").read_text("utf-8")
    assert 'title: ""' in text and 'summary: ""' in text
    assert "date, category, tags" in text  # inherited: not to repeat
    assert "status: draft" in text and "Nội dung bài viết." in text
    # Untranslated yet: a draft, so the site still builds; what is left is said.
    check = run_task("check", "--content", content)
    assert check.returncode == 0, check.stderr
    assert "index.en.md" in check.stderr and "warning" in check.stderr


def test_the_tasks_are_described_in_the_writers_language():
    listed = run_task("--list", writers_language=True).stdout
    assert "Tạo bài mới (content/posts/<năm>/<tên>/index.vi.md)" in listed
    assert "Dựng trang để xem thử vào output/" in listed
    helped = run_task("--help", "new-post", writers_language=True).stdout
    assert "thư mục năm (mặc định: năm nay)" in helped


def test_the_tasks_are_described_in_english_for_english_messages():
    listed = run_task("--list").stdout
    assert "Start a post (content/posts/<year>/<slug>/index.vi.md)" in listed
