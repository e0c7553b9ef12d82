"""The writers' guide's pictures of the editor, taken by doing what it describes.

A copy of the sample site is served with the editor and its local host (on
127.0.0.1, a temporary git repository, never the working tree); Chromium, in
Vietnamese, signs in with a token, writes a post, adds photos, shows the
preview, sends the post for review, and a second person marks it ready and
publishes it, through the same steps the editor's tests take
(tests.support.editor); each screen goes into docs/img/ for
docs/huong-dan-bien-tap.md.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from site_gates.browser import CHROMIUM, FLAGS
from tests.support.editor import (
    REVIEWER,
    EditorPage,
    copy_site,
    editor_served,
    night_of_songs,
    token_of,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
BROWSER = {"viewport": {"width": 1280, "height": 800}, "locale": "vi-VN"}


def sample_photos(folder: Path) -> list[Path]:
    """Return two photos of the sample post, named as a phone names them."""
    source = ROOT / "content/posts/2025/hoi-nghi-ban-doc-2025"
    photos = []
    for number, name in enumerate(("ban-doc-01.jpg", "ban-doc-02.jpg"), 1):
        target = folder / f"Ảnh {number}.jpg"
        shutil.copy(source / name, target)
        photos.append(target)
    return photos


def shoot(page, name: str) -> None:
    """Save the screen as docs/img/<name>.png, reduced to a palette (smaller)."""
    path = OUT / f"{name}.png"
    page.wait_for_timeout(300)  # transitions end
    page.screenshot(path=path)
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=128).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}")


def writer_screens(browser, address: str, folder: Path) -> None:
    """Sign in, the list, a new post with photos, the preview, send for review."""
    page = browser.new_context(**BROWSER).new_page()
    editor = EditorPage(page)
    page.goto(address)
    page.get_by_role("button", name="Đăng nhập bằng mã truy cập").click()
    page.get_by_role("textbox").fill(token_of(REVIEWER)[:6] + "…")
    shoot(page, "bien-tap-1-dang-nhap")
    page.keyboard.press("Escape")
    editor.sign_in(address)
    shoot(page, "bien-tap-2-danh-sach")
    editor.new_post()
    editor.fill("Tiêu đề", "Đêm nhạc Tây Bắc")
    editor.date("Ngày và giờ đăng", "2025-12-02T19:30")
    editor.choose("Chuyên mục", "Âm nhạc")
    editor.tick("Nhân vật trong bài", "Phùng Chiến")
    shoot(page, "bien-tap-3-viet-bai")
    first, second = editor.photos_in_text(sample_photos(folder))
    editor.body(night_of_songs(first, second))
    editor.field("Ảnh đại diện").get_by_role("button", name="Duyệt tệp").click()
    shoot(page, "bien-tap-4-anh")
    window = page.get_by_role("dialog", name="Chọn ảnh")
    window.get_by_role("option", name="anh-1.jpg").click()
    window.get_by_role("button", name="Chèn").click()
    editor.fill("Mô tả ảnh đại diện (cho người khiếm thị)", "Sân khấu đêm nhạc")
    editor.field("Nội dung").scroll_into_view_if_needed()
    shoot(page, "bien-tap-5-xem-truoc")
    editor.save()
    page.get_by_role("button", name="Gửi duyệt").wait_for()
    shoot(page, "bien-tap-6-gui-duyet")
    editor.send_for_review()
    page.context.close()


def reviewer_screens(browser, address: str) -> None:
    """The second person: the post waiting, marked ready, published."""
    page = browser.new_context(**BROWSER).new_page()
    editor = EditorPage(page)
    editor.sign_in(address, REVIEWER)
    page.get_by_role("row", name="Đêm nhạc Tây Bắc").wait_for()
    shoot(page, "bien-tap-7-cho-duyet")
    editor.open_entry("Đêm nhạc Tây Bắc")
    editor.set_status("Sẵn sàng")
    page.get_by_role("button", name="Xuất bản bài viết").click()
    shoot(page, "bien-tap-8-xuat-ban")
    page.get_by_role("button", name="Xuất bản", exact=True).last.click()
    page.context.close()


def main() -> None:
    """Take every screen of the guide's chapter on the editor."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("bien-tap-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = Path(temporary)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            repository = copy_site(folder / "repository", repository=True)
            site = copy_site(folder / "site")
            with editor_served(site, saves_to=repository, workflow=True) as address:
                writer_screens(browser, address, folder)
                reviewer_screens(browser, address)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
