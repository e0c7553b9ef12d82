"""output/ is kept between builds: unchanged files keep their time, stale ones go."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import pytest

from tests.support import INDEXED, jpeg, post, run_pelican, write_site

NOW = 1764600000  # 2025-12-01: every post below is in the past
FRONT = """\
    title: {title}
    date: 2025-11-0{day} 09:00
    category: am-nhac
    tags: [âm nhạc]
"""
PHOTOS = "![Sân khấu](san-khau.jpg)\n![Khán giả](khan-gia.jpg)\n\n*Đêm nhạc.*\n"


def files_of(output: Path) -> dict[str, tuple[int, str]]:
    """Return {relative path: (modification time in ns, sha256)} of a build."""
    return {
        str(path.relative_to(output)): (
            path.stat().st_mtime_ns,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def search_urls(output: Path) -> set[str]:
    """Return the addresses the search index holds (Pagefind's fragments)."""
    found = set()
    for fragment in (output / "pagefind" / "fragment").iterdir():
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        found.add(text.split('"url":"', 1)[1].split('"', 1)[0])
    return found


@pytest.fixture
def site(tmp_path):
    files = {
        f"posts/2025/bai-{n}/index.vi.md": post(
            FRONT.format(title=f"Bài số {n}", day=n), f"Nội dung bài {n}.\n\n{PHOTOS}"
        )
        for n in (1, 2, 3)
    }
    files["posts/2025/bai-2/index.en.md"] = post("title: Post two", "Text two.")
    for n in (1, 2, 3):
        files[f"posts/2025/bai-{n}/san-khau.jpg"] = jpeg(80 + n, 60)
        files[f"posts/2025/bai-{n}/khan-gia.jpg"] = jpeg(60, 80 + n)
    root = write_site(tmp_path, files)
    build(root)
    return root


SKIPPED = "Nothing has changed since the last build"


def build(root: Path, now: int = NOW, **settings) -> str:
    """Build `root` as of `now` (its search index too); return what it printed."""
    result = run_pelican(root, source_date_epoch=now, **{**INDEXED, **settings})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_a_build_with_nothing_changed_is_skipped(site):
    before = files_of(site / "output")
    assert SKIPPED in build(site)
    assert files_of(site / "output") == before


def test_a_whole_rebuild_writes_only_what_changed(site):
    before = files_of(site / "output")
    printed = build(site, UNUSED_SETTING="a new setting: the build runs")
    assert SKIPPED not in printed
    assert files_of(site / "output") == before


def test_a_build_runs_again_when_an_output_file_is_missing(site):
    (site / "output/2025/bai-1/index.html").unlink()
    assert SKIPPED not in build(site)
    assert "Bài số 1" in (site / "output/2025/bai-1/index.html").read_text("utf-8")


def test_a_changed_data_file_is_a_changed_input(site):
    tags = "tags:\n  - {tag: âm nhạc, en: music}\n"
    (site / "data/tags.yml").write_text(tags, encoding="utf-8")
    assert SKIPPED not in build(site)
    assert "music" in (site / "output/en/2025/bai-2/index.html").read_text("utf-8")


def test_a_scheduled_post_comes_out_at_its_time_with_no_other_change(site):
    scheduled = post(
        FRONT.format(title="Bài hẹn giờ", day=9).replace("2025-11", "2025-12")
    )
    folder = site / "content/posts/2025/hen-gio"
    folder.mkdir()
    (folder / "index.vi.md").write_text(scheduled, encoding="utf-8")
    # Production builds hold back a post dated later than "now".
    build(site, production=True)
    assert not (site / "output/2025/hen-gio").exists()
    assert SKIPPED in build(site, now=NOW + 3600, production=True)  # still early
    assert SKIPPED not in build(site, now=NOW + 9 * 86400, production=True)
    assert "Bài hẹn giờ" in (site / "output/2025/hen-gio/index.html").read_text("utf-8")


def test_an_edit_rewrites_only_the_pages_that_show_it(site):
    before = files_of(site / "output")
    source = site / "content/posts/2025/bai-2/index.vi.md"
    source.write_text(
        source.read_text("utf-8").replace("Nội dung", "Bài viết"), "utf-8"
    )
    build(site)
    after = files_of(site / "output")
    changed = {path for path in after if after[path] != before.get(path)}
    assert "2025/bai-2/index.html" in changed
    assert "2025/bai-1/index.html" not in changed  # its related list shows titles
    assert "en/2025/bai-2/index.html" not in changed  # the English text is its own
    assert not any(path.startswith("media/") for path in changed)
    # The same files, but for the search index's parts holding the new text,
    # which replace the old ones (content-addressed names).
    assert {p for p in after if not p.startswith("pagefind/")} == {
        p for p in before if not p.startswith("pagefind/")
    }
    assert len(after) == len(before)
    assert "Bài viết bài 2" in (site / "output/2025/bai-2/index.html").read_text(
        "utf-8"
    )


def test_a_deleted_post_leaves_nothing_behind(site):
    (site / "output" / ".git").mkdir()
    (site / "output" / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    photos_before = set((site / "output/media").rglob("*.avif"))
    shutil.rmtree(site / "content/posts/2025/bai-2")
    build(site)
    output = site / "output"
    assert not (output / "2025/bai-2").exists()
    assert not (output / "en/2025/bai-2").exists()
    assert "/2025/bai-2/" not in search_urls(output)
    assert "/2025/bai-1/" in search_urls(output)
    assert "bai-2" not in (output / "sitemap.xml").read_text("utf-8")
    photos_after = set((output / "media").rglob("*.avif"))
    assert photos_after < photos_before
    assert not any("bai-2" in str(path) for path in photos_after)
    assert (output / ".git" / "HEAD").is_file()  # OUTPUT_RETENTION


def test_a_renamed_post_is_only_at_its_new_address(site):
    posts = site / "content/posts/2025"
    (posts / "bai-3").rename(posts / "bai-ba")
    build(site)
    assert not (site / "output/2025/bai-3").exists()
    assert "Bài số 3" in (site / "output/2025/bai-ba/index.html").read_text("utf-8")


def test_a_replaced_photo_is_in_the_page_though_the_text_is_unchanged(site):
    # A photo replaced under the same name: the text is unchanged, but the
    # folder's check key is not, so the post is read again. Pelican's own
    # content cache is off: it would key the post by its text alone.
    (site / "content/posts/2025/bai-1/san-khau.jpg").write_bytes(jpeg(200, 100))
    build(site)
    page = (site / "output/2025/bai-1/index.html").read_text("utf-8")
    assert 'width="200"' in page
    assert not (site / ".cache/pelican").exists()
    assert not (site / "cache").exists()
