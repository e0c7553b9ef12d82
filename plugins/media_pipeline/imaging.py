"""Pillow-only photo work: decode once, upright, 8-bit sRGB, resize, crop, encode.

Nothing here knows Pelican; the glue is in generator.py and jobs.py.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms, ImageOps

from content_model.exif import quarter_turned

from .renditions import fitted

_SRGB = ImageCms.createProfile("sRGB")


def load(path, largest_width: int) -> Image.Image:
    """Return the photo upright, in 8-bit sRGB, decoded once at the size needed.

    JPEG draft mode lets libjpeg scale by 1/2, 1/4 or 1/8 while decoding when
    the largest output is that much smaller than the camera original.
    """
    with Image.open(path) as image:
        turned = quarter_turned(image.getexif())
        if image.format == "JPEG" and largest_width < image.width:
            scale = largest_width / (image.height if turned else image.width)
            image.draft(
                image.mode,
                (int(image.width * scale) + 1, int(image.height * scale) + 1),
            )
        image.load()
        upright = ImageOps.exif_transpose(image)
    return to_srgb(upright)


def to_srgb(image: Image.Image) -> Image.Image:
    """Return an 8-bit RGB or RGBA copy, its ICC profile applied, with no metadata."""
    profile = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit grey: scale to 8 bits instead of clipping at 255.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    target = "RGBA" if has_alpha else "RGB"
    if profile and image.mode in ("RGB", "CMYK", "L", "RGBA"):
        image = _apply_profile(image, profile, target)
    if image.mode != target:
        image = image.convert(target)
    clean = Image.new(target, image.size)
    clean.paste(image)
    return clean


def _apply_profile(image: Image.Image, profile: bytes, target: str) -> Image.Image:
    """Convert from the embedded profile to sRGB; keep the pixels if it is unusable."""
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    source = image.convert("RGB") if image.mode == "RGBA" else image
    try:
        embedded = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(source, embedded, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    if alpha is not None and target == "RGBA":
        converted.putalpha(alpha)
    return converted


def resized(image: Image.Image, width: int) -> Image.Image:
    """Return `image` scaled to `width` (never larger than it is)."""
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def cropped(image: Image.Image, width: int, height: int) -> Image.Image:
    """Return the centre of `image` at the ratio width:height, at most width wide."""
    size = fitted(image.width, image.height, width, height)
    return ImageOps.fit(image, size, Image.Resampling.LANCZOS)


def encode(image: Image.Image, fmt: str, options: dict, background: str) -> bytes:
    """Encode `image` as `fmt` without metadata; flatten alpha for JPEG."""
    if fmt == "jpeg" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, background)
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.save(buffer, "JPEG", optimize=True, progressive=True, **options)
    elif fmt == "webp":
        image.save(buffer, "WEBP", **options)
    elif fmt == "avif":
        # One thread: libaom's bytes depend on its thread count, and a photo
        # must encode the same on any machine (the pool gives each core a photo).
        image.save(buffer, "AVIF", **{"max_threads": 1, **options})
    else:
        raise ValueError(f"unknown format {fmt}")
    return buffer.getvalue()
