"""Encode what the cache lacks: one job per photo, decoded once, on every core."""

from __future__ import annotations

import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import imaging
from .cache import write_atomically
from .plan import Rendition

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Encoding:
    """One derivative to encode and the cache file it goes to."""

    rendition: Rendition
    cache_file: Path


@dataclass(frozen=True)
class PhotoJob:
    """Every missing derivative of one source photo."""

    source: Path
    decode_width: int
    encodings: tuple[Encoding, ...]
    options: dict[str, dict[str, Any]]
    background: str


def run_job(job: PhotoJob) -> int:
    """Decode the source once and write each derivative; return how many."""
    image = imaging.load(job.source, job.decode_width)
    for encoding in job.encodings:
        rendition = encoding.rendition
        if rendition.crop:
            shaped = imaging.cropped(image, rendition.width, rendition.height)
        else:
            shaped = imaging.resized(image, rendition.width)
        data = imaging.encode(
            shaped, rendition.fmt, job.options[rendition.fmt], job.background
        )
        write_atomically(encoding.cache_file, data)
    return len(job.encodings)


def run_jobs(jobs: list[PhotoJob], workers: int) -> int:
    """Run `jobs` in a process pool (inline for one); return the derivatives written."""
    if not jobs:
        return 0
    with _progress(len(jobs)) as advance:
        if len(jobs) == 1 or workers == 1:
            written = 0
            for job in jobs:
                written += run_job(job)
                advance()
            return written
        written = 0
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            for future in as_completed(pool.submit(run_job, job) for job in jobs):
                written += future.result()
                advance()
        return written


class _progress:
    """A progress bar on a terminal; nothing in CI or when output is captured."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None

    def __enter__(self):
        if sys.stderr.isatty() and not os.environ.get("CI"):
            from rich.progress import Progress  # noqa: PLC0415 (Pelican's dependency)

            self.bar = Progress(transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Ảnh (photos)", total=self.total)
        return self.advance

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *_exc) -> None:
        if self.bar is not None:
            self.bar.stop()
