"""The site_admin plugin's settings: ADMIN over these defaults, checked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from site_base.settings import SettingsError, merged_settings

DEFAULTS: dict[str, Any] = {
    # Sveltia CMS's npm package (@sveltia/cms): its browser build, chunks,
    # locales and fonts are published under admin/sveltia@<version>/.
    "sveltia": "node_modules/@sveltia/cms",
    # Where the editor lives on the site.
    "url": "admin/",
    # The GitHub repository the editor writes to (owner/name) and its branch.
    "repo": "",
    "branch": "main",
    # Optional: the OAuth client of a GitHub app and the address of its
    # sign-in service (docs/editor-sign-in.md); without them staff sign in with
    # a personal access token, and nothing more runs anywhere.
    "app_id": "",
    "auth_url": "",
    # Drafts, in review, ready: a second person publishes.
    "editorial_workflow": True,
    # The address of a GitHub-like API (`invoke edit`'s local host, the
    # tests'); "" is GitHub itself.
    "api_root": "",
    # `invoke edit` only: the token of this run of the local host, with which
    # the editor signs the writer in (never on the public site).
    "local_token": "",
}


@dataclass(frozen=True)
class AdminSettings:
    """Checked ADMIN settings."""

    sveltia: Path
    version: str
    url: str
    repo: str
    branch: str
    app_id: str
    auth_url: str
    editorial_workflow: bool
    api_root: str
    local_token: str

    @property
    def bundle(self) -> str:
        """Return the folder of Sveltia's files, relative to the editor's page.

        Sveltia asks for its locales at `<where it came from>@<version>/locales/`,
        so the folder is named that way: sveltia@0.221.1/.
        """
        return f"sveltia@{self.version}/"

    @property
    def folder(self) -> str:
        """Return where Sveltia's files are published: admin/sveltia@0.221.1/."""
        return f"{self.url}{self.bundle}"


def load_settings(settings: dict[str, Any], root: Path) -> AdminSettings:
    """Merge ADMIN over the defaults and check it; `root` is the site's folder."""
    merged = merged_settings(settings, "ADMIN", DEFAULTS)
    sveltia = Path(merged["sveltia"])
    sveltia = sveltia if sveltia.is_absolute() else root / sveltia
    package = sveltia / "package.json"
    if not (sveltia / "dist/sveltia-cms.js").is_file() or not package.is_file():
        raise SettingsError(
            f"ADMIN['sveltia']: no Sveltia CMS in {sveltia}: run npm ci"
        )
    version = json.loads(package.read_text(encoding="utf-8"))["version"]
    if merged["repo"] and not re.fullmatch(r"[\w.-]+/[\w.-]+", merged["repo"]):
        raise SettingsError("ADMIN['repo'] must be owner/name of a GitHub repository")
    for key in ("auth_url", "api_root"):
        if merged[key] and not re.match(r"https?://", merged[key]):
            raise SettingsError(f"ADMIN[{key!r}] must be an http(s) address or ''")
    if bool(merged["app_id"]) != bool(merged["auth_url"]):
        raise SettingsError(
            "ADMIN['app_id'] and ADMIN['auth_url'] go together: the GitHub OAuth "
            "app's client id and the address of its sign-in service"
        )
    url = merged["url"].strip("/") + "/"
    return AdminSettings(
        sveltia=sveltia,
        version=version,
        url=url,
        repo=merged["repo"],
        branch=merged["branch"],
        app_id=str(merged["app_id"]),
        auth_url=merged["auth_url"],
        editorial_workflow=bool(merged["editorial_workflow"]),
        api_root=merged["api_root"].rstrip("/"),
        local_token=_local_token(merged),
    )


def _local_token(merged: dict[str, Any]) -> str:
    """Return the local token; it may only go with a local host on this computer."""
    token = str(merged["local_token"])
    host = urlsplit(merged["api_root"]).hostname
    if token and host not in ("127.0.0.1", "localhost"):
        raise SettingsError("ADMIN['local_token'] goes only with a local api_root")
    return token
