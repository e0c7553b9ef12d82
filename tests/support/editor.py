"""The editor in tests: a copy of the sample site, its editor served, a writer's steps.

decap-server (site_admin.local_backend) runs on a temporary copy, in `git`
mode for the review workflow. `EditorPage` is also what
`invoke guide-screenshots` drives, so the guide's pictures show the steps the
tests check.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from content_model.config import ContentModelSettings, load_settings
from site_admin.local_backend import decap_server
from site_base.loopback import free_port
from site_preview.static_server import serve
from tests.support import project_settings, run_pelican

ROOT = Path(__file__).resolve().parents[2]


def content_settings(content: Path) -> ContentModelSettings:
    """Return the content model's settings for the site whose content/ is `content`."""
    return load_settings(site_settings(content))


def site_settings(content: Path) -> dict:
    """Return the development settings of the site whose content/ is `content`."""
    return project_settings(PATH=str(content.resolve()))


def copy_site(target: Path, *, repository: bool = False) -> Path:
    """Copy the sample site's content/ and data/ into `target`.

    With `repository`, `target` becomes a git repository of them, with its own
    user (decap-server's git mode commits there; a fresh machine has no user).
    """
    for name in ("content", "data"):
        shutil.copytree(ROOT / name, target / name)
    if repository:
        shutil.copy(ROOT / ".gitignore", target / ".gitignore")
        for command in (
            ["init", "-q", "-b", "main"],
            ["config", "user.name", "Biên tập viên"],
            ["config", "user.email", "bien-tap@thuvien.example"],
            ["add", "-A"],
            ["commit", "-qm", "start"],
        ):
            subprocess.run(["git", "-C", str(target), *command], check=True)
    return target


def build_for_editor(site: Path, api: str) -> Path:
    """Build `site` (development settings) with its editor using decap-server `api`."""
    admin = {"decap": str(ROOT / "node_modules/decap-cms/dist"), "local_backend": api}
    result = run_pelican(site, ADMIN=admin)
    if result.returncode != 0:
        raise RuntimeError(f"the site did not build:\n{result.stdout}{result.stderr}")
    return site / "output"


@contextmanager
def editor_served(site: Path, saves_to: Path, mode: str = "fs") -> Iterator[str]:
    """Yield the address of `site`'s editor, saving into `saves_to` by decap-server.

    The site is built and served from its own folder: in git mode decap-server
    commits whatever the repository's tree holds, so `saves_to` is another.
    """
    settings = site_settings(saves_to / "content")
    with decap_server(saves_to, free_port(), settings, mode=mode) as api:
        server, url = serve(build_for_editor(site, api))
        try:
            yield f"{url}/admin/"
        finally:
            server.shutdown()


class EditorPage:
    """What a writer does in the editor (Decap CMS, Vietnamese), step by step.

    Used by the editor's browser tests and by `invoke guide-screenshots`, so
    the guide's pictures show the steps the tests check.
    """

    def __init__(self, page) -> None:
        self.page = page

    def sign_in(self, address: str) -> None:
        """Open the editor and sign in (decap-server asks no password)."""
        # The click waits for Decap to show its button: no need to wait for
        # half a second of network silence first.
        self.page.goto(address)
        self.page.get_by_role("button", name="Đăng nhập").click()
        self.page.get_by_role("heading", name="Bài viết").wait_for()

    def new_post(self) -> None:
        """Start a post from the list of posts."""
        self.page.get_by_role("link", name="Bài viết").last.click()
        self.page.locator("[id^=title-field]:visible").first.wait_for()

    def fill(self, field: str, text: str, column: int = 0) -> None:
        """Type into a field of the Vietnamese (0) or English (1) column."""
        self.page.locator(f"[id^={field}-field]:visible").nth(column).fill(text)

    def date(self, value: str) -> None:
        """Set the date picker, like "2025-12-01T10:00"."""
        self.page.locator("[id^=date-field]").first.fill(value)

    def choose(self, field: str, typed: str, shown: str | None = None) -> None:
        """Pick an option of a list (category, people...) by typing its name."""
        self.page.locator(f"[id^={field}-field]").first.click()
        self.page.keyboard.type(typed)
        if shown:
            self.page.get_by_text(shown, exact=True).last.click()
        else:
            self.page.keyboard.press("Enter")

    def body(self, lines: list[str], column: int = 0, markdown: bool = False) -> None:
        """Write the text, a line at a time (in Markdown when asked)."""
        field = self.page.locator('[aria-label="markdown field"]').nth(column)
        if markdown:
            field.get_by_role("switch").click()
        field.locator("[contenteditable=true]").first.click()
        for number, line in enumerate(lines):
            self.page.keyboard.type(line)
            if number < len(lines) - 1:
                self.page.keyboard.press("Enter")

    def upload_cover(self, photos: list[Path], chosen: str) -> None:
        """Upload photos into the post's folder; make `chosen` the cover."""
        self.page.get_by_role("button", name="Chọn một hình").first.click()
        for photo in photos:
            self.page.locator("input[type=file]").first.set_input_files(str(photo))
            self.page.get_by_text(photo.name).wait_for()
        self.page.get_by_text(chosen).click()

    def take_chosen(self) -> None:
        """Close the photo library with the chosen photo."""
        self.page.get_by_role("button", name="Lấy những cái đã chọn").click()

    def publish_now(self) -> None:
        """Save and publish at once (on a writer's own computer)."""
        self.page.get_by_role("button", name="Công bố", exact=True).click()
        self.page.get_by_text("Công bố ngay").click()

    def save_draft(self) -> None:
        """Save for review (the review workflow)."""
        self.page.get_by_role("button", name="Lưu", exact=True).click()

    def set_status(self, current: str, wanted: str) -> None:
        """Move the post from one column of the review board to another."""
        self.page.get_by_role("button", name=f"Trạng: {current}").click()
        self.page.get_by_role("menuitem", name=wanted).click()
        self.page.get_by_role("button", name=f"Trạng: {wanted}").wait_for()

    def show_preview(self) -> None:
        """Show the preview beside the Vietnamese column."""
        self.page.locator('button[title="Toggle i18n"]').click()
        self.page.locator('button[title="Toggle preview"]').click()
