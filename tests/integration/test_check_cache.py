"""The content check keeps each bundle's result, and still sees what changed around it."""

from __future__ import annotations

import shutil

import pytest

from tests.support import jpeg, post, run_task, write_site

PERSON = "---\nname: Phùng Chiến\nroles: [musician]\n---\n\nNhạc sĩ.\n"


@pytest.fixture
def site(tmp_path):
    files = {
        "posts/2025/dem-nhac/index.vi.md": post(
            """\
            title: Đêm nhạc
            date: 2025-11-07
            category: am-nhac
            people: [phung-chien]
            """,
            "Nội dung.\n\n![Sân khấu](san-khau.jpg)\n\n![khan-gia](khan-gia.jpg)\n",
        ),
        "posts/2025/dem-nhac/san-khau.jpg": jpeg(),
        "posts/2025/dem-nhac/khan-gia.jpg": jpeg(),
        "people/phung-chien/index.vi.md": PERSON,
    }
    root = write_site(tmp_path, files)
    check(root)  # the first check fills the cache
    return root


def check(root):
    result = run_task("check", "--content", str(root / "content"))
    return result.returncode, result.stdout + result.stderr


def test_a_second_check_reads_the_kept_results(site):
    assert (site / ".cache" / "check" / "bundles.pickle").is_file()
    code, printed = check(site)
    assert code == 0
    # The warning of the kept result is said again (alt text = file name).
    assert "khan-gia.jpg" in printed and "warning" in printed


def test_a_deleted_photo_is_noticed(site):
    (site / "content/posts/2025/dem-nhac/san-khau.jpg").unlink()
    code, printed = check(site)
    assert code == 1
    assert "dem-nhac/index.vi.md:" in printed and "san-khau.jpg" in printed


def test_a_renamed_person_is_noticed_in_the_posts_naming_them(site):
    people = site / "content/people"
    shutil.move(people / "phung-chien", people / "phung-van-chien")
    code, printed = check(site)
    assert code == 1
    assert "dem-nhac/index.vi.md" in printed and "phung-chien" in printed


def test_an_edited_text_is_checked_again(site):
    path = site / "content/posts/2025/dem-nhac/index.vi.md"
    path.write_text(path.read_text("utf-8").replace("date: 2025-11-07", "date: 7/11"))
    code, printed = check(site)
    assert code == 1
    assert "index.vi.md:3" in printed
