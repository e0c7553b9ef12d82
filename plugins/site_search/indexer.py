"""Index the built site with Pagefind (its own binary, from PyPI) after each build.

Pages say what is indexed (`data-pagefind-body` on posts, people and works;
menus, footers and related lists are outside it): see theme/templates. The
search page uses Pagefind's JavaScript API (theme/static/js/search.js), not
its ready-made interfaces, so those files are removed from the output.
Search filters (kind, category, year) are read from each result's metadata,
not from Pagefind's filter indexes: those are written in a different order
at each run (Pagefind 1.5), and a rebuild of the same site must be the same
bytes (a publish sends only what changed).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from site_build.output import OutputFiles, output_files

from .generator import search_urls
from .preload import preloads, with_preloads
from .settings import load_settings

# Parts of the build's own markup that are no text to find or to quote in
# an excerpt (the templates mark theirs with data-pagefind-ignore).
NOT_TEXT = (".photos__credit",)
# Pagefind's ready-made interfaces: the site has its own search page.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def index_site(
    output: Path,
    bundle: str,
    files: OutputFiles | None = None,
    search_pages: dict[str, str] | None = None,
) -> None:
    """Index the pages in `output` with Pagefind; its bundle goes to output/<bundle>/.

    Pagefind writes into a temporary folder first; the files then go
    through the build's OutputFiles, so an unchanged part of the index keeps
    its file, and the parts of an older index are removed with the other
    stale outputs. Each language's search page (`search_pages`: {lang: URL})
    then gets the list of files its first search needs (preload.py), but
    in a live preview.
    """
    files = files or OutputFiles(output)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as temporary:
        command = [
            str(_pagefind_program()),
            "--site",
            str(output),
            "--output-path",
            temporary,
            "--exclude-selectors",
            ",".join(NOT_TEXT),
            "--silent",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SearchIndexError(
                "the search index could not be made (Pagefind): "
                + (result.stderr or result.stdout).strip()
            )
        made = Path(temporary)
        for name in UNUSED:
            (made / name).unlink(missing_ok=True)
        _sort_entry(made / "pagefind-entry.json")
        for path in sorted(p for p in made.rglob("*") if p.is_file()):
            files.write_bytes(Path(bundle) / path.relative_to(made), path.read_bytes())
        tag, needed = preloads(made)
    files.remove_stale(under=bundle)
    if files.announce is not None:
        return
    for lang, url in (search_pages or {}).items():
        page = Path(url) / "index.html"
        if (output / page).is_file():
            html = (output / page).read_text("utf-8")
            files.write_text(page, with_preloads(html, tag, needed.get(lang, [])))


def _pagefind_program() -> Path:
    """Return Pagefind's binary: its PyPI package's, or PAGEFIND_BINARY_PATH.

    Run directly: `python -m pagefind` starts a second Python (a twentieth of
    a CPU-second) only to find this file and hand over to it.
    """
    from pagefind.service import get_executable  # noqa: PLC0415 (builds with search)

    program = get_executable()
    if program is None:
        raise SearchIndexError(
            "Pagefind's program is not installed: run ./dev again "
            "(it installs requirements.txt)"
        )
    return program


def _sort_entry(entry: Path) -> None:
    """Write Pagefind's entry file with its languages in a fixed order.

    Pagefind lists them in no fixed order, so an unchanged site would get a
    new file at each build, and a publish would send it again.
    """
    data = json.loads(entry.read_text("utf-8"))
    entry.write_text(
        json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )


def index_after_build(pelican: Any) -> None:
    """Index what the build wrote (Pelican's `finalized` signal)."""
    cfg = load_settings(pelican.settings)
    if cfg.index:
        output = Path(pelican.output_path)
        index_site(
            output,
            cfg.bundle,
            output_files(pelican.settings, output),
            search_urls(pelican.settings),
        )
