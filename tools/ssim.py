"""Structural similarity (SSIM) of two photos, in numpy: how alike they look.

The index of Wang et al. (2004) on the luma channel (ITU-R BT.601, as JPEG
codes it), with scikit-image's defaults: a 7x7 uniform window, sample
covariances, K1 = 0.01, K2 = 0.03, 8-bit range; the mean over every window
that fits. 1.0 means the same picture; about 0.98 and up a difference few
readers see. The photo benchmark uses it to compare formats and encoder
settings at equal quality, so it need not pull in scikit-image and SciPy.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

WINDOW = 7
K1, K2 = 0.01, 0.03
DATA_RANGE = 255.0


def luma(image: Image.Image) -> np.ndarray:
    """Return the photo's luma as a float64 array (alpha ignored)."""
    return np.asarray(image.convert("RGB").convert("L"), dtype=np.float64)


def _window_means(values: np.ndarray) -> np.ndarray:
    """Return the mean of every WINDOW x WINDOW block that fits (integral image)."""
    summed = np.zeros((values.shape[0] + 1, values.shape[1] + 1))
    summed[1:, 1:] = values.cumsum(axis=0).cumsum(axis=1)
    w = WINDOW
    total = summed[w:, w:] - summed[:-w, w:] - summed[w:, :-w] + summed[:-w, :-w]
    return total / (w * w)


def ssim(reference: Image.Image, candidate: Image.Image) -> float:
    """Return the mean SSIM of `candidate` against `reference` (same size)."""
    if reference.size != candidate.size:
        raise ValueError(f"sizes differ: {reference.size} and {candidate.size}")
    if min(reference.size) < WINDOW:
        raise ValueError(f"photos smaller than {WINDOW}x{WINDOW} have no window")
    x, y = luma(reference), luma(candidate)
    mean_x, mean_y = _window_means(x), _window_means(y)
    # Sample (not population) covariances, as scikit-image by default.
    scale = WINDOW * WINDOW / (WINDOW * WINDOW - 1)
    var_x = scale * (_window_means(x * x) - mean_x * mean_x)
    var_y = scale * (_window_means(y * y) - mean_y * mean_y)
    cov = scale * (_window_means(x * y) - mean_x * mean_y)
    c1, c2 = (K1 * DATA_RANGE) ** 2, (K2 * DATA_RANGE) ** 2
    index = ((2 * mean_x * mean_y + c1) * (2 * cov + c2)) / (
        (mean_x**2 + mean_y**2 + c1) * (var_x + var_y + c2)
    )
    return float(index.mean())
