"""A page paints its first screen from its own <style>, before the stylesheet arrives.

On a slow network the whole stylesheet, loaded at the end of <body>, comes
seconds after the page: what the reader sees first must already be laid out
and coloured as it will stay, or it jumps when the file arrives.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/en/",
    "/2025/hoi-nghi-ban-doc-2025/",
    "/en/2025/hoi-nghi-ban-doc-2025/",
    "/people/phung-chien/",
    "/works/chieu-muong-hum/",
    "/galleries/",
    "/search/",
    "/archives/",
    "/category/su-kien/",
]
SCREENS = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]

# Where each element of the first screen is (the part of it on the screen)
# and how it looks.
FIRST_SCREEN = """() => [...document.body.querySelectorAll('*')].flatMap(element => {
    const box = element.getBoundingClientRect();
    if (!box.width || box.top >= innerHeight || box.bottom <= 0) return [];
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden') return [];
    const name = element.tagName.toLowerCase() + '.' + [...element.classList].join('.');
    const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
    return [[name, Math.round(box.x), Math.round(top), Math.round(box.width),
             Math.round(bottom - top), style.color, style.backgroundColor,
             style.fontSize, style.fontWeight]];
})"""


def first_screen(new_page, url: str, viewport: dict, *, stylesheet: bool) -> list:
    page = new_page(viewport=viewport)
    if not stylesheet:
        page.route("**/theme/css/*.css", lambda route: route.abort())
    page.goto(url, wait_until="load")
    page.emulate_media(color_scheme="light")
    layout = page.evaluate(FIRST_SCREEN)
    page.close()
    return layout


@pytest.mark.parametrize("path", PAGES)
def test_the_first_screen_is_laid_out_before_the_stylesheet_arrives(
    new_page, site_url, path
):
    for viewport in SCREENS:
        before = first_screen(new_page, site_url + path, viewport, stylesheet=False)
        after = first_screen(new_page, site_url + path, viewport, stylesheet=True)
        moved = [(b, a) for b, a in zip(before, after, strict=False) if b != a]
        assert len(before) == len(after), (viewport, len(before), len(after))
        assert not moved, (viewport, moved[:3])
