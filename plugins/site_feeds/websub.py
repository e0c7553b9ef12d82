"""WebSub: tell the hub which feeds changed, so subscribers get new posts at once.

`invoke publish` calls `changed_feeds` on the published copy and the new
build, then `ping_hub` once the upload is done: the hub fetches only what
changed. https://www.w3.org/TR/websub/#publishing
"""

from __future__ import annotations

from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from .model import SUFFIX


class WebSubError(RuntimeError):
    """The hub refused the ping or could not be reached."""


def feed_paths(paths: list[str], feeds_path: str = "feeds") -> list[str]:
    """Return the feed files among `paths` (under the site, like feeds/all.json)."""
    return [
        path
        for path in paths
        if feeds_path in path.split("/") and path.endswith(tuple(SUFFIX.values()))
    ]


def feed_files(output: Path, feeds_path: str = "feeds") -> dict[str, bytes]:
    """Return {path under output: bytes} of every feed file of a build."""
    paths = [p.relative_to(output).as_posix() for p in sorted(output.rglob("*"))]
    return {
        path: (output / path).read_bytes()
        for path in feed_paths(paths, feeds_path)
        if (output / path).is_file()
    }


def changed_feeds(
    before: Path | None, after: Path, siteurl: str, feeds_path: str = "feeds"
) -> list[str]:
    """Return the addresses of the feeds of `after` that are new or differ in bytes.

    `before` is the build readers have now (None: nothing published yet).
    Feeds are byte-identical when nothing in them changed, so a rebuild
    with no new post pings nothing.
    """
    old = feed_files(before, feeds_path) if before and before.is_dir() else {}
    new = feed_files(after, feeds_path)
    base = siteurl.rstrip("/")
    return [f"{base}/{path}" for path, data in new.items() if old.get(path) != data]


def ping_hub(hub: str, feed_urls: list[str], timeout: float = 30) -> int:
    """Send the hub one publish notification naming every changed feed.

    Returns the hub's HTTP status; raises WebSubError when it is not 2xx.
    """
    if not feed_urls:
        return 0
    body = urlencode(
        [("hub.mode", "publish"), *(("hub.url", url) for url in feed_urls)]
    ).encode()
    request = Request(  # noqa: S310 (the hub's address comes from the site's settings)
        hub,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except URLError as error:
        raise WebSubError(
            f"the WebSub hub {hub} did not take the ping: {error}"
        ) from error
