"""Encode what the cache lacks: one job per photo, read and decoded once, all cores."""

from __future__ import annotations

import io
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from PIL import Image

from photo_groups import Photo

from . import imaging
from .cache import CacheLayout, write_atomically
from .plan import decode_width
from .renditions import Rendition


@dataclass(frozen=True)
class PhotoJob:
    """Every derivative of one photo; the worker encodes those the cache lacks."""

    photo: Photo
    digest: str  # of the source's bytes: the cache key and the names' fingerprint
    renditions: tuple[Rendition, ...]
    layout: CacheLayout
    options: dict[str, dict[str, Any]]
    background: str


@dataclass(frozen=True)
class JobResult:
    """What a worker did for one photo."""

    photo: Photo
    digest: str
    encoded: int


def run_job(job: PhotoJob) -> JobResult:
    """Read the source once, decode once, write the derivatives that are missing."""
    data = job.photo.path.read_bytes()
    digest = job.digest
    missing = [r for r in job.renditions if not job.layout.path(digest, r).is_file()]
    if missing:
        width = max(decode_width(job.photo, rendition) for rendition in missing)
        image = imaging.load(io.BytesIO(data), width)
        # One resize per width (or crop), however many formats encode it.
        shapes: dict[tuple[str, int, int], Image.Image] = {}
        for rendition in missing:
            shape = (rendition.crop, rendition.width, rendition.height)
            if shape not in shapes:
                shapes[shape] = (
                    imaging.cropped(image, rendition.width, rendition.height)
                    if rendition.crop
                    else imaging.resized(image, rendition.width)
                )
            shaped = shapes[shape]
            encoded = imaging.encode(
                shaped, rendition.fmt, job.options[rendition.fmt], job.background
            )
            write_atomically(job.layout.path(digest, rendition), encoded)
    return JobResult(job.photo, digest, len(missing))


def run_jobs(jobs: list[PhotoJob], workers: int) -> list[JobResult]:
    """Run `jobs` in a process pool (inline for one); return their results."""
    if not jobs:
        return []
    results = []
    with _Progress(len(jobs)) as advance:
        if len(jobs) == 1 or workers == 1:
            for job in jobs:
                results.append(run_job(job))
                advance()
            return results
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            for future in as_completed(pool.submit(run_job, job) for job in jobs):
                results.append(future.result())
                advance()
    return results


class _Progress:
    """A progress bar on a terminal; nothing in CI or when output is captured."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None
        self.task = None

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
