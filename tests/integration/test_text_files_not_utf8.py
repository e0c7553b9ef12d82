"""A text of the content or of data/ saved in another encoding, or holding invisible
control characters, is a message naming the file (and line) and how to save it."""

from __future__ import annotations

import pytest

from tests.support import jpeg, post, run_task, write_site

FRONT = "title: Đêm nhạc\ndate: 2025-11-06\ncategory: am-nhac"
HOW = "save it again as UTF-8 (Notepad: File > Save as, Encoding: UTF-8"


def ansi(text: str) -> bytes:
    """Return `text` as Notepad's "ANSI" saves it on a Vietnamese Windows (cp1258)."""
    return text.encode("cp1258", "replace")


def check(root):
    return run_task("check", "--content", str(root / "content"))


@pytest.mark.parametrize(
    "name",
    [
        "posts/2025/dem-nhac/index.vi.md",
        "posts/2025/dem-nhac/index.en.md",
        "people/nguoi/index.md",
        "works/bai-hat/index.md",
        "pages/gioi-thieu-them/index.md",
        "posts/2025/dem-nhac/anh/captions.yml",
    ],
)
def test_a_content_file_in_another_encoding_is_named_with_how_to_save_it(
    tmp_path, name
):
    files = {
        "posts/2025/dem-nhac/index.vi.md": post(FRONT + "\ngallery: anh/", "Nội dung."),
        "posts/2025/dem-nhac/index.en.md": post(
            "title: Music night — Đêm nhạc", "Text."
        ),
        "posts/2025/dem-nhac/anh/a.jpg": jpeg(),
        "posts/2025/dem-nhac/anh/captions.yml": "a.jpg: Sân khấu\n",
        "people/nguoi/index.md": post("name: Người viết"),
        "works/bai-hat/index.md": post("title: Bài hát\nkind: song"),
        "pages/gioi-thieu-them/index.md": post("title: Giới thiệu"),
    }
    files[name] = ansi(files[name])
    root = write_site(tmp_path, files)
    checked = check(root)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    (line,) = [line for line in checked.stderr.splitlines() if name in line]
    assert "is not saved as UTF-8 text" in line
    assert HOW in line


@pytest.mark.parametrize("name", ["categories.yml", "tags.yml", "library.yml"])
def test_a_data_file_in_another_encoding_is_named(tmp_path, name):
    root = write_site(tmp_path, {"posts/2025/dem-nhac/index.md": post(FRONT)})
    data = root / "data" / name
    text = (
        data.read_text(encoding="utf-8")
        if data.exists()
        else "# Tên các chủ đề\nam-nhac: {en: Music}\n"
    )
    data.write_bytes(ansi(text))
    checked = check(root)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert f"data/{name}:" in checked.stderr
    assert HOW in checked.stderr


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: Đêm\x00 nhạc\ndate: 2025-11-06\ncategory: am-nhac\n---\n\nA.", 2),
        ("---\ntitle: Đêm nhạc\ndate: 2025-11-06\ncategory: am-nhac\n---\n\nA\x1b.", 7),
    ],
)
def test_an_invisible_control_character_is_reported_at_its_line(tmp_path, text, line):
    root = write_site(tmp_path, {"posts/2025/dem-nhac/index.md": text})
    checked = check(root)
    assert checked.returncode == 1
    assert f"posts/2025/dem-nhac/index.md:{line}: error: this line holds an " in (
        checked.stderr
    )


def test_the_writers_read_the_encoding_message_in_vietnamese(tmp_path):
    root = write_site(
        tmp_path, {"posts/2025/dem-nhac/index.md": post(FRONT).encode("utf-16")}
    )
    checked = run_task(
        "check", "--content", str(root / "content"), writers_language=True
    )
    assert "tệp không được lưu dạng văn bản UTF-8" in checked.stderr
