"""`invoke new-post` as a writer runs it: a draft in a free folder that passes the check."""

from __future__ import annotations

from tests.support import run_task, write_site

TITLE = "Dòng sông hoa gạo – Đồng Văn"


def new_post(content: str):
    return run_task("new-post", TITLE, "--year", "2026", "--content", content)


def test_new_post_task_writes_a_draft_that_passes_the_check(tmp_path):
    site = write_site(tmp_path, {})
    content = str(site / "content")
    created = new_post(content)
    assert created.returncode == 0, created.stderr
    text = (site / "content/posts/2026/dong-song-hoa-gao-dong-van/index.md").read_text(
        "utf-8"
    )
    assert 'title: "Dòng sông hoa gạo – Đồng Văn"' in text
    again = new_post(content)
    assert again.returncode == 0
    assert (site / "content/posts/2026/dong-song-hoa-gao-dong-van-2/index.md").is_file()
    check = run_task("check", "--content", content)
    assert check.returncode == 0, check.stderr
