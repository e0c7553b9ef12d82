"""The live preview reloads the browser at each edited post's page, whenever it comes."""

import subprocess
import sys

from site_preview.app import PreviewApp
from site_preview.live_builds import LiveBuilds
from site_preview.protocol import BUILD_DONE, EDITED_PAGE_WRITTEN, PAGE_WRITTEN
from tests.support import REPO

# A warm build process that answers one request with the lines it is given.
ANSWER = """
import sys
sys.stdin.readline()
sys.stdout.write(sys.argv[1])
sys.stdout.flush()
sys.stdin.read()
"""


def reloads_of(tmp_path, *lines: str) -> tuple[list, list]:
    """Return the reloads and failures one build answered by `lines` gives."""
    reloads: list = []
    failures: list = []
    app = PreviewApp(tmp_path, REPO / "theme", "vi")
    builds = LiveBuilds(["content"], app, reloads.append, lambda: failures.append(1))
    builds.process = subprocess.Popen(  # noqa: S603 (this interpreter)
        [sys.executable, "-c", ANSWER, "".join(f"{line}\n" for line in lines)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # as the real one: stop() ends its group
    )
    try:
        builds.build()
    finally:
        builds.stop()
    return reloads, failures


def test_each_edited_post_reloads_even_after_other_pages(tmp_path):
    # A post edited during the build: the build before writes its page
    # after the running build has written others.
    reloads, failures = reloads_of(
        tmp_path,
        f"{EDITED_PAGE_WRITTEN}2025/bai-1/index.html",
        f"{PAGE_WRITTEN}index.html",
        f"{EDITED_PAGE_WRITTEN}2025/bai-2/index.html",
        f"{PAGE_WRITTEN}am-nhac/index.html",
        f"{BUILD_DONE}0",
    )
    assert reloads == ["2025/bai-1/index.html", "2025/bai-2/index.html", None]
    assert failures == []


def test_with_no_edited_post_the_first_page_reloads_then_the_end(tmp_path):
    reloads, _ = reloads_of(
        tmp_path,
        f"{PAGE_WRITTEN}index.html",
        f"{PAGE_WRITTEN}am-nhac/index.html",
        f"{BUILD_DONE}0",
    )
    assert reloads == ["index.html", None]


def test_only_the_edited_post_changed_reloads_once(tmp_path):
    reloads, _ = reloads_of(
        tmp_path, f"{EDITED_PAGE_WRITTEN}2025/bai-1/index.html", f"{BUILD_DONE}0"
    )
    assert reloads == ["2025/bai-1/index.html"]


def test_a_failed_build_says_so_and_reloads(tmp_path):
    reloads, failures = reloads_of(tmp_path, "Lỗi trong bài", f"{BUILD_DONE}1")
    assert failures == [1]
    assert reloads == [None]
