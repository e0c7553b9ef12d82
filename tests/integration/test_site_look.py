"""A site's colours, favicon and cards are its own, set without touching the theme."""

from __future__ import annotations

import io
import os
import re

import pytest
from PIL import Image

from site_build.defaults import generator_settings
from tests.support import REPO, post, run_pelican, soup, write_site

FILES = {
    "posts/2026/ngay-hoi/index.md": post(
        "title: Ngày hội đọc sách\ndate: 2026-04-21\ncategory: am-nhac"
    ),
}
GREEN = "#1b5e20"
CARD_FONTS = generator_settings(REPO)["PAGE_METADATA"]["card"]
FAVICON = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#1b5e20"/></svg>'

# The site's own files read as text: (folder, a file's name, what they are).
SITES_OWN_TEXT_FILES = [
    ("templates", "not_found.html", "templates"),
    ("translations/vi/LC_MESSAGES", "messages.po", "message catalogues"),
]


def _asset(root, page, rel):
    link = page.select_one(f'link[rel="{rel}"]')
    return (root / "output" / link["href"].lstrip("/")).read_bytes()


def test_a_site_sets_its_colours_favicon_and_cards(tmp_path):
    root = write_site(tmp_path, FILES)
    (root / "static").mkdir()
    (root / "static" / "favicon.svg").write_bytes(FAVICON)
    built = run_pelican(
        root,
        THEME_SUPPORT={
            "colours": {"light": {"accent": GREEN}},
            "font": '"Noto Serif", Georgia, serif',
        },
        PAGE_METADATA={"card": {**CARD_FONTS, "text": "#fffde7"}},
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page = soup(root, "2026/ngay-hoi/")
    assert f"--accent:{GREEN}" in page.style.get_text()
    assert ':root{--font-text:"Noto Serif",Georgia,serif}' in page.style.get_text()
    stylesheet = next((root / "output/theme/css").glob("site.*.css")).read_text()
    assert stylesheet.rstrip().endswith(
        f':root{{--accent:{GREEN}}}\n:root{{--font-text:"Noto Serif", Georgia, serif}}'
    )
    assert _asset(root, page, "icon") == FAVICON
    # The card: the site's accent behind the title, the colour it gave the text.
    card_url = page.select_one('meta[property="og:image"]')["content"]
    card_path = root / "output" / re.sub(r"^(https?://[^/]+)?/", "", card_url)
    card = Image.open(io.BytesIO(card_path.read_bytes())).convert("RGB")
    corner = card.getpixel((5, 5))
    assert all(abs(a - b) < 6 for a, b in zip(corner, (0x1B, 0x5E, 0x20), strict=True))


def test_the_theme_looks_as_it_does_without_the_sites_files(tmp_path):
    root = write_site(tmp_path, FILES)
    built = run_pelican(root, THEME_SUPPORT={"colours": {}})
    assert built.returncode == 0, built.stdout + built.stderr
    page = soup(root, "2026/ngay-hoi/")
    assert "--accent: #1f5f5b;" in page.style.get_text()
    assert "The site's colours" not in page.style.get_text()
    assert (
        _asset(root, page, "icon") == (REPO / "theme/static/favicon.svg").read_bytes()
    )


def test_a_link_in_the_sites_static_files_is_refused(tmp_path):
    root = write_site(tmp_path, FILES)
    (root / "static").mkdir()
    os.symlink("/etc/passwd", root / "static" / "favicon.svg")
    built = run_pelican(root)
    assert built.returncode != 0
    assert "a link in the site's static files" in built.stdout + built.stderr
    assert not list((root / "output").glob("**/favicon*"))


def test_a_font_that_is_not_a_list_of_names_is_refused(tmp_path):
    root = write_site(tmp_path, FILES)
    built = run_pelican(root, THEME_SUPPORT={"font": "serif}body{display:none"})
    assert built.returncode != 0
    assert "THEME_SUPPORT['font'] must be font names" in built.stdout + built.stderr


@pytest.mark.parametrize(("folder", "name", "what"), SITES_OWN_TEXT_FILES)
def test_a_link_in_the_sites_templates_or_catalogues_is_refused(
    tmp_path, folder, name, what
):
    root = write_site(tmp_path, FILES)
    (root / folder).mkdir(parents=True)
    os.symlink("/etc/passwd", root / folder / name)
    built = run_pelican(root)
    shown = " ".join((built.stdout + built.stderr).split())  # lines folded
    assert built.returncode != 0
    assert f"a link in the site's {what}" in shown
    assert "root:" not in shown


@pytest.mark.parametrize(("folder", "name", "what"), SITES_OWN_TEXT_FILES)
def test_a_file_of_the_sites_own_not_in_utf8_is_refused_by_name(
    tmp_path, folder, name, what
):
    root = write_site(tmp_path, FILES)
    (root / folder).mkdir(parents=True)
    (root / folder / name).write_bytes('msgid "Không có"'.encode("utf-16"))
    built = run_pelican(root)
    shown = " ".join((built.stdout + built.stderr).split())  # lines folded
    assert built.returncode != 0
    assert f"{name}: not UTF-8 text; save it as UTF-8" in shown
    assert what.split()[-1] in shown
    assert "Traceback" not in shown and "UnicodeDecodeError" not in shown


FONT = {
    "font": '"Doc Sans", system-ui, sans-serif',
    "font_files": [
        {"family": "Doc Sans", "file": "fonts/DocSans.woff2", "weight": "400 700"}
    ],
}


def test_a_site_publishes_its_own_font_files(tmp_path):
    root = write_site(tmp_path, FILES)
    (root / "static/fonts").mkdir(parents=True)
    (root / "static/fonts/DocSans.woff2").write_bytes(b"wOF2 not a real font")
    built = run_pelican(root, THEME_SUPPORT=FONT, SITEURL="https://doc.example")
    assert built.returncode == 0, built.stdout + built.stderr
    style = soup(root, "2026/ngay-hoi/").style.get_text()
    face = re.search(r'@font-face\{font-family:"Doc Sans";src:url\("([^"]+)"\)', style)
    assert face, style[-400:]
    assert face[1].startswith("https://doc.example/theme/fonts/DocSans.")
    assert 'format("woff2");font-weight:400 700;font-style:normal;' in style
    assert "font-display:optional}" in style  # never moves the text on a slow phone
    assert ':root{--font-text:"Doc Sans",system-ui,sans-serif}' in style
    published = root / "output" / face[1].removeprefix("https://doc.example/")
    assert published.read_bytes() == b"wOF2 not a real font"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            [{"family": "Other Sans", "file": "fonts/DocSans.woff2"}],
            "the family 'Other Sans' must be one of the fonts",
        ),
        (
            [{"family": "Doc Sans", "file": "fonts/Missing.woff2"}],
            "'fonts/Missing.woff2' is not in the site's static/ folder",
        ),
        (
            [{"family": "Doc Sans", "file": "../../../etc/passwd.ttf"}],
            "must be the path of a file of the site's static/ folder",
        ),
        (
            [{"family": "Doc Sans", "file": "fonts/DocSans.woff2", "weight": "bold"}],
            "the weight of 'fonts/DocSans.woff2' must be 100 to 900",
        ),
        (
            [{"family": "Doc Sans", "file": "fonts/DocSans.svg"}],
            "'fonts/DocSans.svg' must be a .woff2, .woff, .ttf, .otf file",
        ),
    ],
)
def test_a_wrong_font_file_is_refused_with_the_reason(tmp_path, files, message):
    root = write_site(tmp_path, FILES)
    (root / "static/fonts").mkdir(parents=True)
    (root / "static/fonts/DocSans.woff2").write_bytes(b"wOF2")
    built = run_pelican(root, THEME_SUPPORT={**FONT, "font_files": files})
    shown = " ".join((built.stdout + built.stderr).split())  # lines folded
    assert built.returncode != 0
    assert message in shown
    assert "Traceback" not in shown
