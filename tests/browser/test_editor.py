"""The editor in Chromium against decap-server on 127.0.0.1: it opens, lists the
posts, writes a post as the content model wants it, with no policy refusal."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from tests.support import run_pelican, run_task, soup
from tests.support.editor import EditorPage, copy_site, editor_served

pytestmark = [pytest.mark.browser, pytest.mark.long]

LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
    `${e.effectiveDirective} refused ${e.blockedURI || 'inline code'}`));
"""


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """Yield (the editor's address, the folder it writes) for a copy of the site."""
    site = copy_site(tmp_path_factory.mktemp("editor"))
    with editor_served(site, saves_to=site) as address:
        yield address, site


@pytest.fixture
def admin(browser, editor):
    address, site = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(LISTEN)
    editor = EditorPage(page)
    editor.sign_in(address)
    yield editor, site
    assert page.evaluate("() => window.__violations") == []
    context.close()


def test_the_editor_lists_the_posts_in_vietnamese(admin):
    page = admin[0].page
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").wait_for()
    assert page.get_by_role("link", name="Tác giả, nghệ sĩ").count() == 1


def test_the_preview_shows_a_post_with_the_sites_styles_and_its_photo_groups(admin):
    editor, _site = admin
    page = editor.page
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").click()
    editor.show_preview()
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
    first, second, third = (photos.nth(i).bounding_box() for i in range(3))
    assert second["y"] > first["y"] + first["height"] - 1
    assert first["width"] > second["width"] * 1.9
    assert second["y"] == third["y"] and third["x"] > second["x"] + second["width"]
    caption = preview.locator(".prose img + p em").nth(2)
    assert caption.inner_text().startswith("Bạn đọc trao đổi, đóng góp ý kiến")
    assert caption.evaluate("e => getComputedStyle(e.parentElement).fontSize") != (
        preview.locator(".prose > div > p").first.evaluate(
            "e => getComputedStyle(e).fontSize"
        )
    )


def saved(folder, pattern: str, page):
    """Return the files matching `pattern` once the editor has written them."""
    for _attempt in range(50):
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


def built_copy(site, folder):
    """Build a copy of what the editor wrote (its own build stays as it is)."""
    for name in ("content", "data"):
        shutil.copytree(site / name, folder / name)
    built = run_pelican(folder)
    assert built.returncode == 0, built.stderr
    return folder


def test_a_post_written_in_the_editor_passes_the_check(admin, tmp_path):
    editor, site = admin
    page = editor.page
    editor.new_post()
    editor.fill("title", "Đêm thơ mùa đông ở Đồng Văn")
    editor.date("2025-12-01T10:00")
    editor.choose("category", "Âm nhạc")
    editor.choose("people", "Phùng", shown="Phùng Chiến")
    editor.fill("tags", "thơ, văn hoá đọc")
    editor.body(["Một đêm thơ ở thư viện."])
    editor.fill("title", "A winter night of poems", column=1)
    editor.body(["A night of poems at the library."], column=1)
    editor.publish_now()
    folder = site / "content/posts/2025/dem-tho-mua-dong-o-dong-van"
    assert saved(folder, "index.vi.md", page) and saved(folder, "index.en.md", page)
    assert sorted(f.name for f in folder.glob("index.*.md")) == [
        "index.en.md",
        "index.vi.md",
    ]
    vietnamese = (folder / "index.vi.md").read_text("utf-8")
    assert "title: Đêm thơ mùa đông ở Đồng Văn" in vietnamese
    assert "category: am-nhac" in vietnamese and "status: published" in vietnamese
    assert "date: 2025-12-01 10:00" in vietnamese
    # The folder's name, not "phung-chien/index" (decap-cms#4092).
    assert "people:\n  - phung-chien\n" in vietnamese
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
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").click()
    editor.fill("title", "Hội nghị bạn đọc năm 2025 (đã sửa)")
    editor.publish_now()
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
    english = path.with_name("index.en.md")
    wanted = "title: Provincial library holds its 2025 readers' conference"
    for _attempt in range(50):  # the editor writes both files at once
        if wanted in english.read_text("utf-8"):
            break
        page.wait_for_timeout(200)
    assert wanted in english.read_text("utf-8")
    check = run_task("check", "--content", str(site / "content"))
    assert check.returncode == 0, check.stderr


def camera_photo(path, colour: int) -> None:
    """Write a 4000x3000 JPEG of camera-like size (several MB: noise compresses badly)."""
    noise = [Image.effect_noise((4000, 3000), sigma) for sigma in (40, 60, colour)]
    Image.merge("RGB", noise).save(path, quality=90)


def test_camera_photos_uploaded_in_the_editor_make_a_group_with_its_caption(
    admin, tmp_path
):
    editor, site = admin
    page = editor.page
    photos = [tmp_path / "anh-1.jpg", tmp_path / "anh-2.jpg"]
    for colour, photo in enumerate(photos):
        camera_photo(photo, 70 + 10 * colour)
    assert all(photo.stat().st_size > 4_000_000 for photo in photos)
    editor.new_post()
    editor.fill("title", "Ảnh hội nghị bạn đọc")
    editor.date("2025-12-03T09:00")
    editor.choose("category", "Sự kiện")
    # Both photos uploaded into the post's folder; the first is the cover.
    editor.upload_cover(photos, chosen="anh-1.jpg")
    editor.take_chosen()
    editor.fill("cover_alt", "Quang cảnh hội nghị")
    # The text in Markdown: two photos on consecutive lines, then the caption.
    editor.body(
        [
            "Mở đầu.",
            "",
            "![Quang cảnh hội nghị](anh-1.jpg)",
            "![Bạn đọc phát biểu](anh-2.jpg)",
            "",
            "*Hội nghị bạn đọc.*",
        ],
        markdown=True,
    )
    editor.publish_now()
    folder = site / "content/posts/2025/anh-hoi-nghi-ban-doc"
    assert saved(folder, "index.vi.md", page)
    for photo in photos:
        assert written_whole(folder / photo.name, photo.read_bytes(), page)
    text = (folder / "index.vi.md").read_text("utf-8")
    assert "cover: anh-1.jpg\ncover_alt: Quang cảnh hội nghị\n" in text
    assert (
        "![Quang cảnh hội nghị](anh-1.jpg)\n![Bạn đọc phát biểu](anh-2.jpg)\n\n"
        "*Hội nghị bạn đọc.*"
    ) in text
    copy = built_copy(site, tmp_path / "copy")
    group = soup(copy, "2025/anh-hoi-nghi-ban-doc/").select_one("figure.photos--2")
    assert group.select_one(".photos__caption").get_text() == "Hội nghị bạn đọc."
