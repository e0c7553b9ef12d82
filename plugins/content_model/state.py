"""The content check of the running build, shared by the receivers and the reader."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .checker import SiteCheck, check_site
from .problems import ContentProblems

logger = logging.getLogger(__name__)


class BuildState:
    """Holds the latest check so the reader renders nothing twice."""

    def __init__(self) -> None:
        self.check: SiteCheck | None = None

    def run_check(self, settings: dict[str, Any]) -> SiteCheck:
        """Check all content; report every problem and stop the build on errors."""
        self.check = check_site(settings)
        self.check.problems.report(self.check.cfg.site)
        if not self.check.ok:
            raise ContentProblems
        return self.check

    def document(self, path: Path, settings: dict[str, Any]):
        """Return the checked document of `path`, checking the site if not yet done."""
        path = path.resolve()
        if self.check is None or path not in self.check.documents:
            self.run_check(settings)
        return self.check.documents[path]


BUILD = BuildState()
