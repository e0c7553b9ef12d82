"""The build's `_redirects` file: old addresses (a post's `aliases`) and where to.

`search_engines` writes it in the format Netlify and Cloudflare Pages read
(`/2024/ten-cu/ https://.../2025/ten-moi/ 301`, one per line); the S3
publisher turns each into a redirect object (`x-amz-website-redirect-location`)
so a store's website endpoint answers with a real 301, and the redirect page
written at that address still serves hosts that ignore the header.
"""

from __future__ import annotations

from pathlib import Path

NAME = "_redirects"


def read_redirects(output: Path) -> dict[str, str]:
    """Return {path of the file at the old address: where it redirects to}."""
    source = output / NAME
    if not source.is_file():
        return {}
    found = {}
    for line in source.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        old, new, *_status = line.split()
        old = old.lstrip("/")
        found[old + "index.html" if not old or old.endswith("/") else old] = new
    return found
