"""No page breaks its own Content-Security-Policy, used as readers use it."""

from __future__ import annotations

import re
from html import unescape

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from site_gates.browser import Traffic, listening
from site_gates.gates.conftest import OTHER_LANGUAGES
from site_gates.gates.pages import TYPES

pytestmark = [pytest.mark.browser, pytest.mark.gates]

PAGE_TYPES = [
    name if not lang else f"{name} ({lang})"
    for lang in ("", *OTHER_LANGUAGES)
    for name, _pattern in TYPES
]
# Every violation the page reports, from the moment it starts.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
    `${e.effectiveDirective} refused ${e.blockedURI || 'inline code'}`
    + ` (${e.sourceFile || 'the page'}:${e.lineNumber})`));
"""


def search_word(build, pages, kind: str) -> str | None:
    """Return a word the search must find: the longest of a post's title.

    The post in the search page's language (its title is on the build's
    page), so the gate asks every site for words of its own.
    """
    post = pages.get(kind.replace("search", "post"))
    if not kind.startswith("search") or post is None:
        return None
    html = (build.output / post / "index.html").read_text("utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    title = unescape(re.sub(r"<[^>]+>", " ", heading.group(1))) if heading else ""
    words = sorted(re.findall(r"\w{3,}", title), key=len, reverse=True)
    return words[0] if words else None


def use_the_page(page, traffic: Traffic, kind: str, word: str | None) -> list[str]:
    """Do what readers do on a page of this type, so its scripts run too.

    Returns what did not work (a refusal inside the search's worker is not
    reported to the page: the search then finds nothing).
    """
    if kind.startswith("search") and word:
        page.locator("#search-query").fill(word)
        try:
            page.wait_for_selector(".search-result", timeout=15_000)
        except PlaywrightTimeout:
            return [f"the search shows no result for {word!r}"]
    elif kind.startswith("post") and page.locator("a.photo-link").count():
        page.locator("a.photo-link").first.click()
        page.wait_for_selector("[data-lightbox-state=open]")
        traffic.settle()
    elif page.locator("audio").count():
        page.evaluate("() => document.querySelectorAll('audio').forEach(a => a.load())")
        traffic.settle()
    return []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_breaks_its_content_security_policy(reused_tab, build, pages, kind):
    if kind not in pages:
        pytest.skip(f"this build has no {kind} page")
    path = pages[kind]
    page = reused_tab(LISTEN, viewport={"width": 390, "height": 844})
    said: list[str] = []

    def refused(message) -> None:
        if "Content Security Policy" in message.text:
            said.append(message.text)

    with Traffic(page) as traffic, listening(page, {"console": refused}):
        traffic.open(f"{build.url}/{path}")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, f"/{path} has no Content-Security-Policy"
        failed = use_the_page(page, traffic, kind, search_word(build, pages, kind))
        traffic.settle()
    problems = page.evaluate("() => window.__violations") + said + failed
    assert not problems, f"/{path}:\n" + "\n".join(problems)
