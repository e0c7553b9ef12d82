"""Gates: what must hold of the files to publish, checked as readers meet them.

`invoke test` runs them on the sample site's production build; `invoke gates
--output DIR --siteurl URL` on any build (the publish workflow runs them on
the files it deploys). A failure names the page and the rule. The build, its
address and the browser are the plugin's fixtures (site_gates.plugin).
"""

from __future__ import annotations

import pytest

from site_gates.fixtures import production_settings
from site_gates.gates.pages import pages_by_type

# The languages whose pages live under /<lang>/ (all but the first).
OTHER_LANGUAGES = tuple(production_settings()["LANGUAGES"][1:])


@pytest.fixture(scope="session")
def pages(published) -> dict[str, str]:
    """Return {page type: address} of the build's pages, one of each type."""
    return pages_by_type(published, OTHER_LANGUAGES)
