"""A warm photo pipeline reads no photo: nothing hashed, nothing encoded."""

import os

from PIL import Image

from media_pipeline.cache import source_digests
from media_pipeline.pipeline import publish_photos
from media_pipeline.plan import plan
from media_pipeline.settings import load_settings
from photo_groups import Photo
from site_build.digests import shared_digests
from site_build.output import OutputFiles
from tests.support import project_settings


def _site(tmp_path):
    folder = tmp_path / "content/posts/2025/anh"
    folder.mkdir(parents=True)
    photos = []
    for number in range(2):
        path = folder / f"anh-{number}.jpg"
        Image.new("RGB", (1200, 800), (40 * number, 90, 160)).save(path, "JPEG")
        photos.append(Photo(src=path.name, path=path, alt="x", width=1200, height=800))
    settings = project_settings(
        PATH=str(tmp_path / "content"),
        MEDIA={"cache_path": str(tmp_path / ".cache/media")},
    )
    return photos, settings


def _publish(photos, settings, output):
    """Plan and publish as a new build would: the digests read back from disk."""
    shared_digests.cache_clear()
    cfg = load_settings(settings)
    digests = source_digests(cfg.facts.content)
    plans = [plan(photo, cfg, digest=digests.digest(photo.path)) for photo in photos]
    stats = publish_photos(plans, cfg, OutputFiles(output))
    return stats, digests.hashed


def test_a_warm_run_hashes_and_encodes_nothing(tmp_path):
    photos, settings = _site(tmp_path)
    cold, cold_hashed = _publish(photos, settings, tmp_path / "output")
    # 480, 720, 960, 1200 in AVIF, JPEG
    assert (cold.encoded, cold_hashed) == (16, 2)
    warm, warm_hashed = _publish(photos, settings, tmp_path / "output")
    assert (warm.encoded, warm.cached, warm_hashed) == (0, 16, 0)
    assert len(list((tmp_path / "output/media").rglob("*.avif"))) == 8


def test_a_touched_photo_is_hashed_again_but_not_encoded(tmp_path):
    photos, settings = _site(tmp_path)
    _publish(photos, settings, tmp_path / "output")
    stat = photos[0].path.stat()
    os.utime(photos[0].path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    stats, hashed = _publish(photos, settings, tmp_path / "output")
    assert (stats.encoded, hashed) == (0, 1)  # same bytes: same derivatives
