"""The build's closing line says what was built, in the writers' language."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.support import REPO, post, run_task, write_site

FILES = {
    "posts/2025/hoi-nghi/index.md": post(
        "title: Hội nghị bạn đọc\ndate: 2025-11-06\ncategory: hoat-dong-thu-vien"
    ),
    "posts/2025/hoi-nghi/index.en.md": post("title: Readers' conference"),
    "posts/2025/ban-nhap/index.md": post(
        "title: Bản nháp\ndate: 2025-11-07\ncategory: am-nhac\nstatus: draft"
    ),
    "pages/gioi-thieu/index.md": post("title: Giới thiệu"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_site(tmp_path_factory.mktemp("site"), FILES)


def run_build(site, *options):
    content, output = str(site / "content"), str(site / "output")
    return run_task(
        "build",
        "--content",
        content,
        "--output",
        output,
        *options,
        writers_language=True,
    )


def build(site, *options):
    result = run_build(site, *options)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_the_build_says_what_it_built_in_vietnamese(site):
    said = build(site)
    # On one line, whatever the terminal's width (rich's console wrapped it).
    assert re.search(
        r"^Xong sau \d+,\d\d giây\. Bài viết: 2 \(bản nháp: 1, ẩn: 0\)\. "
        r"Trang: 1 \(bản nháp: 0, ẩn: 0\)\.$",
        said,
        re.MULTILINE,
    ), said
    assert "Done" not in said and "Processed" not in said


def test_the_build_says_it_in_english_with_lang_en(site):
    said = build(site, "--lang", "en")
    assert re.search(
        r"^Done in \d+\.\d\d s\. Posts: 2 \(drafts: 1, hidden: 0\)\. "
        r"Pages: 1 \(drafts: 0, hidden: 0\)\.$",
        said,
        re.MULTILINE,
    ), said
    assert "Processed" not in said


def test_a_failed_build_ends_with_the_problems_not_a_summary(tmp_path):
    site = write_site(tmp_path, {"posts/2025/x/index.md": post("title: X")})
    result = run_build(site)
    assert result.returncode == 1
    assert "Xong" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Nội dung có ")


def test_the_summary_stays_one_line_on_a_narrow_terminal(site):
    """Rich's console wraps at the terminal's width: "(bản nháp: 0, ẩn:" / "0)."."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_MESSAGES_LANG"}
    command = [sys.executable, "-m", "invoke", "build"]
    command += ["--content", str(site / "content"), "--output", str(site / "hep")]
    result = subprocess.run(
        command,
        cwd=REPO,
        env={**env, "COLUMNS": "40"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert re.search(r"^Xong sau .* Trang: 1 \(bản nháp: 0, ẩn: 0\)\.$", said, re.M)
    assert re.search(r"^Ảnh: .*\.$", said, re.M)
