"""Photos through the real build: derivatives, privacy, cache, settings changes."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pytest
from PIL import Image

from site_publish.http_headers import FINGERPRINTED
from tests.support import post, run_pelican, soup, unfingerprinted

GPS_IFD = 0x8825
CAMERA = (2000, 1500)


def camera_photo(orientation: int = 1) -> bytes:
    """Return a JPEG of a camera's size, with its orientation, serial and position.

    Its pixels are smooth gradients: the tests count and measure derivatives,
    and noise would cost AVIF's encoder a CPU-second at this size for nothing.
    """
    red = Image.linear_gradient("L").resize(CAMERA)
    image = Image.merge("RGB", (red, Image.radial_gradient("L").resize(CAMERA), red))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0xA431] = "SERIAL-12345"
    exif.get_ifd(GPS_IFD)[2] = (22.0, 29.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif.tobytes())
    return buffer.getvalue()


def png_with_alpha() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (600, 400), (10, 120, 200, 128)).save(buffer, "PNG")
    return buffer.getvalue()


def cmyk_photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("CMYK", (500, 500), (0, 200, 200, 0)).save(buffer, "JPEG")
    return buffer.getvalue()


FILES = {
    "posts/2025/anh/index.md": post(
        """
        title: Ảnh
        date: 2025-11-06
        category: am-nhac
        photo_credit: Thư viện tỉnh
        """,
        """
        ![Hội trường](hoi-truong.jpg)
        ![Sơ đồ](so-do.png)
        ![Băng rôn](bang-ron.jpg)

        *Ba ảnh.*
        """,
    ),
    "posts/2025/anh/hoi-truong.jpg": camera_photo(orientation=6),
    "posts/2025/anh/so-do.png": png_with_alpha(),
    "posts/2025/anh/bang-ron.jpg": cmyk_photo(),
}
SOURCES = {
    hashlib.sha256(data).hexdigest()
    for data in FILES.values()
    if isinstance(data, bytes)
}
SUMMARY = re.compile(
    r"Photos: (\d+) sources, (\d+) derivatives encoded, (\d+) from the cache"
)


OWN_CACHE = {"cache_path": ".cache/media"}


def summary(result) -> tuple[int, int, int]:
    return tuple(int(n) for n in SUMMARY.search(result.stdout).groups())


@pytest.fixture(scope="module")
def builds(build_site):
    """Build cold, again warm, after `clean`, and with a changed JPEG quality."""
    # The site's own photo cache (not the one test builds share): counted here.
    built = build_site(FILES, MEDIA=OWN_CACHE)
    root, cold = built.root, built.result
    # A writer's edit: the build runs (an unchanged site would be skipped).
    text = next((root / "content").rglob("index*.md"))
    text.write_text(text.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
    warm = run_pelican(root, MEDIA=OWN_CACHE)
    (root / "output").rename(root / "output-old")
    after_clean = run_pelican(root, MEDIA=OWN_CACHE)
    jpeg_changed = run_pelican(
        root,
        MEDIA={
            "encoding": {
                "avif": {"quality": 68, "speed": 8},
                "jpeg": {"quality": 70},
            }
        },
    )
    for result in (cold, warm, after_clean, jpeg_changed):
        assert result.returncode == 0, result.stderr
    return root, {
        "cold": cold,
        "warm": warm,
        "after_clean": after_clean,
        "jpeg": jpeg_changed,
    }


@pytest.fixture(scope="module")
def output(builds):
    return builds[0] / "output"


def images_in(folder):
    return [
        p for p in folder.rglob("*") if p.suffix in {".jpg", ".png", ".webp", ".avif"}
    ]


def test_cold_build_encodes_every_derivative(builds):
    # hoi-truong.jpg is 2000x1500 turned upright (1500 wide): 480, 720, 960 and
    # 1500 in AVIF and JPEG, and as the post's cover four JPEG crops (8 + 4);
    # so-do.png (600 wide) and bang-ron.jpg (500): 480 and their own width (4 each);
    # the library's logo (three square crops for feeds, one for the header)
    # and podcast artwork (one) for feeds.
    assert summary(builds[1]["cold"]) == (5, 25, 0)


def test_rebuild_encodes_nothing(builds):
    assert summary(builds[1]["warm"])[1] == 0


def test_rebuild_after_clean_encodes_nothing(builds):
    assert summary(builds[1]["after_clean"])[1] == 0


def test_changed_jpeg_setting_re_encodes_only_jpegs(builds, output):
    # Photos' derivatives; not the share cards of pages without one (page_metadata).
    jpegs = [
        p
        for p in images_in(output / "media")
        if p.suffix == ".jpg" and p.parent.name != "share"
    ]
    assert summary(builds[1]["jpeg"])[1] == len(jpegs)


def test_widths_never_exceed_the_photo(output):
    folder = output / "media/posts/2025/anh"

    def widths(pattern):
        return sorted(int(shown(p).split("-")[-1]) for p in folder.glob(pattern))

    assert widths("hoi-truong-*.avif") == [480, 720, 960, 1500]  # its own width last
    assert widths("so-do-*.jpg") == [480, 600]


def derivative(output, name):
    """Return the file of a derivative by its name without the digest."""
    (path,) = [
        p
        for p in (output / "media/posts/2025/anh").iterdir()
        if unfingerprinted(p.name) == name
    ]
    return path


def shown(path):
    """Return a derivative's name without the digest and suffix: hoi-truong-960."""
    return unfingerprinted(path.name).rsplit(".", 1)[0]


@pytest.mark.parametrize("fmt", ["avif", "jpg"])
def test_derivatives_have_their_announced_size(output, fmt):
    path = derivative(output, f"hoi-truong-960.{fmt}")
    with Image.open(path) as image:
        assert image.size == (960, 1280)  # upright: 1500 x 2000 scaled to 960 wide


def test_no_published_image_carries_metadata(output):
    for path in images_in(output):
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not {"exif", "xmp", "icc_profile"} & set(image.info), path


def test_no_source_photo_is_copied_as_is(output):
    published = {hashlib.sha256(p.read_bytes()).hexdigest() for p in images_in(output)}
    assert not published & SOURCES


def test_cmyk_photo_is_published_in_rgb(output):
    with Image.open(derivative(output, "bang-ron-480.jpg")) as image:
        assert image.mode == "RGB"


def test_picture_offers_avif_and_a_jpeg_img(output):
    page = soup(output.parent, "2025/anh/")
    picture = page.find("img", alt="Hội trường").parent
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif"]
    image = picture.img
    assert unfingerprinted(image["src"]).endswith("hoi-truong-960.jpg")
    assert "hoi-truong-480.jpg 480w" in unfingerprinted(image["srcset"])
    assert image["sizes"]


def test_each_photo_links_to_its_large_version(output):
    link = (
        soup(output.parent, "2025/anh/").find("img", alt="Hội trường").find_parent("a")
    )
    assert unfingerprinted(link["href"]) == "/media/posts/2025/anh/hoi-truong-1500.jpg"
    assert (link["data-pswp-width"], link["data-pswp-height"]) == ("1500", "2000")


def test_first_photo_loads_first_the_others_lazily(output):
    images = soup(output.parent, "2025/anh/").select(".post img")
    assert images[0]["fetchpriority"] == "high" and "loading" not in images[0].attrs
    assert all(i["loading"] == "lazy" and i["decoding"] == "async" for i in images[1:])


def test_caption_and_credit_of_the_group(output):
    caption = soup(output.parent, "2025/anh/").select_one("figure.photos > figcaption")
    assert caption.get_text(" ", strip=True) == "Ba ảnh. Ảnh: Thư viện tỉnh"


def test_derivatives_are_cached_outside_output(builds):
    cache = builds[0] / ".cache/media"
    digests = json.loads((builds[0] / ".cache/digests.json").read_text())
    assert any(name.endswith(".jpg") for name in digests)  # each photo hashed once
    assert list((cache / "objects").rglob("*.avif"))


def test_a_photo_replaced_under_its_name_gets_new_addresses(build_site):
    """Caches keep a derivative a year: a new photo must never reuse its address."""
    files = {
        "posts/2025/anh/index.md": post(
            "title: Ảnh\ndate: 2025-11-06\ncategory: am-nhac",
            "![Băng rôn](bang-ron.jpg)",
        ),
        "posts/2025/anh/bang-ron.jpg": cmyk_photo(),
    }
    built = build_site(files)
    assert built.ok, built.log
    folder = built.output / "media/posts/2025/anh"
    before = {p.name for p in folder.iterdir()}
    assert all(FINGERPRINTED.search(name) for name in before)  # kept a year
    page_before = soup(built.root, "2025/anh/").select_one("picture").decode()

    replacement = io.BytesIO()
    Image.new("RGB", (500, 500), (200, 30, 30)).save(replacement, "JPEG")
    (built.root / "content/posts/2025/anh/bang-ron.jpg").write_bytes(
        replacement.getvalue()
    )
    assert run_pelican(built.root).returncode == 0
    after = {p.name for p in folder.iterdir()}
    assert {unfingerprinted(n) for n in after} == {unfingerprinted(n) for n in before}
    assert not before & after
    page_after = soup(built.root, "2025/anh/").select_one("picture").decode()
    assert not any(name in page_after for name in before)
    assert sum(name in page_before for name in before) == 4  # 480 and 500, 2 formats
