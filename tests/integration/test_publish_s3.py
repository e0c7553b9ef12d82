"""Publishing to an S3-compatible store: moto's server on 127.0.0.1 plays the store."""

from __future__ import annotations

import io
import itertools
import json
from datetime import timedelta

import boto3
import pytest
from moto.server import ThreadedMotoServer

from site_publish.folder import PublishError
from site_publish.lock import LOCK, LockTaken
from site_publish.progress import Progress
from site_publish.s3 import STATE, S3Target
from tests.support import post, run_task, write_site
from tests.unit.test_site_publish_folder import Clock, write

# One of its tests runs `invoke publish` (the build and the gates).
pytestmark = pytest.mark.long
SITEURL = "https://thuvien.laocai.example"
SITE = {
    "index.html": "<a href='2025/a/'>A</a>",
    "2025/a/index.html": "<img src='../../media/a-480.3f2a9c0d1e.avif'>",
    "2024/ten-cu/index.html": "<meta http-equiv='refresh'>",
    "_redirects": f"/2024/ten-cu/ {SITEURL}/2025/a/ 301\n",
    "media/a-480.3f2a9c0d1e.avif": "photo a",
    "theme/site.a6bd42498f.css": "p{}",
    "feeds/all.rss.xml": "<rss/>",
    "feeds/all.json": "{}",
    "events.ics": "BEGIN:VCALENDAR",
    "robots.txt": "User-agent: *",
    "media/bai-hat.mp3": "ID3",
}
# Content-Type and Cache-Control of each kind of file.
HEADERS = {
    "index.html": ("text/html; charset=utf-8", "public, max-age=600"),
    "media/a-480.3f2a9c0d1e.avif": (
        "image/avif",
        "public, max-age=31536000, immutable",
    ),
    "theme/site.a6bd42498f.css": (
        "text/css; charset=utf-8",
        "public, max-age=31536000, immutable",
    ),
    "feeds/all.rss.xml": ("application/xml; charset=utf-8", "public, max-age=600"),
    "feeds/all.json": ("application/json; charset=utf-8", "public, max-age=600"),
    "events.ics": ("text/calendar; charset=utf-8", "public, max-age=600"),
    "robots.txt": ("text/plain; charset=utf-8", "public, max-age=600"),
    "media/bai-hat.mp3": ("audio/mpeg", "public, max-age=600"),
}
_buckets = itertools.count()


@pytest.fixture(scope="module")
def endpoint():
    """An S3-compatible server on 127.0.0.1 for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def client(endpoint, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_S3": endpoint,
    }.items():
        monkeypatch.setenv(name, value)
    return boto3.client("s3")


@pytest.fixture
def bucket(client):
    name = f"thu-vien-{next(_buckets)}"
    client.create_bucket(Bucket=name)
    return name


class Recording:
    """The boto3 client, with a list of the objects written, in order."""

    def __init__(self, client, fail_after: int | None = None) -> None:
        self.client = client
        self.exceptions = client.exceptions
        self.written: list[str] = []
        self.fail_after = fail_after

    def put_object(self, **arguments):
        if arguments["Key"].endswith(f"/{STATE}/{LOCK}"):
            return self.client.put_object(**arguments)  # the lock is not the site
        if self.fail_after is not None and len(self.written) >= self.fail_after:
            raise KeyboardInterrupt  # the publish is killed here
        self.written.append(arguments["Key"])
        return self.client.put_object(**arguments)

    def __getattr__(self, name):
        return getattr(self.client, name)


def quiet(total_files: int, total_bytes: int) -> Progress:
    return Progress(total_files, total_bytes, stream=io.StringIO())


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(client, bucket, clock):
    def make(fail_after: int | None = None) -> S3Target:
        return S3Target(
            bucket,
            "site",
            timedelta(days=7),
            client=Recording(client, fail_after),
            now=clock,
            progress=quiet,
        )

    return make


def online(client, bucket) -> dict[str, str]:
    """Return what readers get: the site's objects and their text."""
    found = {}
    for item in client.list_objects_v2(Bucket=bucket, Prefix="site/").get(
        "Contents", []
    ):
        path = item["Key"].removeprefix("site/")
        if not path.startswith(".publish/"):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"]
            found[path] = body.read().decode("utf-8")
    return found


def test_a_first_publish_sends_every_file(tmp_path, store, client, bucket):
    target = store()
    summary = target.publish(write(tmp_path / "out", SITE))
    assert (summary.uploaded, summary.unchanged, summary.deleted) == (len(SITE), 0, 0)
    assert summary.uploaded_bytes == sum(len(t.encode()) for t in SITE.values())
    assert online(client, bucket) == SITE


def test_each_kind_of_file_has_its_type_and_cache_time(tmp_path, store, client, bucket):
    store().publish(write(tmp_path / "out", SITE))
    for path, headers in HEADERS.items():
        head = client.head_object(Bucket=bucket, Key=f"site/{path}")
        assert (path, head["ContentType"], head["CacheControl"]) == (path, *headers)
        assert len(head["Metadata"]["sha256"]) == 64


def test_an_old_address_is_a_redirect_object(tmp_path, store, client, bucket):
    store().publish(write(tmp_path / "out", SITE))
    head = client.head_object(Bucket=bucket, Key="site/2024/ten-cu/index.html")
    assert head["WebsiteRedirectLocation"] == f"{SITEURL}/2025/a/"
    page = client.head_object(Bucket=bucket, Key="site/2025/a/index.html")
    assert "WebsiteRedirectLocation" not in page


def test_photos_go_first_then_pages_and_the_home_page_last(tmp_path, store):
    target = store()
    target.publish(write(tmp_path / "out", SITE))
    written = [key.removeprefix("site/") for key in target.client.written]
    pages = [p for p in written if p.endswith((".html", ".xml", ".json", ".txt"))]
    assert written.index("media/a-480.3f2a9c0d1e.avif") < written.index(pages[0])
    assert written[len(SITE) - 1] == "index.html"  # then the release's record


def test_a_second_publish_with_no_change_sends_nothing(tmp_path, store):
    output = write(tmp_path / "out", SITE)
    store().publish(output)
    again = store()
    assert again.is_online(output)
    summary = again.publish(output)
    assert (summary.uploaded, summary.unchanged, summary.release) == (0, len(SITE), "")
    assert again.client.written == []  # not even the record is rewritten


def test_an_edit_sends_one_file_and_a_dropped_photo_stays_a_week(
    tmp_path, store, client, bucket, clock
):
    output = write(tmp_path / "out", SITE)
    store().publish(output)
    (output / "index.html").write_text("edited", encoding="utf-8")
    (output / "media/a-480.3f2a9c0d1e.avif").unlink()
    clock.advance(hours=1)
    target = store()
    summary = target.publish(output)
    assert summary.sent == ["index.html"]
    assert (summary.uploaded_bytes, summary.kept, summary.deleted) == (6, 1, 0)
    assert online(client, bucket)["media/a-480.3f2a9c0d1e.avif"] == "photo a"
    clock.advance(days=8)
    (output / "robots.txt").write_text("User-agent: *\nAllow: /", encoding="utf-8")
    later = store().publish(output)
    assert (later.uploaded, later.kept, later.deleted) == (1, 0, 1)
    assert "media/a-480.3f2a9c0d1e.avif" not in online(client, bucket)


def test_a_killed_publish_leaves_old_pages_whole_and_the_next_completes(
    tmp_path, store, client, bucket, clock
):
    output = write(tmp_path / "out", SITE)
    store().publish(output)
    write(output, {"media/b-480.0123456789.avif": "photo b", "index.html": "new"})
    (output / "2025/a/index.html").write_text("new a", encoding="utf-8")
    clock.advance(hours=1)
    with pytest.raises(KeyboardInterrupt):
        store(fail_after=1).publish(output)  # the new photo only
    now_online = online(client, bucket)
    assert now_online["index.html"] == SITE["index.html"]
    assert now_online["2025/a/index.html"] == SITE["2025/a/index.html"]
    clock.advance(minutes=5)
    summary = store().publish(output)
    assert summary.sent == ["2025/a/index.html", "index.html"]  # not the photo
    assert online(client, bucket) == {
        **SITE,
        "media/b-480.0123456789.avif": "photo b",
        "index.html": "new",
        "2025/a/index.html": "new a",
    }


def test_another_machine_agrees_on_what_is_online(tmp_path, store, client, bucket):
    output = write(tmp_path / "out", SITE)
    store().publish(output)
    for key in ("site/.publish/current",):
        client.delete_object(Bucket=bucket, Key=key)  # no record of releases
    summary = store().publish(output)
    assert (summary.uploaded, summary.unchanged) == (0, len(SITE))


def test_a_rollback_puts_the_previous_pages_back(
    tmp_path, store, client, bucket, clock
):
    output = write(tmp_path / "out", SITE)
    store().publish(output)
    (output / "index.html").write_text("broken", encoding="utf-8")
    (output / "feeds/all.rss.xml").unlink()
    clock.advance(hours=1)
    store().publish(output)
    summary = store().rollback()
    assert summary.uploaded == 1  # the home page; the feed was still kept
    assert summary.describe().endswith(
        f"again ({len(SITE)} files, 1 of them put back)."
    )
    assert online(client, bucket) == SITE
    head = client.head_object(Bucket=bucket, Key="site/index.html")
    assert head["ContentType"] == "text/html; charset=utf-8"
    with pytest.raises(PublishError, match="no earlier release"):
        store().rollback()


def test_a_missing_bucket_is_said_plainly(tmp_path, client, clock):
    target = S3Target(
        "khong-co", "", timedelta(days=7), client=client, now=clock, progress=quiet
    )
    with pytest.raises(PublishError, match="the bucket khong-co does not exist"):
        target.publish(write(tmp_path / "out", SITE))


def test_progress_is_shown_in_a_log_every_ten_seconds():
    stream = io.StringIO()
    times = iter([0.0, 4.0, 11.0, 12.0])
    progress = Progress(3, 3_000_000, stream=stream, clock=lambda: next(times))
    for _file in range(3):
        progress.advance(1_000_000)
    progress.finish()
    assert stream.getvalue() == "Sending 2/3 files, 2.0/3.0 MB, 182 KB/s\n"


@pytest.mark.browser  # the publish runs the gates in Chromium
def test_invoke_publish_to_a_bucket(tmp_path, client, bucket):
    root = write_site(
        tmp_path,
        {
            "posts/2025/tin-mot/index.md": post(
                "title: Tin một\ndate: 2025-11-10\ncategory: hoat-dong-thu-vien"
            )
        },
    )
    command = (
        "publish",
        "--to",
        f"s3://{bucket}/site",
        "--content",
        str(root / "content"),
        "--output",
        str(root / "output"),
        "--no-ping",
    )
    first = run_task(*command)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Published release" in first.stdout
    page = client.get_object(Bucket=bucket, Key="site/2025/tin-mot/index.html")
    assert page["ContentType"] == "text/html; charset=utf-8"
    assert "Tin một" in page["Body"].read().decode("utf-8")
    again = run_task(*command)
    assert again.returncode == 0, again.stderr
    assert "Nothing to publish" in again.stdout
    rollback = run_task("publish", "--to", f"s3://{bucket}/site", "--rollback")
    assert rollback.returncode != 0
    assert "Cannot publish: there is no earlier release to go back to." in (
        rollback.stdout + rollback.stderr
    )


def put_lock(client, bucket, expires: str) -> None:
    client.put_object(
        Bucket=bucket,
        Key=f"site/{STATE}/{LOCK}",
        Body=json.dumps(
            {
                "who": "the GitHub Actions run https://github.com/x/y/actions/runs/1",
                "since": "2025-11-20T04:00:00+00:00",
                "expires": expires,
            }
        ).encode(),
    )


def test_a_second_publish_meanwhile_is_refused_with_who_holds_the_store(
    tmp_path, store, client, bucket
):
    put_lock(client, bucket, expires="2025-11-20T06:00:00+00:00")
    with pytest.raises(LockTaken) as refused:
        store().publish(write(tmp_path / "out", SITE))
    assert str(refused.value).startswith(
        f"another publish to s3://{bucket}/site is under way: the GitHub Actions "
        "run https://github.com/x/y/actions/runs/1 started it at "
        "2025-11-20T04:00:00+00:00"
    )
    assert online(client, bucket) == {}
    with pytest.raises(LockTaken):
        store().rollback()


def test_a_lock_left_by_a_killed_publisher_expires_in_the_store(
    tmp_path, store, client, bucket
):
    put_lock(client, bucket, expires="2025-11-20T04:30:00+00:00")  # before "now"
    store().publish(write(tmp_path / "out", SITE))
    assert online(client, bucket) == SITE
    keys = [
        item["Key"]
        for item in client.list_objects_v2(Bucket=bucket, Prefix=f"site/{STATE}/")[
            "Contents"
        ]
    ]
    assert f"site/{STATE}/{LOCK}" not in keys  # let go at the end


def test_the_lock_is_put_only_if_absent(store, client, bucket):
    locks = store()
    assert locks.create_new(f"{STATE}/{LOCK}", "{}")
    assert not locks.create_new(f"{STATE}/{LOCK}", "{}")  # If-None-Match: *
