"""Every page type at 390 and 1280 px: requests, console, width, images, feeds, axe."""

from __future__ import annotations

import pytest

from site_gates.browser import Traffic, listening
from site_gates.gates.checks import (
    axe_violations,
    feed_links,
    horizontal_overflow,
    image_candidates,
)
from site_gates.gates.conftest import OTHER_LANGUAGES
from site_gates.gates.pages import TYPES

pytestmark = [pytest.mark.browser, pytest.mark.gates]

PAGE_TYPES = [
    name if not lang else f"{name} ({lang})"
    for lang in ("", *OTHER_LANGUAGES)
    for name, _pattern in TYPES
]
WIDTHS = {390: 844, 1280: 800}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_passes_every_gate(reused_tab, build, pages, kind, width):
    if kind not in pages:
        pytest.skip(f"this build has no {kind} page")
    path = pages[kind]
    page = reused_tab(
        viewport={"width": width, "height": WIDTHS[width]}, bypass_csp=True
    )
    problems: list[str] = []

    def failed(response) -> None:
        if response.status >= 400 and not response.url.endswith("404.html"):
            problems.append(f"failed request: {response.url} (HTTP {response.status})")

    handlers = {
        "console": lambda m: (
            problems.append(f"console error: {m.text}") if m.type == "error" else None
        ),
        "pageerror": lambda error: problems.append(f"script error: {error}"),
        "requestfailed": lambda r: problems.append(
            f"failed request: {r.url} ({r.failure})"
        ),
        "response": failed,
    }
    with Traffic(page) as traffic, listening(page, handlers):
        traffic.open(f"{build.url}/{path}")
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"wider than the screen by {overflow} px")
        for url in image_candidates(page):
            if not (file := build.file(url)) or not file.is_file():
                problems.append(f"image missing: {url}")
        for url in feed_links(page):
            if not (file := build.file(url)) or not file.is_file():
                problems.append(f"feed missing: {url}")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            problems += [f"accessibility ({scheme}): {v}" for v in axe_violations(page)]
        traffic.settle()
    assert not problems, f"/{path} at {width} px:\n" + "\n".join(problems)
