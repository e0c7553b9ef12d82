"""axe-core finds real violations (every page type is checked by tests/gates)."""

from __future__ import annotations

import pytest

from site_gates.gates.checks import axe_violations

pytestmark = pytest.mark.browser


def test_axe_reports_a_real_violation(new_page):
    """Guard against a check that cannot fail: a photo without alt text is caught."""
    page = new_page()
    page.set_content(
        '<html lang="vi"><body><main><img src="x.png"></main></body></html>'
    )
    assert any(found.startswith("image-alt") for found in axe_violations(page))
