"""Old addresses of a post (`aliases:`) as redirect pages to its address now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from content_model.aliases import redirect_file


@dataclass(frozen=True)
class Redirect:
    """A file to write at an old address, and the page it sends readers to."""

    save_as: str
    url: str
    target: Any


def redirects(contents: list[Any], siteurl: str) -> list[Redirect]:
    """Return a redirect per alias of each post or page, on this site's addresses.

    An alias is a path ("/2024/old-name/") or a full address on this site; the
    content check refused every other (content_model.aliases).
    """
    site = urlsplit(siteurl)
    found = []
    for content in contents:
        for alias in getattr(content, "aliases", None) or []:
            parts = urlsplit(alias)
            if parts.netloc and parts.netloc != site.netloc:
                continue
            # A full address on this site includes SITEURL's own path.
            path = parts.path
            if parts.netloc:
                path = path.removeprefix(site.path.rstrip("/"))
            save_as = redirect_file(path)
            found.append(Redirect(save_as, save_as.removesuffix("index.html"), content))
    return found
