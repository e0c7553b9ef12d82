"""Pillow work: upright, 8-bit sRGB, no metadata, transparency, draft decoding."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from media_pipeline import imaging

GPS_IFD = 0x8825


def save(image: Image.Image, path, fmt: str = "JPEG", **options) -> None:
    image.save(path, fmt, **options)


def camera_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Camera maker"
    exif[0xA431] = "SERIAL-12345"  # body serial number
    exif[0x013B] = "Photographer Name"  # artist
    exif.get_ifd(GPS_IFD)[2] = (22.0, 29.0, 0.0)  # latitude
    return exif.tobytes()


def reopened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_turned_photo_comes_out_upright(tmp_path):
    source = Image.new("RGB", (60, 40), "blue")
    source.paste((255, 0, 0), (0, 0, 30, 40))  # left half red
    save(source, tmp_path / "turned.jpg", exif=camera_exif(orientation=6), quality=95)
    upright = imaging.load(tmp_path / "turned.jpg", 60)
    assert upright.size == (40, 60)
    red, _green, blue = upright.getpixel((20, 5))
    assert red > 200 and blue < 60  # the left of the stored photo is now its top


@pytest.mark.parametrize("fmt", ["jpeg", "webp", "avif"])
def test_no_exif_gps_xmp_or_icc_is_published(tmp_path, fmt):
    source = Image.new("RGB", (64, 48), (120, 130, 140))
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Name</dc:creator></x:xmpmeta>'
    )
    save(source, tmp_path / "camera.jpg", exif=camera_exif(), icc_profile=icc, xmp=xmp)
    with Image.open(tmp_path / "camera.jpg") as original:  # the test can fail
        assert original.getexif().get_ifd(GPS_IFD) and "xmp" in original.info
    image = imaging.load(tmp_path / "camera.jpg", 64)
    published = reopened(imaging.encode(image, fmt, {}, "#ffffff"))
    assert not published.getexif()
    assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(published.info)


def test_cmyk_becomes_rgb(tmp_path):
    save(Image.new("CMYK", (32, 32), (0, 255, 255, 0)), tmp_path / "cmyk.jpg")
    image = imaging.load(tmp_path / "cmyk.jpg", 32)
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((5, 5))
    assert red > 200 and green < 80 and blue < 80


def test_sixteen_bit_grey_is_scaled_to_eight_bits(tmp_path):
    grey = Image.new("I;16", (2, 1))
    grey.putpixel((0, 0), 65535)
    grey.putpixel((1, 0), 32768)
    save(grey, tmp_path / "deep.png", "PNG")
    image = imaging.load(tmp_path / "deep.png", 2)
    assert image.mode == "RGB"
    assert image.getpixel((0, 0))[0] == 255
    assert 120 <= image.getpixel((1, 0))[0] <= 135


def test_palette_with_transparency_keeps_its_alpha(tmp_path):
    palette = Image.new("P", (8, 8), 0)
    palette.putpalette([255, 0, 0, 0, 0, 255])
    palette.putpixel((0, 0), 1)
    save(palette, tmp_path / "logo.png", "PNG", transparency=0)
    image = imaging.load(tmp_path / "logo.png", 8)
    assert image.mode == "RGBA"
    assert image.getpixel((4, 4))[3] == 0


@pytest.mark.parametrize("fmt", ["webp", "avif"])
def test_transparency_is_kept_where_the_format_can(fmt):
    image = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    assert reopened(imaging.encode(image, fmt, {}, "#ffffff")).mode == "RGBA"


def test_jpeg_flattens_transparency_onto_the_page_background():
    image = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    published = reopened(imaging.encode(image, "jpeg", {}, "#ffffff"))
    assert published.mode == "RGB"
    assert min(published.getpixel((8, 8))) > 245


def test_large_jpeg_is_decoded_smaller_in_draft_mode(tmp_path):
    save(Image.new("RGB", (4000, 3000), "green"), tmp_path / "big.jpg")
    image = imaging.load(tmp_path / "big.jpg", 480)
    assert 480 <= image.width <= 1000


def test_resizing_never_upscales():
    assert imaging.resized(Image.new("RGB", (300, 200)), 960).size == (300, 200)


@pytest.mark.parametrize(
    ("size", "expected"), [((1200, 630), (1200, 630)), ((1200, 1200), (1000, 1000))]
)
def test_crops_keep_the_ratio_without_upscaling(size, expected):
    assert imaging.cropped(Image.new("RGB", (2000, 1000)), *size).size == expected
