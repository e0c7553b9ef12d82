"""The site_admin plugin's settings: ADMIN over these defaults, checked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_base.settings import SettingsError, merged_settings

DEFAULTS: dict[str, Any] = {
    # Decap CMS's dist/ folder (npm decap-cms), published whole under
    # admin/decap-<version>/: it loads its chunks from beside itself.
    "decap": "node_modules/decap-cms/dist",
    # Where the editor lives on the site.
    "url": "admin/",
    # The GitHub repository the editor writes to (owner/name) and its branch.
    "repo": "",
    "branch": "main",
    # The OAuth proxy that signs staff in to GitHub (README: "The editor").
    "auth_url": "",
    # Drafts, in review, ready: a second person publishes.
    "editorial_workflow": True,
    # decap-server's address when the editor runs on this computer
    # (`invoke edit`); "" leaves it out (production builds).
    "local_backend": "http://127.0.0.1:8081/api/v1",
}


@dataclass(frozen=True)
class AdminSettings:
    """Checked ADMIN settings."""

    decap: Path
    version: str
    url: str
    repo: str
    branch: str
    auth_url: str
    editorial_workflow: bool
    local_backend: str

    @property
    def folder(self) -> str:
        """Return where Decap's files are published: admin/decap-3.16.3/."""
        return f"{self.url}decap-{self.version}/"


def load_settings(settings: dict[str, Any], root: Path) -> AdminSettings:
    """Merge ADMIN over the defaults and check it; `root` is the site's folder."""
    merged = merged_settings(settings, "ADMIN", DEFAULTS)
    decap = Path(merged["decap"])
    decap = decap if decap.is_absolute() else root / decap
    package = decap.parent / "package.json"
    if not (decap / "decap-cms.js").is_file() or not package.is_file():
        raise SettingsError(f"ADMIN['decap']: no Decap CMS in {decap}: run npm ci")
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    if merged["repo"] and not re.fullmatch(r"[\w.-]+/[\w.-]+", merged["repo"]):
        raise SettingsError("ADMIN['repo'] must be owner/name of a GitHub repository")
    for key in ("auth_url", "local_backend"):
        if merged[key] and not re.match(r"https?://", merged[key]):
            raise SettingsError(f"ADMIN[{key!r}] must be an http(s) address or ''")
    url = merged["url"].strip("/") + "/"
    return AdminSettings(
        decap=decap,
        version=version,
        url=url,
        repo=merged["repo"],
        branch=merged["branch"],
        auth_url=merged["auth_url"],
        editorial_workflow=bool(merged["editorial_workflow"]),
        local_backend=merged["local_backend"],
    )
