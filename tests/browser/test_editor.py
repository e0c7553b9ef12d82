"""The editor in Chromium against decap-server on 127.0.0.1: it opens, lists the
posts, writes a post as the content model wants it, with no policy refusal."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from tests.support import REPO, run_pelican, run_task, soup
from tools.editor import decap_server
from tools.lighthouse import free_port
from tools.static_server import serve

pytestmark = pytest.mark.browser

LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
    `${e.effectiveDirective} refused ${e.blockedURI || 'inline code'}`));
"""


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """Yield (the editor's address, the folder it writes) for a copy of the site."""
    site = tmp_path_factory.mktemp("editor")
    for folder in ("content", "data"):
        shutil.copytree(REPO / folder, site / folder)
    port = free_port()
    with decap_server(site, port) as api:
        admin = {"decap": str(REPO / "node_modules/decap-cms/dist")}
        built = run_pelican(site, ADMIN={**admin, "local_backend": api})
        assert built.returncode == 0, built.stderr
        server, url = serve(site / "output")
        yield f"{url}/admin/", site
        server.shutdown()


@pytest.fixture
def admin(browser, editor):
    address, site = editor
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(LISTEN)
    page.goto(address, wait_until="networkidle")
    page.get_by_role("button", name="Đăng nhập").click()
    yield page, site
    assert page.evaluate("() => window.__violations") == []
    context.close()


def test_the_editor_lists_the_posts_in_vietnamese(admin):
    page, _site = admin
    page.get_by_role("heading", name="Bài viết").wait_for()
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").wait_for()
    assert page.get_by_role("link", name="Tác giả, nghệ sĩ").count() == 1


def test_the_preview_shows_a_post_with_the_sites_styles_and_its_photo_groups(admin):
    page, _site = admin
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").click()
    page.locator('button[title="Toggle i18n"]').click()
    page.locator('button[title="Toggle preview"]').click()
    preview = page.frame_locator("iframe").first
    title = preview.locator("h1.post__title")
    assert title.inner_text().startswith("Thư viện tỉnh tổ chức Hội nghị bạn đọc")
    # The site's own stylesheet (fingerprinted) styles the preview.
    assert preview.locator('link[href*="/theme/css/site."]').count() == 1
    # Two photos of one group sit side by side, their caption under them.
    photos = preview.locator('.prose img[alt^="Ảnh minh hoạ: bạn đọc"]')
    first, second = (photos.nth(i).bounding_box() for i in (0, 1))
    assert first["y"] == second["y"] and second["x"] > first["x"] + first["width"]
    caption = preview.locator(".prose img + p em").nth(2)
    assert caption.inner_text().startswith("Bạn đọc trao đổi, đóng góp ý kiến")
    assert caption.evaluate("e => getComputedStyle(e.parentElement).fontSize") != (
        preview.locator(".prose > div > p").first.evaluate(
            "e => getComputedStyle(e).fontSize"
        )
    )


def fill_text(page, field: str, text: str, column: int = 0) -> None:
    """Type into a field of the Vietnamese (0) or English (1) column."""
    page.locator(f"[id^={field}-field]:visible").nth(column).fill(text)


def type_body(page, text: str, column: int = 0) -> None:
    page.locator('[aria-label="markdown field"] [contenteditable=true]').nth(
        column
    ).click()
    page.keyboard.type(text)


def saved(folder, pattern: str, page):
    """Return the files matching `pattern` once the editor has written them."""
    for _attempt in range(50):
        found = sorted(folder.glob(pattern))
        if found:
            return found
        page.wait_for_timeout(200)
    return []


def test_a_post_written_in_the_editor_passes_the_check(admin):
    page, site = admin
    page.get_by_role("heading", name="Bài viết").wait_for()
    page.get_by_role("link", name="Bài viết").last.click()  # the "new post" button
    fill_text(page, "title", "Đêm thơ mùa đông ở Đồng Văn")
    page.locator("[id^=date-field]").first.fill("2025-12-01T10:00")
    page.locator("[id^=category-field]").first.click()
    page.keyboard.type("Âm nhạc")
    page.keyboard.press("Enter")
    page.locator("[id^=people-field]").first.click()
    page.keyboard.type("Phùng")
    page.get_by_text("Phùng Chiến", exact=True).last.click()
    type_body(page, "Một đêm thơ ở thư viện.")
    fill_text(page, "title", "A winter night of poems", column=1)
    type_body(page, "A night of poems at the library.", column=1)
    page.get_by_role("button", name="Công bố").click()
    page.get_by_text("Công bố ngay").click()
    folder = site / "content/posts/2025/dem-tho-mua-dong-o-dong-van"
    files = saved(folder, "index.*.md", page)
    assert [f.name for f in files] == ["index.en.md", "index.vi.md"]
    vietnamese = (folder / "index.vi.md").read_text("utf-8")
    assert "title: Đêm thơ mùa đông ở Đồng Văn" in vietnamese
    assert "category: am-nhac" in vietnamese and "status: draft" in vietnamese
    assert "date: 2025-12-01 10:00" in vietnamese
    # The folder's name, not "phung-chien/index" (decap-cms#4092).
    assert "people:\n  - phung-chien\n" in vietnamese
    english = (folder / "index.en.md").read_text("utf-8")
    assert "title: A winter night of poems" in english
    assert "category" not in english  # a translation inherits it
    check = run_task("check", "--content", str(site / "content"))
    assert check.returncode == 0, check.stderr


def test_a_sample_post_edited_in_the_editor_keeps_what_it_did_not_touch(admin):
    page, site = admin
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").click()
    title = page.locator("[id^=title-field]:visible").first
    title.fill("Hội nghị bạn đọc năm 2025 (đã sửa)")
    page.get_by_role("button", name="Công bố").click()
    page.get_by_text("Công bố ngay").click()
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
    """Write a 4000x3000 JPEG of camera-like size (several MB: noise compresses badly)."""
    noise = [Image.effect_noise((4000, 3000), sigma) for sigma in (40, 60, colour)]
    Image.merge("RGB", noise).save(path, quality=90)


def test_camera_photos_uploaded_in_the_editor_make_a_group_with_its_caption(
    admin, tmp_path
):
    page, site = admin
    photos = [tmp_path / "anh-1.jpg", tmp_path / "anh-2.jpg"]
    for colour, photo in enumerate(photos):
        camera_photo(photo, 70 + 10 * colour)
    assert all(photo.stat().st_size > 4_000_000 for photo in photos)
    page.get_by_role("heading", name="Bài viết").wait_for()
    page.get_by_role("link", name="Bài viết").last.click()
    fill_text(page, "title", "Ảnh hội nghị bạn đọc")
    page.locator("[id^=date-field]").first.fill("2025-12-03T09:00")
    page.locator("[id^=category-field]").first.click()
    page.keyboard.type("Sự kiện")
    page.keyboard.press("Enter")
    # The cover: both photos uploaded into the post's folder, the first chosen.
    page.get_by_role("button", name="Chọn một hình").first.click()
    for photo in photos:
        page.locator("input[type=file]").first.set_input_files(str(photo))
        page.get_by_text(photo.name).wait_for()
    page.get_by_text("anh-1.jpg").click()
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    fill_text(page, "cover_alt", "Quang cảnh hội nghị")
    # The text in Markdown: two photos on consecutive lines, then the caption.
    body = page.locator('[aria-label="markdown field"]').first
    body.get_by_role("switch").click()
    body.locator("[contenteditable=true]").first.click()
    for line in (
        "Mở đầu.",
        "",
        "![Quang cảnh hội nghị](anh-1.jpg)",
        "![Bạn đọc phát biểu](anh-2.jpg)",
        "",
        "*Hội nghị bạn đọc.*",
    ):
        page.keyboard.type(line)
        page.keyboard.press("Enter")
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_text("Công bố ngay").click()
    folder = site / "content/posts/2025/anh-hoi-nghi-ban-doc"
    assert saved(folder, "index.vi.md", page)
    for photo in photos:
        assert (folder / photo.name).read_bytes() == photo.read_bytes()
    text = (folder / "index.vi.md").read_text("utf-8")
    assert "cover: anh-1.jpg\ncover_alt: Quang cảnh hội nghị\n" in text
    assert (
        "![Quang cảnh hội nghị](anh-1.jpg)\n![Bạn đọc phát biểu](anh-2.jpg)\n\n"
        "*Hội nghị bạn đọc.*"
    ) in text
    # Built from a copy: the editor's own build stays as it is.
    copy = tmp_path / "copy"
    for name in ("content", "data"):
        shutil.copytree(site / name, copy / name)
    built = run_pelican(copy)
    assert built.returncode == 0, built.stderr
    group = soup(copy, "drafts/anh-hoi-nghi-ban-doc/").select_one("figure.photos--2")
    assert group.select_one(".photos__caption").get_text() == "Hội nghị bạn đọc."
