"""Gates: what must hold of the files to publish, checked as readers meet them.

`invoke test` runs them on the sample site's production build; `invoke gates
--output DIR --siteurl URL` on any build (the publish workflow runs them on
the files it deploys). A failure names the page and the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican.settings import read_settings

from tests.gates.pages import pages_by_type
from tests.support import REPO, local_file

# The languages whose pages live under /<lang>/ (all but the first).
OTHER_LANGUAGES = tuple(read_settings(str(REPO / "publishconf.py"))["LANGUAGES"][1:])


@pytest.fixture(scope="session")
def pages(published) -> dict[str, str]:
    """Return {page type: address} of the build's pages, one of each type."""
    return pages_by_type(published, OTHER_LANGUAGES)


@dataclass(frozen=True)
class Build:
    """The build the gates check: its folder and the SITEURL it was built for."""

    output: Path
    url: str

    def file(self, address: str) -> Path | None:
        """Return the file an address of the site names (None: another site's)."""
        return local_file(self.output, self.url, address)


@pytest.fixture(scope="session")
def build(published, site_url) -> Build:
    """Return the build under check."""
    return Build(published, site_url)
