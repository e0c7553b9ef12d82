"""Key pages in Chromium: no axe-core violation (WCAG 2.2 AA), in light and dark mode."""

from __future__ import annotations

import pytest

from tests.support import REPO

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
]


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']}: {node['target']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_accessibility_violation(browser, site_url, path, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + path)
    assert violations(page) == []
    context.close()


def test_axe_reports_a_real_violation(browser):
    """Guard against a check that cannot fail: a photo without alt text is caught."""
    page = browser.new_page()
    page.set_content(
        '<html lang="vi"><body><main><img src="x.png"></main></body></html>'
    )
    assert any(found.startswith("image-alt") for found in violations(page))
    page.close()
