"""Checks of a built site: HTML validity (Nu Html Checker) and internal links."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .site import node_module, site_folder


def vnu_jar() -> Path:
    """Return the Nu Html Checker of the site's front-end packages."""
    return node_module("vnu-jar", "build", "dist", "vnu.jar")


# A run checks a few hundred pages at most: Java's quick compiler alone and
# its one-thread collector take half the CPU time of its defaults here, and
# the quick compiler needs a deeper stack for the checker's HTML schema; a
# heap that starts at 64 MB need not grow. Java's own warnings go to standard
# error: standard output is the checker's JSON.
JAVA_OPTIONS = (
    "-Xss4m",
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC",
    "-XX:-UsePerfData",
    "-Xms64m",
    "-Xlog:disable",
    "-Xlog:all=warning:stderr",
)
# The checker's classes, as Java loaded them at a first run (class data
# sharing): later runs map them instead of loading them, a sixth of a run's
# CPU time. One archive per Java, checker and options (Java ignores an
# archive it cannot use), in the site's .cache/html-checker/.


def _class_archive(java: str) -> Path:
    """Return the class archive of this Java, this checker and these options."""
    key = hashlib.sha256()
    for path in (Path(java).resolve(), vnu_jar()):
        stat = path.stat()
        key.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    key.update(" ".join(JAVA_OPTIONS).encode())
    return site_folder() / ".cache" / "html-checker" / f"{key.hexdigest()[:16]}.jsa"


def html_errors(*outputs: Path) -> dict[Path, list[str]]:
    """Return the Nu Html Checker's errors for every HTML file under each folder.

    One Java run checks every folder: the checker's start costs seconds.
    """
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: run .ci/run or install it"
    assert vnu_jar().is_file(), "vnu.jar is missing: run `npm ci` (./dev does it)"
    archive = _class_archive(java)
    # The first run writes the archive beside its final name, then renames
    # it: a run beside it (another test worker) never reads half of one.
    made = archive.with_name(f"{archive.stem}.{os.getpid()}.tmp")
    if archive.is_file():
        sharing = f"-XX:SharedArchiveFile={archive}"
    else:
        archive.parent.mkdir(parents=True, exist_ok=True)
        sharing = f"-XX:ArchiveClassesAtExit={made}"
    result = subprocess.run(
        [
            java,
            *JAVA_OPTIONS,
            sharing,
            "-jar",
            str(vnu_jar()),
            "--errors-only",
            # Its language detection finds warnings only (a lang attribute
            # that seems wrong), which --errors-only drops: a quarter of the
            # run's CPU time for nothing.
            "--no-langdetect",
            "--skip-non-html",
            "--stdout",
            "--format",
            "json",
            *map(str, outputs),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    # The checker ends with 1 when it finds errors; anything else (killed,
    # out of memory) may have left half an archive.
    if made.is_file() and result.returncode in {0, 1}:
        made.replace(archive)
    found: dict[Path, list[str]] = {output: [] for output in outputs}
    for message in json.loads(result.stdout)["messages"]:
        url = message.get("url", "")
        text = f"{url}:{message.get('lastLine')}: {message.get('message')}"
        # A message of no folder in particular counts against every folder.
        owners = [o for o in outputs if f"{o}/" in url] or list(outputs)
        for output in owners:
            found[output].append(text)
    return found


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def broken_links(output: Path, siteurl: str = "") -> list[str]:
    """Return internal links and images of the built pages that lead nowhere."""
    broken = []
    for page in sorted(output.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            target = _target(output, page, link, siteurl)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(output)} -> {link}")
    return broken


def _target(output: Path, page: Path, link: str, siteurl: str) -> Path | None:
    """Return the file an internal link points to, or None for external links."""
    if siteurl and link.startswith(siteurl):
        link = link[len(siteurl) :] or "/"
    elif urlsplit(link).scheme or link.startswith(("#", "//", "mailto:")):
        return None
    path = unquote(urlsplit(link).path)
    base = output if path.startswith("/") else page.parent
    target = base / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target
