"""Key pages in Chromium: no axe-core violation (WCAG 2.2 AA), in light and dark mode."""

from __future__ import annotations

import pytest

from tests.support import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = [
    "/",
    "/2025/hoi-nghi-ban-doc-2025/",
    "/en/2025/hoi-nghi-ban-doc-2025/",
    "/category/su-kien/",
    "/tag/van-hoa-doc/",
    "/by/ban-bien-tap/",
    "/2025/",
    "/gioi-thieu/",
    "/404.html",
    "/en/",
    "/en/404.html",
    "/galleries/",
    "/people/",
    "/people/phung-chien/",
    "/people/tac-gia-mau-mot/",
    "/works/",
    "/works/chieu-muong-hum/",
    "/works/sach-mau-chuyen-ke-ben-bep-lua/",
    "/feeds/",
    "/en/feeds/",
]


def violations(page) -> list[str]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # Only violations are collected in detail: axe runs faster, nothing is lost.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{v['id']}: {node['target']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_accessibility_violation_in_light_and_dark_mode(
    new_page, site_url, path
):
    page = new_page(bypass_csp=True)
    page.goto(site_url + path)
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        found[scheme] = violations(page)
    assert found == {"light": [], "dark": []}


def test_axe_reports_a_real_violation(new_page):
    """Guard against a check that cannot fail: a photo without alt text is caught."""
    page = new_page()
    page.set_content(
        '<html lang="vi"><body><main><img src="x.png"></main></body></html>'
    )
    assert any(found.startswith("image-alt") for found in violations(page))
