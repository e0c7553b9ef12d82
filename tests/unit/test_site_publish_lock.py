"""One publish at a time per destination, and nothing left behind by a killed one."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from site_publish.folder import FolderTarget, ReleaseTarget
from site_publish.lock import LOCK, LockTaken, publish_lock
from site_publish.stores import ShellStore
from tests.unit.test_site_publish_folder import SITE, Clock, site, write


@pytest.fixture
def clock():
    return Clock()


def folder_target(root, clock, **options):
    return FolderTarget(root, timedelta(days=7), now=clock, **options)


def shell_target(root, clock):
    return ReleaseTarget(ShellStore(str(root)), timedelta(days=7), now=clock)


@pytest.fixture(params=["folder", "rsync"])
def make_target(request, tmp_path, clock):
    def make():
        maker = folder_target if request.param == "folder" else shell_target
        return maker(tmp_path / "www", clock)

    return make


def test_a_second_publish_meanwhile_says_who_holds_the_lock(
    tmp_path, make_target, clock
):
    target = make_target()
    output = write(tmp_path / "out", SITE)
    with publish_lock(target.store, target.store.place, clock, timedelta(hours=2)):
        with pytest.raises(LockTaken) as refused:
            make_target().publish(output)
        with pytest.raises(LockTaken):
            make_target().rollback()
    message = str(refused.value)
    assert message.startswith(f"another publish to {tmp_path / 'www'} is under way: ")
    assert "started it at 2025-11-20T05:00:00+00:00" in message
    assert "(at the latest 2025-11-20T07:00:00+00:00)" in message
    assert f"you may remove {LOCK} at {tmp_path / 'www'}" in message
    assert not (tmp_path / "www/current").exists()  # nothing was published
    # Once the first has ended, the next publish goes through and lets go.
    make_target().publish(output)
    assert site(tmp_path / "www") == SITE
    assert not (tmp_path / "www" / LOCK).exists()


def test_a_lock_left_by_a_killed_publisher_expires(tmp_path, make_target, clock):
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / LOCK).write_text(
        json.dumps(
            {
                "who": "thuvien@may-cu (process 1)",
                "since": "2025-11-20T02:00:00+00:00",
                "expires": "2025-11-20T04:00:00+00:00",
            }
        ),
        encoding="utf-8",
    )
    summary = make_target().publish(write(tmp_path / "out", SITE))
    assert summary.release
    assert not (tmp_path / "www" / LOCK).exists()


def test_two_publishes_at_once_one_is_refused_and_the_site_is_whole(tmp_path, clock):
    started, refused = threading.Event(), threading.Event()

    def slow_copy(source, destination):
        # The first publish holds its lock until the second has been refused.
        started.set()
        refused.wait(10)
        destination.write_bytes(source.read_bytes())

    first = folder_target(tmp_path / "www", clock, copy=slow_copy)
    output = write(tmp_path / "out", SITE)
    results = []
    worker = threading.Thread(target=lambda: results.append(first.publish(output)))
    worker.start()
    assert started.wait(10), "the first publish never started copying"
    second = folder_target(tmp_path / "www", clock)
    try:
        with pytest.raises(LockTaken, match="is under way"):
            second.publish(write(tmp_path / "other", {**SITE, "index.html": "other"}))
    finally:
        refused.set()
    worker.join()
    assert results[0].release
    assert site(tmp_path / "www") == SITE


def test_a_release_killed_between_its_rename_and_its_record_is_removed(
    tmp_path, make_target, clock
):
    output = write(tmp_path / "out", SITE)
    first = make_target().publish(output)
    releases = tmp_path / "www/releases"
    # What a publish killed after renaming its release, before its record, leaves:
    (releases / "20251120T060000000000Z").mkdir()
    (releases / "20251120T060000000000Z/index.html").write_text("half", "utf-8")
    (releases / "20251120T060000000000Z.json.tmp").write_text("{", "utf-8")
    clock.advance(hours=2)
    write(output, {"index.html": "edited"})
    second = make_target().publish(output)
    assert sorted(p.name for p in releases.iterdir()) == sorted(
        [
            first.release,
            f"{first.release}.json",
            second.release,
            f"{second.release}.json",
        ]
    )
    assert site(tmp_path / "www")["index.html"] == "edited"
