"""What the search page fetches at once when the reader starts to search.

Pagefind finds its files one after the other: its script, then its entry
file, then the language's WebAssembly and metadata, then the index chunks of
the words, then each result's fragment. On a slow phone network (2 s a round
trip) that chain takes longer than typing a query. Once Pagefind has made
the index, the build knows every file a search of a small site needs but
the results' own; the search page lists them (`data-preload`, fetched
together at the reader's first tap or key: search.js) with the tag that
fixes the entry file's address (`data-cache-tag`, Pagefind's
`metaCacheTag`), so the chain becomes one round trip, made while the reader
types, and one for the results.

The search page is written before the index is made: it lists the files
of the last build's index, and is corrected once the new one is made (a
rebuild with nothing changed writes it once, with the same bytes). A live
preview, which announces pages as they are written, lists nothing: it is
served from the writer's own computer, and the page would change at every
edit.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

# Index chunks are listed while the language's add up to at most this many
# bytes (Pagefind's files are already compressed); a larger site's chunks
# load as the words are typed (Pagefind's preload). Results' fragments are
# not listed: a browser fetches six files at a time over HTTP/1.1, and a
# site's hundreds of fragments would hold up the files every search needs.
BUDGET = 96 * 1024

_ATTRIBUTE = re.compile(r'data-(preload|cache-tag)="[^"]*"')


def page_values(bundle: Path) -> tuple[str, dict[str, list[str]]]:
    """Return preloads() of the index in `bundle`, or nothing if there is none."""
    if not (bundle / "pagefind-entry.json").is_file():
        return "", {}
    return preloads(bundle)


def cache_tag(entry: bytes) -> str:
    """Return the tag of this index's entry file (changes with the index)."""
    return hashlib.sha256(entry).hexdigest()[:12]


def preloads(bundle: Path) -> tuple[str, dict[str, list[str]]]:
    """Return the entry's tag and, per language, the files to fetch at once.

    Paths are relative to the bundle folder (as Pagefind asks for them).
    """
    entry_bytes = (bundle / "pagefind-entry.json").read_bytes()
    tag = cache_tag(entry_bytes)
    entry = json.loads(entry_bytes)
    files: dict[str, list[str]] = {}
    for lang, info in sorted(entry["languages"].items()):
        listed = [
            f"pagefind-entry.json?ts={tag}",
            f"wasm.{info.get('wasm') or 'unknown'}.pagefind",
            f"pagefind.{info['hash']}.pf_meta",
        ]
        chunks = sorted((bundle / "index").glob(f"{lang}_*.pf_index"))
        if sum(chunk.stat().st_size for chunk in chunks) <= BUDGET:
            listed += [f"index/{chunk.name}" for chunk in chunks]
        files[lang] = listed
    return tag, files


def with_preloads(page: str, tag: str, files: list[str]) -> str:
    """Return the search page's HTML with its preload list and tag filled in."""
    values = {"preload": " ".join(files), "cache-tag": tag}
    return _ATTRIBUTE.sub(
        lambda found: f'data-{found[1]}="{html.escape(values[found[1]])}"', page
    )
