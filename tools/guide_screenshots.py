"""The writers' guide's pictures of the editor, taken by doing what it describes.

A copy of the sample site is served with the editor and decap-server (on
127.0.0.1, never the working tree); Chromium signs in, writes a post, uploads
photos, shows the preview and, on a temporary git repository, the review
board, through the same steps the editor's tests take (tests.support.editor), and
saves each screen into docs/img/ for docs/huong-dan-bien-tap.md.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.support.browser import CHROMIUM, FLAGS
from tests.support.editor import EditorPage, copy_site, editor_served

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
VIEWPORT = {"width": 1280, "height": 800}


def sample_photos(folder: Path) -> list[Path]:
    """Return two photos of the sample post, as a writer's camera files."""
    source = ROOT / "content/posts/2025/hoi-nghi-ban-doc-2025"
    photos = []
    for name in ("ban-doc-01.jpg", "ban-doc-02.jpg"):
        target = folder / name.replace("ban-doc", "anh")
        shutil.copy(source / name, target)
        photos.append(target)
    return photos


def shoot(page, name: str) -> None:
    """Save the screen as docs/img/<name>.png, reduced to a palette (smaller)."""
    path = OUT / f"{name}.png"
    page.screenshot(path=path)
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=128).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}")


def writer_screens(browser, address: str, folder: Path) -> None:
    """Sign in, list posts, write one with photos, show a preview."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # leave the unsaved post
    editor = EditorPage(page)
    page.goto(address, wait_until="networkidle")
    shoot(page, "bien-tap-1-dang-nhap")
    editor.sign_in(address)
    shoot(page, "bien-tap-2-danh-sach")
    editor.new_post()
    editor.fill("title", "Đêm thơ mùa đông")
    editor.date("2025-12-01T19:30")
    editor.choose("category", "Âm nhạc")
    editor.choose("people", "Phùng", shown="Phùng Chiến")
    editor.fill("title", "A winter night of poems", column=1)
    shoot(page, "bien-tap-3-viet-bai")
    editor.upload_cover(sample_photos(folder), chosen="anh-01.jpg")
    shoot(page, "bien-tap-4-anh")
    editor.take_chosen()
    page.goto(address + "#/collections/posts", wait_until="networkidle")
    page.get_by_text("Thư viện tỉnh tổ chức Hội nghị bạn đọc năm 2025").click()
    editor.show_preview()
    preview = page.frame_locator("iframe").first
    preview.locator(
        '.prose img[alt^="Ảnh minh hoạ: bạn đọc"]'
    ).first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shoot(page, "bien-tap-5-xem-truoc")
    page.context.close()


def review_screen(browser, folder: Path) -> None:
    """Show the review board with a post waiting for review (git mode)."""
    repository = copy_site(folder / "repository", repository=True)
    site = copy_site(folder / "review-site")
    with editor_served(site, saves_to=repository, mode="git") as address:
        page = browser.new_context(viewport=VIEWPORT).new_page()
        editor = EditorPage(page)
        editor.sign_in(address)
        editor.new_post()
        editor.fill("title", "Đêm nhạc Tây Bắc")
        editor.date("2025-12-02T19:30")
        editor.choose("category", "Âm nhạc")
        editor.body(["Một đêm nhạc ở thư viện."])
        editor.save_draft()
        editor.set_status("Bản nháp", "Đang xét duyệt")
        page.goto(address + "#/workflow", wait_until="networkidle")
        page.get_by_text("Đêm nhạc Tây Bắc (2025)").wait_for()
        shoot(page, "bien-tap-6-duyet-bai")
        page.context.close()


def main() -> None:
    """Take every screen of the guide's chapter on the editor."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = Path(temporary)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            site = copy_site(folder / "site")
            with editor_served(site, saves_to=site) as address:
                writer_screens(browser, address, folder)
            review_screen(browser, folder)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
