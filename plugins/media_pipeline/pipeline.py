"""From plans to files in output/: find what the cache lacks, encode it, publish all."""

from __future__ import annotations

from dataclasses import dataclass

from site_build.output import OutputFiles

from .cache import source_digests
from .jobs import PhotoJob, run_jobs
from .plan import PhotoPlan
from .settings import MediaSettings


@dataclass(frozen=True)
class MediaStats:
    """What one run cost: sources seen, derivatives encoded, taken from the cache."""

    sources: int
    encoded: int
    cached: int


def publish_photos(
    plans: list[PhotoPlan], cfg: MediaSettings, files: OutputFiles
) -> MediaStats:
    """Encode what the cache lacks (on every core), then publish every derivative.

    Each plan knows its source's digest (remembered by size and modification
    time, see cache.py); a photo whose derivatives are all cached costs a few
    exists(): nothing is read or decoded.
    """
    layout = cfg.layout
    jobs = [
        PhotoJob(
            photo_plan.photo,
            photo_plan.digest,
            photo_plan.renditions,
            layout,
            cfg.encoding,
            cfg.background,
        )
        for photo_plan in plans
        if not all(
            layout.path(photo_plan.digest, r).is_file() for r in photo_plan.renditions
        )
    ]
    encoded = sum(result.encoded for result in run_jobs(jobs, cfg.workers))
    source_digests(cfg.facts.content).save()
    total = 0
    for photo_plan in plans:
        for rendition in photo_plan.renditions:
            # A hard link to the cache: no copy, and nothing when already there.
            files.link(layout.path(photo_plan.digest, rendition), rendition.path)
            total += 1
    return MediaStats(len(plans), encoded, total - encoded)
