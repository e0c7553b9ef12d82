"""The review workflow in Chromium, as on the public site: the writer saves a draft and
sends it for review, a second person (the reviewer, signed in with their own
token) reads it, marks it ready and publishes it. The editor talks to the local
host (GitHub's API over a temporary git repository, never the working tree): a
draft is a branch and a pull request, publishing merges it."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.browser.test_editor import LISTEN, VIETNAMESE, written_whole
from tests.support import REPO, run_pelican, run_task, soup
from tests.support.editor import (
    REVIEWER,
    EditorPage,
    copy_site,
    editor_served,
    git,
    night_of_songs,
)

pytestmark = pytest.mark.browser

SAMPLE = REPO / "content/posts/2025/hoi-nghi-ban-doc-2025"


@pytest.fixture(scope="module")
def workflow(tmp_path_factory):
    """Yield (the editor's address, the repository it commits to)."""
    repository = copy_site(tmp_path_factory.mktemp("repository"), repository=True)
    site = copy_site(tmp_path_factory.mktemp("site"))
    with editor_served(site, saves_to=repository, workflow=True) as address:
        yield address, repository


def signed_in(browser, address, person=None) -> EditorPage:
    """Return the editor in a browser of its own, signed in as `person`."""
    page = browser.new_context(**VIETNAMESE).new_page()
    page.add_init_script(LISTEN)
    editor = EditorPage(page)
    editor.sign_in(address, *([person] if person else []))
    return editor


def write_the_post(editor: EditorPage, tmp_path) -> list:
    """Write a post with two photos, their caption and an English version."""
    photos = []
    for number in (1, 2):
        photo = tmp_path / f"anh-{number}.jpg"
        shutil.copy(SAMPLE / f"ban-doc-0{number}.jpg", photo)
        photos.append(photo)
    editor.new_post()
    editor.fill("Tiêu đề", "Đêm nhạc Tây Bắc")
    editor.date("Ngày và giờ đăng", "2025-12-02T19:30")
    editor.choose("Chuyên mục", "Âm nhạc")
    first, second = editor.photos_in_text(photos)
    editor.body(night_of_songs(first, second))
    editor.cover("anh-1.jpg")
    editor.fill("Mô tả ảnh đại diện (cho người khiếm thị)", "Sân khấu đêm nhạc")
    editor.show_english()
    editor.fill("Tiêu đề", "A night of north-west songs", column=1)
    editor.body(["A night of songs at the library."], column=1)
    return photos


def test_a_post_goes_through_review_before_a_second_person_publishes_it(
    browser, workflow, tmp_path
):
    address, repository = workflow
    writer = signed_in(browser, address)
    photos = write_the_post(writer, tmp_path)
    writer.save()
    writer.send_for_review()
    # A draft lives on its own branch, with a pull request: nothing reaches main.
    branch = "cms/posts/dem-nhac-tay-bac"
    assert branch in git(repository, "branch", "--list", branch)
    assert not (repository / "content/posts/2025/dem-nhac-tay-bac").exists()
    for _attempt in range(50):
        pulls = json.loads(
            (repository / ".git/site-editor/pull-requests.json").read_text("utf-8")
        )
        if pulls[0]["labels"] == ["sveltia-cms/pending_review"]:
            break
        writer.page.wait_for_timeout(200)
    assert [(p["head"], p["author"], p["state"], p["labels"]) for p in pulls] == [
        (branch, "bien-tap", "open", ["sveltia-cms/pending_review"])
    ]
    assert writer.page.evaluate("() => window.__violations") == []

    # The reviewer signs in with their own token, finds the post among the
    # unpublished ones, reads it, marks it ready and publishes it.
    reviewer = signed_in(browser, address, REVIEWER)
    unpublished = reviewer.page.get_by_role("row", name="Đêm nhạc Tây Bắc")
    assert "Đang duyệt" in unpublished.inner_text()
    reviewer.open_entry("Đêm nhạc Tây Bắc")
    assert reviewer.field("Tiêu đề").get_by_role("textbox").input_value() == (
        "Đêm nhạc Tây Bắc"
    )
    # They read it in the preview, its photos loaded, before marking it ready.
    photos_shown = reviewer.page.frame_locator("iframe").first.locator(".prose img")
    photos_shown.nth(1).wait_for()
    photos_shown.nth(1).evaluate("img => img.decode()")
    reviewer.set_status("Sẵn sàng")
    reviewer.publish()
    folder = repository / "content/posts/2025/dem-nhac-tay-bac"
    for _attempt in range(50):
        if (folder / "index.vi.md").is_file():
            break
        reviewer.page.wait_for_timeout(200)
    # Published by the reviewer: a merge into main, the writer's commit in it,
    # the branch gone, the checked-out files brought up to date.
    assert git(repository, "log", "-1", "--format=%s | %an", "main") == (
        "Create Bài viết “dem-nhac-tay-bac” +3 (#1) | Trưởng phòng"
    )
    assert "Biên tập viên" in git(repository, "log", "-2", "--format=%an", "main")
    for _attempt in range(50):  # the editor deletes the branch after the merge
        if not git(repository, "branch", "--list", branch):
            break
        reviewer.page.wait_for_timeout(200)
    assert git(repository, "branch", "--list", branch) == ""
    assert git(repository, "status", "--porcelain") == ""
    text = (folder / "index.vi.md").read_text("utf-8")
    assert "title: Đêm nhạc Tây Bắc" in text and "date: 2025-12-02 19:30" in text
    assert reviewer.page.evaluate("() => window.__violations") == []
    assert written_whole(folder / "anh-1.jpg", photos[0].read_bytes(), reviewer.page)
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
    for editor in (writer, reviewer):
        editor.page.context.close()
