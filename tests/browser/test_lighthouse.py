"""Lighthouse on the home page and the model article: nothing lost in the redesign.

Accessibility, best practices and SEO must stay at 100. Performance is
measured by `invoke lighthouse` and reported, not tested: it moves with the
machine's load.
"""

from __future__ import annotations

import pytest

from site_base.loopback import free_port
from site_preview.static_server import serve
from tools.lighthouse import audit, build

pytestmark = [pytest.mark.browser, pytest.mark.long]

PAGES = ["/", "/2025/hoi-nghi-ban-doc-2025/"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample site built for a 127.0.0.1 address and served as a host would."""
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    output = tmp_path_factory.mktemp("lighthouse") / "output"
    build(output, siteurl)
    server, _url = serve(output, port)
    yield siteurl
    server.shutdown()


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_stay_at_100(served, tmp_path, path):
    scores = audit(served + path, tmp_path / "report.json")
    assert (
        scores["accessibility"],
        scores["best-practices"],
        scores["seo"],
    ) == (100, 100, 100), scores
