"""The rules a page must pass in the browser; each returns problems as sentences."""

from __future__ import annotations

from site_gates.site import node_module

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Return axe-core's WCAG 2.2 AA violations on the page, as "rule: element"."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(node_module("axe-core", "axe.min.js")))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{violation['id']} at {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def image_candidates(page) -> list[str]:
    """Return every address an <img> or <source> offers (src and srcset)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('img, source')].flatMap(el => [
            ...(el.getAttribute('src') ? [el.src] : []),
            ...(el.getAttribute('srcset') || '').split(',').map(c => c.trim())
              .filter(Boolean).map(c => new URL(c.split(/\\s+/)[0], document.baseURI).href),
        ])"""
    )


def feed_links(page) -> list[str]:
    """Return the feeds the page announces and links."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
            'link[rel=alternate][type$="xml"], link[rel=alternate][type$="json"],'
            + ' a[type$="xml"], a[type$="json"]')].map(el => el.href)"""
    )


def horizontal_overflow(page) -> int:
    """Return how many pixels the page is wider than the screen."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth"
        " - document.documentElement.clientWidth"
    )
