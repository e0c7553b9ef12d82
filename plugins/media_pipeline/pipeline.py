"""From plans to files in output/: find what the cache lacks, encode it, publish all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import SourceDigests, object_path, publish
from .jobs import Encoding, PhotoJob, run_jobs
from .plan import PhotoPlan, decode_width
from .settings import MediaSettings


@dataclass(frozen=True)
class MediaStats:
    """What one run cost: sources seen, derivatives encoded, taken from the cache."""

    sources: int
    encoded: int
    cached: int


def missing_jobs(
    plans: Iterable[PhotoPlan], cfg: MediaSettings, digests: SourceDigests
) -> tuple[list[PhotoJob], list[tuple[Path, str]]]:
    """Return jobs for what the cache lacks, and every (cache file, path) pair."""
    jobs, everything = [], []
    for photo_plan in plans:
        digest = digests.digest(photo_plan.photo.path)
        missing = []
        for rendition in photo_plan.renditions:
            cached = object_path(cfg, digest, rendition)
            everything.append((cached, rendition.path))
            if not cached.is_file():
                missing.append(Encoding(rendition, cached))
        if missing:
            width = max(decode_width(photo_plan.photo, e.rendition) for e in missing)
            jobs.append(
                PhotoJob(
                    photo_plan.photo.path,
                    width,
                    tuple(missing),
                    cfg.encoding,
                    cfg.background,
                )
            )
    return jobs, everything


def publish_photos(
    plans: list[PhotoPlan], cfg: MediaSettings, output: Path
) -> MediaStats:
    """Encode what the cache lacks (on every core), then publish every derivative."""
    digests = SourceDigests(cfg.cache)
    jobs, everything = missing_jobs(plans, cfg, digests)
    encoded = run_jobs(jobs, cfg.workers)
    digests.save()
    for cached, path in everything:
        publish(cached, output / path)
    return MediaStats(len(plans), encoded, len(everything) - encoded)
