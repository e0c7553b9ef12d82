"""The review workflow in Chromium: decap-server in git mode on a temporary copy of
the repository (never the working tree): draft, in review, ready, published."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.browser.test_editor import LISTEN, written_whole
from tests.support import REPO, run_pelican, run_task, soup
from tests.support.editor import EditorPage, copy_site, editor_served

pytestmark = pytest.mark.browser

SAMPLE = REPO / "content/posts/2025/hoi-nghi-ban-doc-2025"


def git(folder, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *arguments],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def workflow(tmp_path_factory):
    """Yield (the editor's address, the repository it commits to)."""
    repository = copy_site(tmp_path_factory.mktemp("repository"), repository=True)
    site = copy_site(tmp_path_factory.mktemp("site"))
    with editor_served(site, saves_to=repository, mode="git") as address:
        yield address, repository


def write_the_post(editor: EditorPage, tmp_path) -> list:
    """Write a post with two photos, their caption and an English version."""
    photos = []
    for number in (1, 2):
        photo = tmp_path / f"anh-{number}.jpg"
        shutil.copy(SAMPLE / f"ban-doc-0{number}.jpg", photo)
        photos.append(photo)
    editor.new_post()
    editor.fill("title", "Đêm nhạc Tây Bắc")
    editor.date("2025-12-02T19:30")
    editor.choose("category", "Âm nhạc")
    editor.upload_cover(photos, chosen="anh-1.jpg")
    editor.take_chosen()
    editor.fill("cover_alt", "Sân khấu đêm nhạc")
    editor.body(
        [
            "Một đêm nhạc ở thư viện.",
            "",
            "![Sân khấu đêm nhạc](anh-1.jpg)",
            "![Khán giả](anh-2.jpg)",
            "",
            "*Đêm nhạc Tây Bắc tại thư viện.*",
        ],
        markdown=True,
    )
    editor.fill("title", "A night of north-west songs", column=1)
    editor.body(["A night of songs at the library."], column=1)
    return photos


def test_a_post_goes_through_review_before_it_is_published(browser, workflow, tmp_path):
    address, repository = workflow
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.add_init_script(LISTEN)
    page.on("dialog", lambda dialog: dialog.accept())
    editor = EditorPage(page)
    editor.sign_in(address)
    photos = write_the_post(editor, tmp_path)
    editor.save_draft()
    branch = "cms/posts/2025/dem-nhac-tay-bac/index"
    page.get_by_role("button", name="Trạng: Bản nháp").wait_for()
    # A draft lives on its own branch: nothing reaches main yet.
    assert branch in git(repository, "branch", "--list", branch)
    assert not (repository / "content/posts/2025/dem-nhac-tay-bac").exists()

    editor.set_status("Bản nháp", "Đang xét duyệt")
    editor.set_status("Đang xét duyệt", "Sẵn sàng")

    # The reviewer opens the post from the board, reads it, and publishes it.
    page.goto(address + "#/workflow")
    page.get_by_text("Đêm nhạc Tây Bắc (2025)").click()
    title = page.locator("[id^=title-field]:visible").first
    title.wait_for(timeout=30_000)
    assert title.input_value() == "Đêm nhạc Tây Bắc"
    page.goto(address + "#/workflow")
    page.get_by_text("Đêm nhạc Tây Bắc (2025)").hover()
    page.get_by_role("button", name="Công bố bài mới").click()
    folder = repository / "content/posts/2025/dem-nhac-tay-bac"
    for _attempt in range(50):
        if (folder / "index.vi.md").is_file():
            break
        page.wait_for_timeout(200)
    assert "2025/dem-nhac-tay-bac" in git(
        repository, "log", "-1", "--format=%s", "main"
    )
    text = (folder / "index.vi.md").read_text("utf-8")
    assert "title: Đêm nhạc Tây Bắc" in text and "date: 2025-12-02 19:30" in text
    assert page.evaluate("() => window.__violations") == []
    assert written_whole(folder / "anh-1.jpg", photos[0].read_bytes(), page)
    check = run_task("check", "--content", str(repository / "content"))
    assert check.returncode == 0, check.stderr
    # What was reviewed builds: the photo group with its caption, in Vietnamese
    # and the English translation.
    built = run_pelican(repository)
    assert built.returncode == 0, built.stderr
    group = soup(repository, "2025/dem-nhac-tay-bac/").select_one("figure.photos--2")
    assert group.figcaption.get_text() == "Đêm nhạc Tây Bắc tại thư viện."
    english = soup(repository, "en/2025/dem-nhac-tay-bac/")
    assert english.h1.get_text() == "A night of north-west songs"
    page.context.close()
