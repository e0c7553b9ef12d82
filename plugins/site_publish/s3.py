"""Publish to an S3-compatible store (AWS S3, Cloudflare R2, MinIO, a CDN origin).

A store has no symlink to switch, so a publish is ordered so that every page
a reader can load finds what it links: new and changed photos, styles and
scripts first, then the pages and feeds that link them, deletions last (and
only of files no page has linked for `retention`). Only objects whose content
changed are sent; each carries the SHA-256 of its bytes in its metadata
(`x-amz-meta-sha256`), so a second machine, or the publish after one killed
half way, sees what is online without sending it again.

Beside the site, under `<prefix>/.publish/`:

    publish.lock              who publishes now (lock.py): one at a time
    current                   the id of the release readers get
    releases/<id>.json        its files' digests, old files kept since when,
                              and its redirects (as folder releases do)
    archive/<sha256>          a server-side copy of each page replaced, kept
                              while a release that `--rollback` can return
                              to still lists it

Endpoint and credentials come from the environment, as for every AWS tool:
AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL), AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_REGION; never from a file in the repository.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .folder import (
    EARLIER_RELEASES,
    PublishError,
    Release,
    release_before,
    still_kept,
)
from .http_headers import cache_control, content_type, is_text
from .lock import LOCK, publish_lock
from .manifest import build_manifest
from .progress import Progress
from .redirects import read_redirects
from .settings import DEFAULT_LOCK_HOLD
from .summary import PublishSummary

STATE = ".publish"
DIGEST = "sha256"  # the metadata key: x-amz-meta-sha256


def client_from_environment() -> Any:
    """Return a boto3 S3 client configured by the environment (AWS_* variables)."""
    import boto3  # noqa: PLC0415 (only publishing to a store needs it)

    return boto3.client("s3")


class S3Target:
    """The site's objects under `prefix` in `bucket`, published in a safe order."""

    def __init__(  # noqa: PLR0913 (each is needed; tests pass a clock and a client)
        self,
        bucket: str,
        prefix: str,
        retention: timedelta,
        *,
        client: Any = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        progress: Callable[[int, int], Progress] = Progress,
        lock_hold: timedelta = DEFAULT_LOCK_HOLD,
    ) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.retention = retention
        self._client = client
        self.now = now
        self.progress = progress
        self.lock_hold = lock_hold

    @property
    def place(self) -> str:
        """Return the destination as the person publishing wrote it."""
        return (
            f"s3://{self.bucket}/{self.prefix}"
            if self.prefix
            else f"s3://{self.bucket}"
        )

    def _locked(self) -> Any:
        """Return the context that holds the store's lock (`.publish/publish.lock`)."""
        return publish_lock(
            self, self.place, self.now, self.lock_hold, f"{STATE}/{LOCK}"
        )

    # --- the lock's store (lock.LockStore) --------------------------------

    def create_new(self, path: str, text: str) -> bool:
        """Put the object unless one is there (If-None-Match); return whether it was."""
        try:
            self.client.put_object(
                Bucket=self.bucket,
                Key=self._key(path),
                Body=text.encode("utf-8"),
                ContentType="application/json",
                CacheControl="no-store",
                IfNoneMatch="*",
            )
        except Exception as error:  # noqa: BLE001 (botocore's many kinds)
            code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
            if code in {"PreconditionFailed", "ConditionalRequestConflict"}:
                return False
            raise PublishError(_plain(error, self.bucket)) from None
        return True

    def read_text(self, path: str) -> str:
        """Return an object's text; FileNotFoundError if it is gone."""
        text = self._get_text(path)
        if text is None:
            raise FileNotFoundError(path)
        return text

    def remove(self, path: str) -> None:
        """Delete an object."""
        self._delete_keys([path])

    @property
    def client(self) -> Any:
        """Return the S3 client, made from the environment when first needed."""
        if self._client is None:
            self._client = client_from_environment()
        return self._client

    # --- what is online --------------------------------------------------

    def current(self) -> Release | None:
        """Return the release readers get now, if any."""
        release_id = self._get_text(f"{STATE}/current")
        return self._read(release_id.strip()) if release_id else None

    def history(self) -> list[str]:
        """Return the ids of the recorded releases, oldest first."""
        return sorted(
            key.removeprefix(f"{STATE}/releases/").removesuffix(".json")
            for key in self._list(f"{STATE}/releases/")
        )

    def is_online(self, output: Path) -> bool:
        """Return whether readers already get exactly `output` (nothing to send)."""
        current = self.current()
        if current is None or build_manifest(output) != current.files:
            return False
        kept = still_kept(current.files, current, self.now(), self.retention)[0]
        return kept == current.kept

    # --- publish and rollback --------------------------------------------

    def publish(self, output: Path) -> PublishSummary:
        """Send what changed, pages after what they link, deletions last.

        Under the store's lock: a second publish meanwhile is refused.
        """
        with self._locked():
            return self._publish(output)

    def _publish(self, output: Path) -> PublishSummary:
        now = self.now()
        files = build_manifest(output)
        redirects = read_redirects(output)
        current = self.current()
        online = self._list("")
        changed = [
            path
            for path in files
            if path not in online
            or current is None
            or current.digest(path) != files[path]
        ]
        # Sent by a publish killed half way, or by another machine: not again.
        changed = [p for p in changed if self._online_digest(p, online) != files[p]]
        unknown = {
            path: ""
            for path in online
            if path not in files and (current is None or current.digest(path) is None)
        }
        kept, deleted = still_kept(files, current, now, self.retention, unknown)
        summary = PublishSummary(deleted=deleted, kept=len(kept))
        if (
            current is not None
            and not changed
            and files == current.files
            and kept == current.kept
            and redirects == self._redirects_of(current.id)
        ):
            summary.unchanged = len(files)
            return summary
        release = Release(now.strftime("%Y%m%dT%H%M%S%fZ"), files, kept)
        sizes = {path: (output / path).stat().st_size for path in changed}
        progress = self.progress(len(changed), sum(sizes.values()))
        for path in sorted(changed, key=_links_last):
            if path in online and current is not None and current.digest(path):
                self._archive(path, current.digest(path))
            self._put(output, path, files[path], redirects.get(path))
            progress.advance(sizes[path])
        progress.finish()
        summary.uploaded = len(changed)
        summary.uploaded_bytes = sum(sizes.values())
        summary.unchanged = len(files) - len(changed)
        summary.sent = sorted(changed)
        self._put_text(
            f"{STATE}/releases/{release.id}.json",
            json.dumps(
                {"files": files, "kept": kept, "redirects": redirects},
                indent=1,
                sort_keys=True,
            ),
        )
        self._put_text(f"{STATE}/current", release.id)
        gone = sorted(p for p in online if p not in files and p not in kept)
        for path in gone:
            if current is not None and path in current.files:  # for --rollback
                self._archive(path, current.files[path])
        self._delete_keys(gone)
        summary.release = release.id
        self._prune()
        return summary

    def rollback(self) -> PublishSummary:
        """Put back the pages of the release before the current one."""
        with self._locked():
            return self._rollback()

    def _rollback(self) -> PublishSummary:
        current = self.current()
        previous = self._read(release_before(current, self.history()))
        redirects = self._redirects_of(previous.id)
        restored = 0
        for path, digest in sorted(previous.files.items(), key=_links_last_item):
            if current.digest(path) == digest:
                continue
            self._restore(path, digest, redirects.get(path))
            restored += 1
        self._put_text(f"{STATE}/current", previous.id)
        # The newer release leaves the history; its new files are kept a
        # while (no release lists them) and go with a later publish.
        self._delete_keys([f"{STATE}/releases/{current.id}.json"])
        return PublishSummary(
            release=previous.id,
            uploaded=restored,
            unchanged=len(previous.files) - restored,
            rolled_back=True,
        )

    # --- objects ---------------------------------------------------------

    def _key(self, path: str) -> str:
        return f"{self.prefix}/{path}" if self.prefix else path

    def _put(self, output: Path, path: str, digest: str, redirect: str | None) -> None:
        extra = {"WebsiteRedirectLocation": redirect} if redirect else {}
        with (output / path).open("rb") as body:
            self._call(
                "put_object",
                Bucket=self.bucket,
                Key=self._key(path),
                Body=body,
                ContentType=content_type(path),
                CacheControl=cache_control(path),
                Metadata={DIGEST: digest},
                **extra,
            )

    def _put_text(self, path: str, text: str) -> None:
        self._call(
            "put_object",
            Bucket=self.bucket,
            Key=self._key(path),
            Body=text.encode("utf-8"),
            ContentType=content_type(path if "." in path else f"{path}.txt"),
            CacheControl="no-store",
        )

    def _get_text(self, path: str) -> str | None:
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self._key(path))
        except self.client.exceptions.NoSuchKey:
            return None
        except Exception as error:  # noqa: BLE001 (botocore's many kinds)
            raise PublishError(_plain(error, self.bucket)) from None
        return answer["Body"].read().decode("utf-8")

    def _online_digest(self, path: str, online: dict[str, int]) -> str | None:
        """Return the digest an object carries in its metadata, if it is online."""
        if path not in online:
            return None
        answer = self._call("head_object", Bucket=self.bucket, Key=self._key(path))
        return answer.get("Metadata", {}).get(DIGEST)

    def _archive(self, path: str, digest: str) -> None:
        """Copy a page about to be replaced aside (in the store: nothing is sent)."""
        self._call(
            "copy_object",
            Bucket=self.bucket,
            Key=self._key(f"{STATE}/archive/{digest}"),
            CopySource={"Bucket": self.bucket, "Key": self._key(path)},
            MetadataDirective="COPY",
        )

    def _restore(self, path: str, digest: str, redirect: str | None) -> None:
        extra = {"WebsiteRedirectLocation": redirect} if redirect else {}
        try:
            self._call(
                "copy_object",
                Bucket=self.bucket,
                Key=self._key(path),
                CopySource={
                    "Bucket": self.bucket,
                    "Key": self._key(f"{STATE}/archive/{digest}"),
                },
                MetadataDirective="REPLACE",
                ContentType=content_type(path),
                CacheControl=cache_control(path),
                Metadata={DIGEST: digest},
                **extra,
            )
        except PublishError:
            raise PublishError(
                f"the earlier version of {path} is no longer in the store"
            ) from None

    def _list(self, folder: str) -> dict[str, int]:
        """Return {path under prefix: size} of the objects under `folder`.

        The site's own listing (folder "") leaves out the publisher's state.
        """
        start = (
            self._key(folder) if folder else (f"{self.prefix}/" if self.prefix else "")
        )
        found: dict[str, int] = {}
        for item in self._pages(start):
            path = item["Key"].removeprefix(f"{self.prefix}/" if self.prefix else "")
            if folder or not path.startswith(f"{STATE}/"):
                found[path] = item["Size"]
        return found

    def _pages(self, start: str) -> Iterator[dict[str, Any]]:
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=start
            )
            for page in pages:
                yield from page.get("Contents", [])
        except Exception as error:  # noqa: BLE001 (botocore's many kinds)
            raise PublishError(_plain(error, self.bucket)) from None

    def _delete_keys(self, paths: list[str]) -> None:
        for start in range(0, len(paths), 1000):  # the most one request takes
            batch = paths[start : start + 1000]
            self._call(
                "delete_objects",
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": self._key(p)} for p in batch]},
            )

    def _read(self, release_id: str) -> Release:
        data = self._record(release_id)
        kept = {path: tuple(value) for path, value in data.get("kept", {}).items()}
        return Release(release_id, data["files"], kept)

    def _record(self, release_id: str) -> dict[str, Any]:
        text = self._get_text(f"{STATE}/releases/{release_id}.json")
        if text is None:
            raise PublishError(f"the record of release {release_id} is missing")
        return json.loads(text)

    def _redirects_of(self, release_id: str) -> dict[str, str]:
        return self._record(release_id).get("redirects", {})

    def _prune(self) -> None:
        """Keep the current release and the few before it; archive only theirs."""
        ids = self.history()
        for release_id in ids[: -(EARLIER_RELEASES + 1)]:
            self._delete_keys([f"{STATE}/releases/{release_id}.json"])
        wanted = {
            digest
            for release_id in ids[-(EARLIER_RELEASES + 1) :]
            for digest in self._record(release_id)["files"].values()
        }
        archive = self._list(f"{STATE}/archive/")
        self._delete_keys([p for p in archive if p.rsplit("/", 1)[-1] not in wanted])

    def _call(self, operation: str, **arguments: Any) -> Any:
        try:
            return getattr(self.client, operation)(**arguments)
        except Exception as error:  # noqa: BLE001 (botocore's many kinds)
            raise PublishError(_plain(error, self.bucket)) from None


def _links_last(path: str) -> tuple[int, str]:
    """Sort key: photos, styles and scripts first, then pages and feeds.

    A page or feed is text that links other files; it goes up only once what
    it links is online. The home page goes last of all.
    """
    return (1 if is_text(path) else 0, path == "index.html", path)


def _links_last_item(item: tuple[str, str]) -> tuple[int, str]:
    return _links_last(item[0])


def _plain(error: Exception, bucket: str) -> str:
    """Say what went wrong with the store in words the library's IT person knows."""
    name = type(error).__name__
    code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
    if name in {"NoCredentialsError", "PartialCredentialsError"}:
        return (
            "no credentials for the store: set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY in the environment"
        )
    if name in {"EndpointConnectionError", "ConnectTimeoutError", "ConnectionError"}:
        return (
            f"the store cannot be reached ({error}): check AWS_ENDPOINT_URL_S3 "
            "and the network"
        )
    if code == "NoSuchBucket":
        return f"the bucket {bucket} does not exist in this store"
    if code in {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"}:
        return f"the store refused the credentials for bucket {bucket} ({code})"
    return f"the store answered: {error}"
