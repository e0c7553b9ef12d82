"""The published files themselves: valid HTML, and no link that leads nowhere."""

from __future__ import annotations

import pytest

from site_gates.files import broken_links, html_errors

pytestmark = pytest.mark.gates


def test_every_page_is_valid_html(build):
    errors = html_errors(build.output)[build.output]
    shown = [error.replace(f"file:{build.output}/", "/") for error in errors]
    assert not shown, "Nu Html Checker:\n" + "\n".join(shown)


def test_no_link_leads_nowhere(build):
    broken = broken_links(build.output, build.url)
    assert not broken, "broken links (page -> link):\n" + "\n".join(broken)
