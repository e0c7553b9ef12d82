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


@pytest.mark.parametrize(
    ("folder", "name", "what"),
    [
        ("templates", "not_found.html", "templates"),
        ("translations/vi/LC_MESSAGES", "messages.po", "message catalogues"),
    ],
)
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


@pytest.mark.parametrize(
    ("folder", "name", "what"),
    [
        ("templates", "not_found.html", "templates"),
        ("translations/vi/LC_MESSAGES", "messages.po", "message catalogues"),
    ],
)
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
