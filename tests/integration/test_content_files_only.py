"""Only regular files kept in content/ and data/ are read or published.

A push may hold a symbolic link (git commits them) to any file of the build
machine, a device, or a text renamed `.mp3`: each is a content error that
names it, the build stops, and nothing of it reaches output/.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.support import REPO, jpeg, post, run_pelican, run_task, write_site

FRONT = "title: Đêm nhạc\ndate: 2025-11-06\ncategory: am-nhac"
SONG = "title: Chiều Mường Hùm\nkind: song\naudio: {audio}"
SAMPLE_MP3 = REPO / "content/works/chieu-muong-hum/am-thanh-mau.mp3"
SECRET = "ENVIRONMENT_SECRET=do-not-publish"


@pytest.fixture
def secret_file(tmp_path):
    """A file of the build machine, outside the site (like /etc/passwd)."""
    path = tmp_path / "machine" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def check(root):
    return run_task("check", "--content", str(root / "content"))


def song_site(root, audio: str = "bai-hat.mp3"):
    return write_site(
        root,
        {
            "works/bai-hat/index.md": post(SONG.format(audio=audio), "Lời bài hát."),
            "posts/2025/dem-nhac/index.md": post(FRONT, "Đoạn đầu."),
        },
    )


def assert_nothing_published(root):
    output = root / "output"
    assert not output.exists() or not any(output.rglob("*")), list(output.rglob("*"))


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ", "secret"])
def test_a_song_linked_to_a_file_of_the_machine_is_an_error(
    tmp_path, secret_file, target
):
    root = song_site(tmp_path / "site")
    link = root / "content/works/bai-hat/bai-hat.mp3"
    link.symlink_to(secret_file if target == "secret" else target)
    checked = check(root)
    assert checked.returncode == 1
    assert "content/works/bai-hat/bai-hat.mp3: error: this is a link (symlink)" in (
        checked.stderr
    )
    assert "copy the file (or folder) itself here" in checked.stderr
    # The song's line names it too.
    assert "content/works/bai-hat/index.md:4: error: 'bai-hat.mp3'" in checked.stderr
    built = run_pelican(root)
    assert built.returncode != 0
    assert "Traceback" not in built.stderr
    assert_nothing_published(root)


def test_a_photo_linked_from_outside_content_is_an_error(tmp_path):
    outside = tmp_path / "elsewhere" / "anh.jpg"
    outside.parent.mkdir()
    outside.write_bytes(jpeg())
    root = write_site(
        tmp_path / "site",
        {"posts/2025/dem-nhac/index.md": post(FRONT, "![Sân khấu](anh.jpg)")},
    )
    (root / "content/posts/2025/dem-nhac/anh.jpg").symlink_to(outside)
    checked = check(root)
    assert checked.returncode == 1
    assert "content/posts/2025/dem-nhac/anh.jpg: error: this is a link" in (
        checked.stderr
    )
    assert "content/posts/2025/dem-nhac/index.md:7: error: 'anh.jpg'" in (
        checked.stderr
    )


def test_a_linked_folder_is_an_error_and_its_files_are_not_read(tmp_path, secret_file):
    root = write_site(
        tmp_path / "site",
        {"posts/2025/dem-nhac/index.md": post(FRONT + "\ngallery: anh/", "Đoạn đầu.")},
    )
    (root / "content/posts/2025/dem-nhac/anh").symlink_to(secret_file.parent)
    (root / "content/posts/2025/bai-khac").symlink_to(REPO / "content/posts/2025")
    checked = check(root)
    assert checked.returncode == 1
    for name in ("posts/2025/dem-nhac/anh", "posts/2025/bai-khac"):
        assert f"content/{name}: error: this is a link (symlink)" in checked.stderr
    # The sample posts behind the second link are not read as this site's.
    assert "hoi-nghi-ban-doc" not in checked.stderr.replace(str(REPO), "")


def test_a_device_or_pipe_in_content_is_an_error(tmp_path):
    root = song_site(tmp_path / "site")
    os.mkfifo(root / "content/works/bai-hat/bai-hat.mp3")
    checked = check(root)
    assert checked.returncode == 1
    assert "bai-hat.mp3: error: this is not an ordinary file" in checked.stderr


def test_a_data_file_linked_elsewhere_is_an_error(tmp_path, secret_file):
    root = song_site(tmp_path / "site")
    shutil.copy(SAMPLE_MP3, root / "content/works/bai-hat/bai-hat.mp3")
    logo = root / "data/library/logo.png"
    logo.unlink()
    logo.symlink_to(REPO / "data/library/logo.png")
    tags = root / "data/tags.yml"
    tags.symlink_to(secret_file)
    checked = check(root)
    assert checked.returncode == 1
    assert "data/library/logo.png: error: this is a link (symlink)" in checked.stderr
    assert "data/tags.yml: error: this is a link (symlink)" in checked.stderr


@pytest.mark.parametrize(
    ("name", "data", "format_name"),
    [
        ("bai-hat.mp3", SECRET.encode(), "MP3"),
        ("bai-hat.mp3", jpeg(), "MP3"),
        ("bai-hat.m4a", SAMPLE_MP3.read_bytes(), "M4A (AAC)"),
        ("bai-hat.ogg", b"OggS" + bytes(200), "Ogg"),
    ],
)
def test_a_file_that_is_not_the_audio_its_name_says_is_refused(
    tmp_path, name, data, format_name
):
    root = song_site(tmp_path / "site", audio=name)
    (root / "content/works/bai-hat" / name).write_bytes(data)
    checked = check(root)
    assert checked.returncode == 1
    assert (
        f"content/works/bai-hat/index.md:4: error: '{name}' is not {format_name} "
        "audio (it may be another kind of file renamed, or damaged)"
    ) in checked.stderr


def test_a_real_recording_is_accepted_and_published_as_it_is(tmp_path):
    root = song_site(tmp_path / "site")
    shutil.copy(SAMPLE_MP3, root / "content/works/bai-hat/bai-hat.mp3")
    built = run_pelican(root)
    assert built.returncode == 0, built.stderr
    published = root / "output/media/works/bai-hat/bai-hat.mp3"
    assert published.read_bytes() == SAMPLE_MP3.read_bytes()
