"""The benchmark's SSIM agrees with scikit-image's and ranks damage as an eye would."""

import numpy as np
import pytest
from PIL import Image

from tools.ssim import ssim


def _pattern() -> np.ndarray:
    y, x = np.mgrid[0:60, 0:80]
    return (128 + 60 * np.sin(x / 7.0) * np.cos(y / 5.0)).astype(np.uint8)


def _noisy(base: np.ndarray, sigma: float) -> np.ndarray:
    noise = np.random.default_rng(0).normal(0, sigma, base.shape)
    return np.clip(base + noise, 0, 255).astype(np.uint8)


def test_ssim_of_a_photo_with_itself_is_one():
    image = Image.fromarray(_pattern())
    assert ssim(image, image.copy()) == pytest.approx(1.0)


def test_ssim_matches_scikit_image_on_a_noisy_pattern():
    # skimage.metrics.structural_similarity(base, noisy, data_range=255),
    # scikit-image 0.26.0, default window: 0.7348348269027227.
    base = _pattern()
    noisy = Image.fromarray(_noisy(base, 12))
    assert ssim(Image.fromarray(base), noisy) == pytest.approx(0.7348348269, abs=1e-9)


def test_more_noise_gives_a_lower_ssim():
    base = _pattern()
    scores = [
        ssim(Image.fromarray(base), Image.fromarray(_noisy(base, sigma)))
        for sigma in (2, 6, 12, 24)
    ]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > 0.95 > scores[-1]


def test_ssim_refuses_photos_of_different_sizes():
    with pytest.raises(ValueError, match="sizes differ"):
        ssim(Image.new("RGB", (20, 20)), Image.new("RGB", (21, 20)))
