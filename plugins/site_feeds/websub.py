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


def feed_files(output: Path, feeds_path: str = "feeds") -> dict[str, bytes]:
    """Return {path under output: bytes} of every feed file of a build."""
    found = {}
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output)
        if (
            path.is_file()
            and feeds_path in relative.parts
            and path.name.endswith(tuple(SUFFIX.values()))
        ):
            found[relative.as_posix()] = path.read_bytes()
    return found


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
