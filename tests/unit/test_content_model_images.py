"""Photo files a content file names: truncated copies are refused by the check."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from content_model.exif import quarter_turned
from content_model.images import photo_size
from content_model.problems import ContentError
from tests.support import jpeg


def test_truncated_photo_fails_verification(tmp_path):
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(buffer, "JPEG")
    (tmp_path / "cut.jpg").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ContentError, match="is cut short: only part of it was copied"):
        photo_size(tmp_path / "cut.jpg")


@pytest.mark.parametrize(
    ("orientation", "size"), [(None, (60, 40)), (1, (60, 40)), (6, (40, 60))]
)
def test_photo_size_is_the_size_a_browser_shows(tmp_path, orientation, size):
    (tmp_path / "a.jpg").write_bytes(jpeg(60, 40, orientation))
    assert photo_size(tmp_path / "a.jpg") == size


@pytest.mark.parametrize(("orientation", "turned"), [(1, False), (5, True), (8, True)])
def test_orientations_five_to_eight_turn_a_quarter(orientation, turned):
    assert quarter_turned({0x0112: orientation}) is turned
