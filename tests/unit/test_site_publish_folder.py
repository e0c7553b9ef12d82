"""Publishing to a folder: whole releases, one switch, nothing lost, rollback."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from site_publish.destinations import target_for
from site_publish.folder import FolderTarget, PublishError, ReleaseTarget
from site_publish.settings import PublishSettings
from site_publish.stores import ShellStore

START = datetime(2025, 11, 20, 5, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def site(root: Path) -> dict[str, str]:
    """Return what readers get: every file under `current`, by path."""
    current = root / "current"
    return {
        p.relative_to(current).as_posix(): p.read_text("utf-8")
        for p in sorted(current.rglob("*"))
        if p.is_file()
    }


SITE = {
    "index.html": "<a href='2025/a/'>A</a>",
    "2025/a/index.html": "<img src='../../media/a-480.jpg'>",
    "media/a-480.jpg": "photo a",
    "feeds/all.rss.xml": "<rss/>",
}


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def target(tmp_path, clock):
    return FolderTarget(tmp_path / "www", timedelta(days=7), now=clock)


def test_a_first_publish_sends_every_file(tmp_path, target):
    summary = target.publish(write(tmp_path / "out", SITE))
    assert (summary.uploaded, summary.unchanged, summary.deleted) == (4, 0, 0)
    assert summary.uploaded_bytes == sum(len(text) for text in SITE.values())
    assert site(target.root) == SITE
    assert os.readlink(target.root / "current") == f"releases/{summary.release}"


def test_a_publish_with_no_change_sends_and_rewrites_nothing(tmp_path, target, clock):
    output = write(tmp_path / "out", SITE)
    first = target.publish(output)
    clock.advance(hours=1)
    again = target.publish(output)
    assert (again.release, again.uploaded, again.unchanged) == ("", 0, 4)
    assert again.describe() == "Nothing to publish: 4 files are already online."
    assert target.history() == [first.release]


def test_an_edit_sends_only_what_changed(tmp_path, target, clock):
    output = write(tmp_path / "out", SITE)
    first = target.publish(output)
    clock.advance(minutes=5)
    write(output, {"index.html": "<a href='2025/a/'>A, edited</a>"})
    second = target.publish(output)
    assert (second.uploaded, second.unchanged) == (1, 3)
    old, new = (target.release_folder(r.release) for r in (first, second))
    # Unchanged files are the same file on disk: nothing was copied twice.
    assert (old / "media/a-480.jpg").stat().st_ino == (
        new / "media/a-480.jpg"
    ).stat().st_ino
    assert site(target.root)["index.html"] == "<a href='2025/a/'>A, edited</a>"


def test_a_replaced_photo_stays_online_for_the_retention_then_goes(
    tmp_path, target, clock
):
    output = write(tmp_path / "out", SITE)
    target.publish(output)
    (output / "media/a-480.jpg").unlink()
    write(output, {"media/b-480.jpg": "photo b", "2025/a/index.html": "<img src=b>"})
    clock.advance(days=1)
    summary = target.publish(output)
    assert (summary.kept, summary.deleted) == (1, 0)
    assert site(target.root)["media/a-480.jpg"] == "photo a"  # old pages still work
    clock.advance(days=7)
    write(output, {"index.html": "new home"})
    summary = target.publish(output)
    assert (summary.kept, summary.deleted) == (0, 1)
    assert "media/a-480.jpg" not in site(target.root)


def test_a_publish_killed_half_way_leaves_the_site_whole(tmp_path, target, clock):
    output = write(tmp_path / "out", SITE)
    target.publish(output)
    before = site(target.root)
    write(output, {name: text + " v2" for name, text in SITE.items()})
    copied = []

    def copy_then_die(source, destination):
        if len(copied) == 2:
            raise KeyboardInterrupt  # the machine stops here
        copied.append(source)
        destination.write_bytes(source.read_bytes())

    dying = FolderTarget(target.root, target.retention, now=clock, copy=copy_then_die)
    clock.advance(minutes=1)
    with pytest.raises(KeyboardInterrupt):
        dying.publish(output)
    assert site(target.root) == before
    assert list(target.releases.glob(".partial-*"))
    clock.advance(minutes=1)
    summary = target.publish(output)
    assert summary.uploaded == 4
    assert site(target.root) == {name: text + " v2" for name, text in SITE.items()}
    assert not list(target.releases.glob(".partial-*"))


def test_rollback_returns_readers_to_the_previous_release(tmp_path, target, clock):
    output = write(tmp_path / "out", SITE)
    target.publish(output)
    clock.advance(minutes=1)
    write(output, {"index.html": "a broken home page"})
    target.publish(output)
    summary = target.rollback()
    assert site(target.root) == SITE
    assert summary.release == target.history()[-1]
    with pytest.raises(PublishError, match="no earlier release"):
        target.rollback()


def test_only_a_few_earlier_releases_are_kept(tmp_path, target, clock):
    output = write(tmp_path / "out", SITE)
    for number in range(5):
        write(output, {"index.html": f"home {number}"})
        target.publish(output)
        clock.advance(minutes=1)
    assert len(target.history()) == 3
    assert len([p for p in target.releases.iterdir() if p.is_dir()]) == 3


def test_is_online_says_when_a_build_is_already_published(tmp_path, target, clock):
    output = write(tmp_path / "out", SITE)
    assert not target.is_online(output)
    target.publish(output)
    assert target.is_online(output)
    write(output, {"index.html": "changed"})
    assert not target.is_online(output)


@pytest.fixture
def rsync_target(tmp_path, clock):
    """The same releases, filled with rsync and switched with shell commands."""
    if shutil.which("rsync") is None:
        pytest.fail("rsync is needed: .ci/run installs it")
    return ReleaseTarget(
        ShellStore(str(tmp_path / "www")), timedelta(days=7), now=clock
    )


def test_rsync_sends_only_what_changed_and_switches_at_once(
    tmp_path, rsync_target, clock
):
    output = write(tmp_path / "out", SITE)
    first = rsync_target.publish(output)
    root = tmp_path / "www"
    assert (first.uploaded, first.uploaded_bytes) == (4, sum(map(len, SITE.values())))
    assert site(root) == SITE
    clock.advance(minutes=1)
    assert rsync_target.is_online(output)
    assert rsync_target.publish(output).release == ""
    write(output, {"index.html": "edited"})
    (output / "media/a-480.jpg").unlink()
    second = rsync_target.publish(output)
    assert (second.uploaded, second.unchanged, second.kept) == (1, 2, 1)
    assert second.sent == ["index.html"]
    assert site(root)["index.html"] == "edited"
    assert site(root)["media/a-480.jpg"] == "photo a"  # kept for old pages
    old = root / "releases" / first.release / "feeds/all.rss.xml"
    new = root / "releases" / second.release / "feeds/all.rss.xml"
    assert old.stat().st_ino == new.stat().st_ino  # linked, not sent again
    rsync_target.rollback()
    assert site(root) == SITE


def test_destinations_name_a_folder_or_a_host(tmp_path):
    cfg = PublishSettings(retention=timedelta(days=7))
    folder = target_for(str(tmp_path / "www"), cfg)
    assert isinstance(folder, FolderTarget)
    remote = target_for("thuvien@may-chu.example:/var/www/site", cfg)
    assert (remote.store.host, remote.store.root) == (
        "thuvien@may-chu.example",
        "/var/www/site",
    )
    store = target_for("s3://thu-vien/site/", cfg)
    assert (store.bucket, store.prefix) == ("thu-vien", "site")
    assert target_for("s3://thu-vien", cfg).prefix == ""
    with pytest.raises(PublishError, match="names no bucket"):
        target_for("s3:///site", cfg)
