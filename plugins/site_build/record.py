"""Skip a build whose inputs have not changed since the last one into the same folder.

The record of a build (`.cache/build/records.json` beside content/, one per
output folder) holds a digest of everything the build reads and the moment
until which the same inputs give the same site. The inputs: every file of
content/, data/, the theme and the plugins, the project's settings files
and pinned package lists, and the settings themselves. "Now" (BUILD_TIME)
decides some pages too: which posts are out (a post dated later is
scheduled), the news sitemap's last two days, the calendar's recent
events. Each plugin that uses BUILD_TIME adds to the context's
`NEXT_CHANGE_AT` the next moment its output changes by time alone; a build
is skipped only before the earliest of them, so the hourly publish still
brings a scheduled post out. The output must also still hold every file the
build produced, with its size; else the build runs.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .digests import FileDigests, shared_digests
from .facts import FACTS
from .inputs import BuildInputs
from .output import OUTPUT_FILES, PAGE_CACHE
from .workers import WORKERS_SETTING

# The digest of the site's inputs but content/, as SitePelican computed it
# for the build record: the bundle caches use it, not computing it again.
SITE_INPUTS = "SITE_INPUTS_DIGEST"
# Settings that are not inputs: "now" (compared on its own), the build's own
# objects, and the Pelican class (a live build makes the same site).
# How many processes render the pages does not change them (BUILD_WORKERS).
NOT_INPUTS = frozenset(
    {
        "BUILD_TIME",
        OUTPUT_FILES,
        PAGE_CACHE,
        FACTS,
        SITE_INPUTS,
        "PELICAN_CLASS",
        WORKERS_SETTING,
    }
)
RECORDS = Path(".cache") / "build" / "records.json"


@dataclass(frozen=True)
class BuildRecord:
    """What the last build into one output folder read, made and printed."""

    digest: str
    built_at: str
    valid_until: str | None
    outputs: dict[str, int]
    warnings: list[str]
    # Pages rendered, and pages whose key had not changed (site_build.page_cache).
    pages_rendered: int = 0
    pages_reused: int = 0
    # How many processes rendered the pages (site_build.workers).
    render_processes: int = 1

    def still_valid(self, digest: str, now: datetime, output: Path) -> bool:
        """Return whether a build now would make exactly what `output` holds."""
        if digest != self.digest or now < datetime.fromisoformat(self.built_at):
            return False
        if self.valid_until and now >= datetime.fromisoformat(self.valid_until):
            return False
        return _outputs_intact(output, self.outputs)


def _outputs_intact(output: Path, outputs: dict[str, int]) -> bool:
    for name, size in outputs.items():
        try:
            if os.stat(output / name).st_size != size:  # noqa: PTH116 (faster)
                return False
        except OSError:
            return False
    return bool(outputs)


class BuildRecords:
    """The records of the site's builds, by output folder."""

    def __init__(self, site: Path) -> None:
        self.path = site / RECORDS
        self.digests = shared_digests(site)
        try:
            self.records = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.records = {}

    def pages_file(self, output: Path) -> Path:
        """Return where the page keys of builds into `output` are kept."""
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
        return self.path.parent / f"pages-{name}.json"

    def get(self, output: Path) -> BuildRecord | None:
        """Return the record of the last build into `output`, if any."""
        entry = self.records.get(str(output.resolve()))
        try:
            return BuildRecord(**entry) if entry else None
        except TypeError:  # a record of an older version of this module
            return None

    def save(self, output: Path, record: BuildRecord) -> None:
        """Keep `record` as the last build into `output`; keep the file digests."""
        self.records[str(output.resolve())] = asdict(record)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.records), "utf-8")
        temporary.replace(self.path)
        self.digests.save()

    def forget(self, output: Path) -> None:
        """Drop the record of `output` (its build failed half-way)."""
        if self.records.pop(str(output.resolve()), None) is not None:
            self.path.write_text(json.dumps(self.records, sort_keys=True), "utf-8")

    def inputs_digest(
        self, settings: dict[str, Any], extra: str = ""
    ) -> tuple[str, str]:
        """Return the digests of a build's inputs: all of them, and all but content."""
        inputs = BuildInputs.of(settings)
        digest = site_inputs(settings, self.digests, extra, inputs.site_files())
        without_content = digest.hexdigest()
        for path in inputs.content_files():
            digest.update(f"{path}\0{self.digests.digest(path)}\n".encode())
        return digest.hexdigest(), without_content


def site_inputs(
    settings: dict[str, Any],
    digests: FileDigests,
    extra: str = "",
    files: list[Path] | None = None,
) -> Any:
    """Return a sha256 object fed with every input of a build but content/."""
    digest = hashlib.sha256(settings_text(settings).encode("utf-8"))
    digest.update(extra.encode("utf-8"))
    if files is None:
        files = BuildInputs.of(settings).site_files()
    for path in files:
        digest.update(f"{path}\0{digests.digest(path)}\n".encode())
    return digest


def settings_text(settings: dict[str, Any]) -> str:
    """Return the settings as stable text (objects by their type, not address)."""
    return json.dumps(
        {k: v for k, v in settings.items() if k.isupper() and k not in NOT_INPUTS},
        sort_keys=True,
        default=lambda value: type(value).__qualname__,
        ensure_ascii=False,
    )


def next_change(moments: list[datetime], now: datetime) -> str | None:
    """Return the earliest moment after `now` (ISO text), or None."""
    later = [moment for moment in moments if moment > now]
    return min(later).isoformat() if later else None
