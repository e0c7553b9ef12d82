"""Every content error of docs/content-model.md: its file (and line), all at once."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.support import REPO, jpeg, post, run_pelican, run_task, write_site


def truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def decompression_bomb() -> bytes:
    """A tiny PNG that would need 200 million pixels of memory."""
    buffer = io.BytesIO()
    Image.new("1", (20000, 10000)).save(buffer, "PNG")
    return buffer.getvalue()


GOOD = """
title: Bài đúng
date: 2025-11-06
category: am-nhac
"""


def good_post(**changes: str) -> str:
    """Return a valid post whose front matter lines are replaced or added."""
    lines = dict(line.split(": ", 1) for line in GOOD.strip().splitlines())
    lines.update(changes)
    return post("\n".join(f"{k}: {v}" for k, v in lines.items() if v is not None))


BAD = {
    "posts/2025/thieu-tieu-de/index.md": post("date: 2025-11-06\ncategory: am-nhac"),
    "posts/2025/thieu-ngay/index.md": post("title: Không có ngày\ncategory: am-nhac"),
    "posts/2025/sai-kieu/index.md": good_post(tags="văn hoá đọc"),
    "posts/2025/ngay-sai/index.md": good_post(date="2025-13-45"),
    "posts/2025/ngay-chu/index.md": good_post(date="ngày 6 tháng 11"),
    "posts/2025/sai-chuyen-muc/index.md": good_post(category="tin-tuc"),
    "posts/2025/thieu-anh/index.md": post(GOOD, "![Ảnh không có](khong-co.jpg)"),
    "posts/2025/anh-hong/index.md": post(GOOD, "![Ảnh hỏng](hong.jpg)"),
    "posts/2025/anh-hong/hong.jpg": b"this is not a photo",
    "posts/2025/thieu-alt/index.md": post(GOOD, "Mở đầu.\n\n![](anh.jpg)"),
    "posts/2025/thieu-alt/anh.jpg": jpeg(),
    "posts/2024/trung-ten/index.md": good_post(date="2024-01-01"),
    "posts/2025/trung-ten/index.md": good_post(),
    "posts/2025/hai-ban/index.md": good_post(),
    "posts/2025/hai-ban/index.vi.md": good_post(),
    "posts/2025/yaml-hong/index.md": post(
        'title: "Chưa đóng ngoặc\ndate: 2025-11-06\ncategory: am-nhac'
    ),
    "pages/tag/index.md": post("title: Trang trùng địa chỉ"),
    "pages/2024/index.md": post("title: Trang trùng năm"),
    "pages/en/index.md": post("title: Trang trùng ngôn ngữ"),
    "posts/2025/sai-khoa/index.md": good_post(tittle="Lỗi chính tả"),
    "posts/2025/ban-dich-thieu/index.md": good_post(),
    "posts/2025/ban-dich-thieu/index.en.md": post("summary: No title here"),
    "posts/2025/ngoai-thu-muc.md": good_post(),
    "posts/2025/Ten Thu Muc/index.md": good_post(),
    "posts/2025/ngon-ngu-la/index.xx.md": good_post(),
    "posts/2025/bo-anh/index.md": good_post(gallery="anh/"),
    "posts/2025/bo-anh/anh/a.jpg": jpeg(),
    "posts/2025/bo-anh/anh/b.jpg": jpeg(),
    "posts/2025/bo-anh/anh/captions.yml": "a.jpg: Ảnh A\nc.jpg: Ảnh không có\n",
    "posts/2025/bai-dung/index.md": good_post(),
    # In no post's folder: nothing would publish them.
    "extra/robots.txt": "User-agent: *\n",
    "posts/2025/anh-le.jpg": jpeg(),
    "posts/2025/anh-cut/index.md": post(GOOD, "![Ảnh bị cắt](cut.jpg)"),
    "posts/2025/anh-cut/cut.jpg": truncated_jpeg(),
    "posts/2025/anh-qua-lon/index.md": post(GOOD, "![Ảnh quá lớn](bom.png)"),
    "posts/2025/anh-qua-lon/bom.png": decompression_bomb(),
    "posts/2025/ten-anh/index.md": post(GOOD, "![Ảnh](<ảnh 1.jpg>)"),
    "posts/2025/ten-anh/ảnh 1.jpg": jpeg(),
    "people/khong-ten/index.md": post("roles: [musician]"),
    "posts/2025/nguoi-la/index.md": good_post(
        people="[phung-chen]", works="[bai-khong-co]"
    ),
    "works/tac-gia-la/index.md": post("title: Bài\nkind: song\ncreators: [ai-do]"),
    "people/phung-chien/index.md": post("name: Phùng Chiến"),
    "people/sai-vai/index.md": post("name: Người mẫu\nroles: [singer, dancer]"),
    "works/sai-loai/index.md": post("title: Bài hát\nkind: album"),
    "works/thieu-am-thanh/index.md": post(
        "title: Bài hát\nkind: song\naudio: khong-co.mp3"
    ),
    "works/sai-isbn/index.md": post("title: Sách\nkind: book\nisbn: 978-0-306-40615-8"),
    "posts/2025/sua-khong-ngay/index.md": good_post(correction="Sửa tên người."),
    # Files a writer meant as the text, which would be left out silently.
    "posts/2025/notepad/index.md": good_post(),
    "posts/2025/notepad/index.en.md.txt": post("title: Saved by Notepad"),
    "posts/2025/chu-hoa/index.md": good_post(),
    "posts/2025/chu-hoa/index.EN.md": post("title: Capital letters"),
    "posts/2025/word/index.md": good_post(),
    "posts/2025/word/bai-viet.docx": b"PK\x03\x04 a Word file",
    "posts/2025/word/ban-cu.odt": b"PK\x03\x04 a Writer file",
    # Lists that would silently become one item.
    "posts/2025/cham-phay/index.md": good_post(tags="[văn hoá đọc; thư viện số]"),
    "posts/2025/mot-chuoi/index.md": good_post(tags="văn hoá đọc, thư viện số"),
    # A photo named with other capitals; a person and a work named by title.
    "posts/2025/chu-hoa-anh/index.md": post(GOOD, "![Hội trường](hoi-truong.jpg)"),
    "posts/2025/chu-hoa-anh/Hoi-Truong.JPG": jpeg(),
    "posts/2025/theo-ten/index.md": good_post(
        people="[Phùng Chiến]", works="[Chiều Mường Hum]"
    ),
    "works/chieu-muong-hum/index.md": post("title: Chiều Mường Hum\nkind: song"),
}

# (file, line or None, words the message must contain)
EXPECTED = [
    ("extra/robots.txt", None, "this file is in no post's, person's, work's"),
    ("posts/2025/anh-le.jpg", None, "move it into the folder of the post"),
    ("posts/2025/thieu-tieu-de/index.md", 1, "needs 'title'"),
    ("posts/2025/thieu-ngay/index.md", 1, "needs 'date'"),
    ("posts/2025/sai-kieu/index.md", 5, "'tags' must be a list"),
    ("posts/2025/ngay-sai/index.md", 3, "is not a real date"),
    ("posts/2025/ngay-chu/index.md", 3, "is not a date"),
    (
        "posts/2025/sai-chuyen-muc/index.md",
        4,
        "the category 'tin-tuc' is not in data/categories.yml",
    ),
    ("posts/2025/thieu-anh/index.md", 7, "there is no photo 'khong-co.jpg'"),
    ("posts/2025/anh-hong/index.md", 7, "cannot be read"),
    ("posts/2025/thieu-alt/index.md", 9, "has no alt text"),
    (
        "posts/2024/trung-ten/index.md",
        None,
        "'trung-ten' (vi) is also used by posts/2025/trung-ten",
    ),
    (
        "posts/2025/trung-ten/index.md",
        None,
        "'trung-ten' (vi) is also used by posts/2024/trung-ten",
    ),
    ("posts/2025/hai-ban/index.vi.md", None, "both index.md and index.vi.md"),
    ("posts/2025/yaml-hong/index.md", 2, "the quote opened in 'title' is not closed"),
    ("pages/tag/index.md", None, "/tag/ is used by the site itself"),
    ("pages/2024/index.md", None, "/2024/ is used by the site itself"),
    ("pages/en/index.md", None, "/en/ is used by the site itself"),
    ("posts/2025/sai-khoa/index.md", 5, "did you mean 'title'?"),
    ("posts/2025/ban-dich-thieu/index.en.md", 1, "needs 'title'"),
    ("posts/2025/ngoai-thu-muc.md", None, "must be at posts/<year>/<name>/index.vi.md"),
    ("posts/2025/Ten Thu Muc/index.md", None, "rename the folder to 'ten-thu-muc'"),
    (
        "posts/2025/ngon-ngu-la/index.xx.md",
        None,
        "'xx' is not one of the site's languages",
    ),
    (
        "posts/2025/bo-anh/anh/captions.yml",
        None,
        "'c.jpg' is not a photo in this folder",
    ),
    ("posts/2025/bo-anh/anh/captions.yml", None, "the photo 'b.jpg' has no caption"),
    ("posts/2025/ten-anh/index.md", 7, "rename it to 'anh-1.jpg'"),
    (
        "posts/2025/anh-cut/index.md",
        7,
        "the photo 'cut.jpg' is cut short: only part of it was copied",
    ),
    ("posts/2025/anh-qua-lon/index.md", 7, "has too many pixels to publish safely"),
    ("people/khong-ten/index.md", 1, "needs 'name'"),
    (
        "posts/2025/nguoi-la/index.md",
        5,
        "'people' names 'phung-chen', but there is no people/phung-chen/ folder: fix "
        "the name or create people/phung-chen/index.vi.md. Did you mean 'phung-chien'?",
    ),
    (
        "posts/2025/nguoi-la/index.md",
        6,
        "'works' names 'bai-khong-co', but there is no works/bai-khong-co/",
    ),
    (
        "works/tac-gia-la/index.md",
        4,
        "'creators' names 'ai-do', but there is no people/ai-do/",
    ),
    ("people/sai-vai/index.md", 3, "'dancer' is not allowed"),
    (
        "works/sai-loai/index.md",
        3,
        "'album' is not allowed: use one of song, book, poem",
    ),
    ("works/thieu-am-thanh/index.md", 4, "there is no audio file 'khong-co.mp3'"),
    ("works/sai-isbn/index.md", 4, "is not a valid ISBN"),
    (
        "posts/2025/sua-khong-ngay/index.md",
        5,
        "a 'correction' needs the date it was made",
    ),
    (
        "posts/2025/notepad/index.en.md.txt",
        None,
        "its name ends in .txt (Notepad adds it). Rename the file to index.en.md",
    ),
    ("posts/2025/chu-hoa/index.EN.md", None, "rename the file to index.en.md"),
    ("posts/2025/word/bai-viet.docx", None, "is a word processor file"),
    ("posts/2025/word/ban-cu.odt", None, "Copy its text into index.vi.md"),
    (
        "posts/2025/cham-phay/index.md",
        5,
        "'tags' separates its items with ';': use commas, write it as "
        "[văn hoá đọc, thư viện số]",
    ),
    (
        "posts/2025/mot-chuoi/index.md",
        5,
        "'tags' must be a list in square brackets, not one text: write it as "
        "[văn hoá đọc, thư viện số]",
    ),
    (
        "posts/2025/chu-hoa-anh/index.md",
        7,
        "there is no photo 'hoi-truong.jpg' in this folder: copy it here or fix "
        "the file name (names must match exactly, capital letters too). Did you "
        "mean 'Hoi-Truong.JPG'?",
    ),
    (
        "posts/2025/theo-ten/index.md",
        5,
        "'people' names 'Phùng Chiến': people and works are named by their "
        "folder's name, so write 'phung-chien' (people/phung-chien/)",
    ),
    (
        "posts/2025/theo-ten/index.md",
        6,
        "'works' names 'Chiều Mường Hum': people and works are named by their "
        "folder's name, so write 'chieu-muong-hum' (works/chieu-muong-hum/)",
    ),
]


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("bad"), BAD)
    (root / "output").mkdir()
    (root / "output" / "index.html").write_text("published before", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def build(bad_site):
    return run_pelican(bad_site)


@pytest.fixture(scope="module")
def preview(bad_site):
    return run_pelican(bad_site, production=True)


@pytest.fixture(scope="module")
def check(bad_site):
    return run_task("check", "--content", str(bad_site / "content"))


def _line_for(output: str, file: str, line: int | None, words: str) -> str | None:
    prefix = f"content/{file}:{line}: error: " if line else f"content/{file}"
    for text in output.splitlines():
        if text.startswith(prefix) and words in text:
            return text
    return None


@pytest.mark.parametrize(
    ("file", "line", "words"), EXPECTED, ids=[f"{e[0]}:{e[2]}" for e in EXPECTED]
)
def test_build_names_the_file_and_the_problem(build, file, line, words):
    assert _line_for(build.stderr, file, line, words), build.stderr


@pytest.mark.parametrize(
    ("file", "line", "words"), EXPECTED, ids=[f"{e[0]}:{e[2]}" for e in EXPECTED]
)
def test_check_names_the_file_and_the_problem(check, file, line, words):
    assert _line_for(check.stderr, file, line, words), check.stderr


def test_build_fails(build):
    assert build.returncode != 0


def test_preview_fails(preview):
    assert preview.returncode != 0


def test_check_fails(check):
    assert check.returncode != 0


def test_every_problem_is_listed_at_once(build):
    errors = [line for line in build.stderr.splitlines() if ": error: " in line]
    assert len(errors) >= len(EXPECTED)


def test_good_post_is_not_blamed(build):
    assert "bai-dung" not in build.stderr


@pytest.mark.parametrize("result", ["build", "preview", "check"])
def test_no_traceback_is_shown(result, request):
    completed = request.getfixturevalue(result)
    assert "Traceback" not in completed.stderr + completed.stdout


def test_output_is_left_as_it_was(build, preview, bad_site):
    files = [p for p in (bad_site / "output").rglob("*") if p.is_file()]
    assert files == [bad_site / "output" / "index.html"]
    assert files[0].read_text(encoding="utf-8") == "published before"


def test_summary_line_says_nothing_was_built(build):
    assert "The site was not built; output/ was not changed." in build.stderr


def test_summary_line_names_the_output_folder_it_left(bad_site):
    elsewhere = bad_site / "ban-xem-thu"
    built = run_pelican(bad_site, OUTPUT_PATH=str(elsewhere))
    assert built.returncode == 1
    assert "The site was not built; ban-xem-thu/ was not changed." in built.stderr


def test_broken_categories_file_is_named(build_site):
    built = build_site(
        {"posts/2025/bai/index.md": good_post()},
        categories="- key: am-nhac\n  vi: [x\n",
    )
    assert not built.ok
    assert "data/categories.yml:2: error: is not valid YAML" in built.result.stderr


def test_post_in_another_years_folder_is_a_warning_only(build_site):
    built = build_site({"posts/2024/nam-khac/index.md": good_post()})
    assert built.ok, built.log
    assert (
        "content/posts/2024/nam-khac/index.md:3: warning: the date is in 2025 but the "
        "folder is posts/2024/" in built.result.stderr
    )
    assert (built.output / "2025/nam-khac/index.html").is_file()


def test_broken_library_facts_stop_the_build_with_the_line(build_site):
    library = (REPO / "data" / "library.yml").read_text("utf-8")
    built = build_site(
        {"posts/2025/bai/index.md": good_post()},
        data={
            "library.yml": library.replace("library/podcast.jpg", "library/logo.png")
        },
    )
    assert not built.ok
    assert (
        "data/library.yml:23: error: 'podcast_artwork' 'library/logo.png' is 512x512 px"
        in built.result.stderr
    )
    assert "Traceback" not in built.log


def test_alt_text_that_is_the_file_name_is_a_warning(build_site):
    built = build_site(
        {
            "posts/2025/bai/index.md": post(
                GOOD, "![hoi-nghi-01.jpg](hoi-nghi-01.jpg)"
            ),
            "posts/2025/bai/hoi-nghi-01.jpg": jpeg(),
        }
    )
    assert built.ok, built.log
    assert (
        "content/posts/2025/bai/index.md:7: warning: the alt text of "
        "'hoi-nghi-01.jpg' is its file name"
    ) in built.result.stderr


def test_a_broken_original_is_reported_alone_not_its_translations(build_site):
    built = build_site(
        {
            "posts/2025/bai/index.md": post(
                "title: Hội nghị: tổng kết năm\ndate: 2025-11-06\ncategory: am-nhac"
            ),
            "posts/2025/bai/index.en.md": post("title: Conference"),
        }
    )
    assert not built.ok
    errors = [line for line in built.result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, errors
    assert errors[0].startswith("content/posts/2025/bai/index.md:2: error: ")
    assert 'title: "Hội nghị: tổng kết năm"' in errors[0]


def test_a_caption_in_curly_quotes_is_named(build_site):
    built = build_site(
        {
            "posts/2025/bai/index.md": post(
                GOOD, "![Hội trường](hoi-truong.jpg “Hội trường lúc 2 giờ”)"
            ),
            "posts/2025/bai/hoi-truong.jpg": jpeg(),
        }
    )
    assert not built.ok
    assert "the caption after 'hoi-truong.jpg' is in curly quotes" in (
        built.result.stderr
    )
    assert "HEIC" not in built.result.stderr


@pytest.fixture(scope="module")
def check_in_vietnamese(bad_site):
    return run_task(
        "check", "--content", str(bad_site / "content"), writers_language=True
    )


def test_writers_read_every_problem_in_vietnamese(check_in_vietnamese):
    lines = check_in_vietnamese.stderr.splitlines()
    problems = [line for line in lines if ": lỗi: " in line]
    assert len(problems) >= len(EXPECTED)
    assert not [line for line in lines if ": error: " in line]
    assert any(
        line.startswith("content/posts/2025/theo-ten/index.md:5: lỗi: 'people' ghi ")
        and "hãy viết 'phung-chien'" in line
        for line in problems
    )
    assert lines[-1].startswith("Nội dung có ")
    assert lines[-1].endswith("Trang chưa được dựng; thư mục output/ giữ nguyên.")


def test_no_parser_words_reach_a_writer(check_in_vietnamese):
    output = check_in_vietnamese.stderr
    for words in ("mapping values", "expected", "found character", "YAML", "Traceback"):
        assert words not in output


def test_lang_en_gives_the_english_messages(bad_site):
    result = run_task(
        "check",
        "--content",
        str(bad_site / "content"),
        "--lang",
        "en",
        writers_language=True,
    )
    assert ": error: " in result.stderr and ": lỗi: " not in result.stderr


def test_a_colon_in_a_title_is_explained_in_vietnamese_with_the_line_to_write(
    tmp_path,
):
    site = write_site(
        tmp_path,
        {
            "posts/2025/bai/index.md": post(
                "title: Hội nghị: tổng kết năm\ndate: 2025-11-06\ncategory: am-nhac"
            )
        },
    )
    result = run_task(
        "check", "--content", str(site / "content"), writers_language=True
    )
    assert (
        "content/posts/2025/bai/index.md:2: lỗi: giá trị của 'title' có dấu hai chấm "
        "(:), sẽ bị hiểu nhầm thành khoá mới: đặt cả giá trị trong ngoặc kép: "
        'title: "Hội nghị: tổng kết năm"'
    ) in result.stderr
