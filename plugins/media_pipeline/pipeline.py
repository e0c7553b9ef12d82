"""From plans to files in output/: find what the cache lacks, encode it, publish all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cache import SourceDigests, publish
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
    plans: list[PhotoPlan], cfg: MediaSettings, output: Path
) -> MediaStats:
    """Encode what the cache lacks (on every core), then publish every derivative.

    A photo whose digest is remembered and whose derivatives are all cached
    costs a stat() and a few exists(); nothing is read or decoded.
    """
    layout = cfg.layout
    digests = SourceDigests(cfg.cache)
    known: dict[Path, str] = {}
    jobs = []
    for photo_plan in plans:
        photo = photo_plan.photo
        digest = digests.remembered(photo.path)
        complete = digest is not None and all(
            layout.path(digest, r).is_file() for r in photo_plan.renditions
        )
        if complete:
            known[photo.path] = digest
        else:
            jobs.append(
                PhotoJob(
                    photo,
                    digest,
                    photo_plan.renditions,
                    layout,
                    cfg.encoding,
                    cfg.background,
                )
            )
    encoded = 0
    for result in run_jobs(jobs, cfg.workers):
        known[result.photo.path] = result.digest
        digests.remember(result.photo.path, result.digest)
        encoded += result.encoded
    digests.save()
    total = 0
    for photo_plan in plans:
        digest = known[photo_plan.photo.path]
        for rendition in photo_plan.renditions:
            publish(layout.path(digest, rendition), output / rendition.path)
            total += 1
    return MediaStats(len(plans), encoded, total - encoded)
