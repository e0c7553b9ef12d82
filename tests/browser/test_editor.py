"""The editor (Sveltia CMS) in Chromium against the local host on 127.0.0.1: it opens in
Vietnamese, lists the posts, writes a post as the content model wants it, with
no policy refusal. Saving publishes at once here (as `invoke edit` does); the
review workflow has its own tests (test_editor_workflow.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PIL import Image

from tests.support import run_pelican, run_task, soup
from tests.support.editor import (
    WRITER,
    EditorPage,
    copy_site,
    editor_served,
    token_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.long]

LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
    `${e.effectiveDirective} refused ${e.blockedURI || 'inline code'}`));
"""
# A writer's browser in Vietnamese: the editor speaks the browser's language.
VIETNAMESE = {"viewport": {"width": 1280, "height": 900}, "locale": "vi-VN"}


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """Yield (the editor's address, the repository it commits to)."""
    repository = copy_site(tmp_path_factory.mktemp("repository"), repository=True)
    site = copy_site(tmp_path_factory.mktemp("site"))
    with editor_served(site, saves_to=repository) as address:
        yield address, repository


@pytest.fixture
def admin(browser, editor):
    address, site = editor
    context = browser.new_context(**VIETNAMESE)
    page = context.new_page()
    page.add_init_script(LISTEN)
    editor = EditorPage(page)
    editor.sign_in(address)
    yield editor, site
    assert page.evaluate("() => window.__violations") == []
    context.close()


def test_the_editor_lists_the_posts_in_vietnamese(admin):
    page = admin[0].page
    posts = page.get_by_role("grid", name="Bài viết")
    posts.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").wait_for()
    assert page.get_by_role("treeitem", name="Tác giả, nghệ sĩ").count() == 1
    assert (
        page.get_by_role("button", name="Tạo bài viết mới")
        .inner_text()
        .endswith("Tạo mới")
    )


def test_the_preview_shows_a_post_with_the_sites_styles_and_its_photo_groups(admin):
    editor, _site = admin
    page = editor.page
    editor.open_entry("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025")
    preview = page.frame_locator("iframe").first
    title = preview.locator("h1.post__title")
    assert title.inner_text().startswith("Thư viện tỉnh tổ chức Hội nghị bạn đọc")
    # The site's own stylesheet (fingerprinted) styles the preview.
    assert preview.locator('link[href*="/theme/css/site."]').count() == 1
    # A group of three, as the site shows it: the first alone, full width,
    # then two side by side; the caption under them.
    photos = preview.locator(
        ", ".join(
            f'.prose img[alt$="{shows}"]'
            for shows in ("thảm rêu xanh", "giữa trời xanh", "lúc chạng vạng")
        )
    )
    photos.nth(2).wait_for()
    first, second, third = (photos.nth(i).bounding_box() for i in range(3))
    assert second["y"] > first["y"] + first["height"] - 1
    assert first["width"] > second["width"] * 1.9
    assert second["y"] == third["y"] and third["x"] > second["x"] + second["width"]
    caption = preview.locator(".prose img + p em").nth(2)
    assert caption.inner_text().startswith("Bạn đọc trao đổi, đóng góp ý kiến")
    assert caption.evaluate("e => getComputedStyle(e.parentElement).fontSize") != (
        preview.locator(".prose p").first.evaluate("e => getComputedStyle(e).fontSize")
    )


def saved(folder, pattern: str, page):
    """Return the files matching `pattern` once the editor has written them.

    Up to 30 s: a post with two camera photos (20 MB) goes through the
    editor's host as one commit, slow when the machine is busy.
    """
    for _attempt in range(150):
        found = sorted(folder.glob(pattern))
        if found:
            return found
        page.wait_for_timeout(200)
    return []


def written_whole(path, expected: bytes, page) -> bool:
    """Return whether `path` holds `expected` (large uploads take a moment)."""
    for _attempt in range(100):
        if path.is_file() and path.stat().st_size == len(expected):
            return path.read_bytes() == expected
        page.wait_for_timeout(200)
    return False


def last_commit(repository) -> str:
    """Return the subject and author of the repository's last commit."""
    return subprocess.run(
        ["git", "-C", str(repository), "log", "-1", "--format=%s | %an"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def built_copy(site, folder):
    """Build a copy of what the editor wrote (its own build stays as it is)."""
    for name in ("content", "data"):
        shutil.copytree(site / name, folder / name)
    built = run_pelican(folder)
    assert built.returncode == 0, built.stdout + built.stderr
    return folder


def test_a_post_written_in_the_editor_passes_the_check(admin, tmp_path):
    editor, site = admin
    page = editor.page
    editor.new_post()
    editor.fill("Tiêu đề", "Đêm thơ mùa đông ở Đồng Văn")
    editor.date("Ngày và giờ đăng", "2025-12-01T10:00")
    editor.choose("Chuyên mục", "Âm nhạc")
    editor.tick("Nhân vật trong bài", "Phùng Chiến")
    editor.tick("Bài hát, sách, thơ trong bài", "Chiều Mường Hum")
    editor.items("Chủ đề", ["thơ", "văn hoá đọc"])
    editor.body(["Một đêm thơ ở thư viện."])
    editor.show_english()
    editor.fill("Tiêu đề", "A winter night of poems", column=1)
    editor.body(["A night of poems at the library."], column=1)
    editor.save()
    # The folder is named by the post's year and title, photos beside it.
    folder = site / "content/posts/2025/dem-tho-mua-dong-o-dong-van"
    assert saved(folder, "index.vi.md", page) and saved(folder, "index.en.md", page)
    assert "dem-tho-mua-dong-o-dong-van" in last_commit(site)
    assert last_commit(site).endswith("| Biên tập viên")
    vietnamese = (folder / "index.vi.md").read_text("utf-8")
    assert "title: Đêm thơ mùa đông ở Đồng Văn" in vietnamese
    assert "category: am-nhac" in vietnamese and "status: published" in vietnamese
    assert "date: 2025-12-01 10:00" in vietnamese
    # People and works by their folder's name (Decap wrote "phung-chien/index").
    assert "people:\n  - phung-chien\n" in vietnamese
    assert "works:\n  - chieu-muong-hum\n" in vietnamese
    # Fields left empty are left out, as a writer would.
    assert "summary" not in vietnamese and "source" not in vietnamese
    english = (folder / "index.en.md").read_text("utf-8")
    assert "title: A winter night of poems" in english
    assert "category" not in english  # a translation inherits it
    assert "tags:\n  - thơ\n  - văn hoá đọc\n" in vietnamese
    check = run_task("check", "--content", str(site / "content"))
    assert check.returncode == 0, check.stderr
    # The site builds, in both languages.
    copy = built_copy(site, tmp_path / "copy")
    assert soup(copy, "2025/dem-tho-mua-dong-o-dong-van/").h1.get_text() == (
        "Đêm thơ mùa đông ở Đồng Văn"
    )
    english = soup(copy, "en/2025/dem-tho-mua-dong-o-dong-van/")
    assert english.h1.get_text() == "A winter night of poems"


def test_a_sample_post_edited_in_the_editor_keeps_what_it_did_not_touch(admin):
    editor, site = admin
    page = editor.page
    editor.open_entry("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025")
    editor.fill("Tiêu đề", "Hội nghị bạn đọc năm 2025 (đã sửa)")
    editor.save()
    path = site / "content/posts/2025/hoi-nghi-ban-doc-2025/index.vi.md"
    for _attempt in range(50):
        text = path.read_text("utf-8")
        if "(đã sửa)" in text:
            break
        page.wait_for_timeout(200)
    assert "title: Hội nghị bạn đọc năm 2025 (đã sửa)" in text
    # A date without a time stays without one; people stay folder names.
    assert "\ndate: 2025-11-06\n" in text and "  start: 2025-11-06\n" in text
    assert "people:\n  - phung-chien\n  - vu-dinh-trong\n" in text
    english = path.with_name("index.en.md").read_text("utf-8")
    assert "title: Provincial library holds its 2025 readers' conference" in english
    check = run_task("check", "--content", str(site / "content"))
    assert check.returncode == 0, check.stderr


def camera_photo(path, colour: int) -> None:
    """Write a 4000x3000 JPEG of a camera's size (over 10 MB: noise compresses badly)."""
    noise = [Image.effect_noise((4000, 3000), sigma) for sigma in (60, 80, colour)]
    Image.merge("RGB", noise).save(path, quality=97)


def test_camera_photos_added_in_the_editor_make_a_group_with_its_caption(
    admin, tmp_path
):
    editor, site = admin
    page = editor.page
    # Named as a camera or a phone names them; the editor names them anh-1.jpg...
    photos = [tmp_path / "Ảnh 1.jpg", tmp_path / "Ảnh 2.jpg"]
    for colour, photo in enumerate(photos):
        camera_photo(photo, 90 + 10 * colour)
    assert photos[0].stat().st_size > 10_000_000
    editor.new_post()
    editor.fill("Tiêu đề", "Ảnh hội nghị bạn đọc")
    editor.date("Ngày và giờ đăng", "2025-12-03T09:00")
    editor.choose("Chuyên mục", "Sự kiện")
    first, second = editor.photos_in_text(photos)
    # Side by side: the two photos on consecutive lines, then the caption.
    editor.body(
        [
            "Mở đầu.",
            "",
            f"![Quang cảnh hội nghị]({first})",
            f"![Bạn đọc phát biểu]({second})",
            "",
            "*Hội nghị bạn đọc.*",
        ]
    )
    editor.cover("anh-1.jpg")
    editor.fill("Mô tả ảnh đại diện (cho người khiếm thị)", "Quang cảnh hội nghị")
    editor.save()
    folder = site / "content/posts/2025/anh-hoi-nghi-ban-doc"
    assert saved(folder, "index.vi.md", page)
    for photo, name in zip(photos, ("anh-1.jpg", "anh-2.jpg"), strict=True):
        assert written_whole(folder / name, photo.read_bytes(), page)
    text = (folder / "index.vi.md").read_text("utf-8")
    assert "cover: anh-1.jpg\ncover_alt: Quang cảnh hội nghị\n" in text
    assert (
        "![Quang cảnh hội nghị](anh-1.jpg)\n![Bạn đọc phát biểu](anh-2.jpg)\n\n"
        "*Hội nghị bạn đọc.*"
    ) in text
    copy = built_copy(site, tmp_path / "copy")
    group = soup(copy, "2025/anh-hoi-nghi-ban-doc/").select_one("figure.photos--2")
    assert group.select_one(".photos__caption").get_text() == "Hội nghị bạn đọc."


def test_on_the_writers_computer_the_editor_opens_signed_in(browser, tmp_path):
    """`invoke edit` gives the page its run's token: no sign-in page to pass."""
    repository = copy_site(tmp_path / "repository", repository=True)
    site = copy_site(tmp_path / "site")
    with editor_served(site, repository, local_token=token_of(WRITER)) as address:
        context = browser.new_context(**VIETNAMESE)
        page = context.new_page()
        page.add_init_script(LISTEN)
        page.goto(address)
        page.get_by_role("treeitem", name="Bài viết").wait_for()
        assert (
            page.get_by_role("button", name="Đăng nhập bằng mã truy cập").count() == 0
        )
        assert page.evaluate("() => window.__violations") == []
        context.close()
