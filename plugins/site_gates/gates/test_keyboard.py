"""Keyboard alone: the menu, the article, a photo and its lightbox, the language
switcher, the share bar and the feeds are reached with Tab, each with a visible focus.
"""

from __future__ import annotations

import pytest

from site_gates.browser import open_loaded

pytestmark = [pytest.mark.browser, pytest.mark.gates]

MAX_TABS = 250
# What a keyboard user must reach on a post with photos, as CSS selectors.
TARGETS = {
    "the menu": ".site-nav a",
    "the language switcher": ".language-switcher a",
    "the article": "main article a",
    "a gallery photo": "a.photo-link",
    "the share bar": ".share a, .share button",
    "the feeds": "a[href$='/feeds/']",
}
FOCUSED = """selectors => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== 'none';
    return {
        reached: Object.entries(selectors)
            .filter(([, selector]) => el.matches(selector)).map(([name]) => name),
        visible,
        html: el.outerHTML.slice(0, 120),
    };
}"""


def test_keyboard_reaches_everything_with_visible_focus(reused_tab, build, pages):
    kind = "post"
    if kind not in pages:
        pytest.skip("this build has no post")
    path = pages[kind]
    page = reused_tab(viewport={"width": 390, "height": 844})
    open_loaded(page, f"{build.url}/{path}")
    # What the page has (a post may have no photo, a site one language).
    present = {name: css for name, css in TARGETS.items() if page.locator(css).count()}
    reached: set[str] = set()
    invisible: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED, present)
        if not focus["visible"]:
            invisible.append(focus["html"])
        reached.update(focus["reached"])
        if reached == set(present):
            break
    missing = sorted(set(present) - reached)
    problems = [f"not reached with Tab: {name}" for name in missing]
    problems += [f"focus not visible on {html}" for html in invisible]
    assert not problems, f"/{path}:\n" + "\n".join(problems)


def test_a_photo_opens_and_closes_its_lightbox_from_the_keyboard(
    reused_tab, build, pages
):
    path = pages.get("post")
    if path is None:
        pytest.skip("this build has no post")
    page = reused_tab(viewport={"width": 390, "height": 844})
    open_loaded(page, f"{build.url}/{path}")
    if not page.locator("a.photo-link").count():
        pytest.skip(f"/{path} has no photo")
    page.locator("a.photo-link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-lightbox-state=open]")
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-lightbox-state]", state="detached")
    page.wait_for_selector(".pswp", state="detached")
    returned = page.evaluate("() => document.activeElement.matches('a.photo-link')")
    assert returned, f"/{path}: after the lightbox closes, focus is not on the photo"
