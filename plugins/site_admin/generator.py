"""Publish the editor: Decap CMS's files, its configuration and its page, /admin/.

Decap's bundle loads about 95 chunks from beside itself, so its dist/ folder
is published whole, under its version (admin/decap-3.16.3/), never renamed:
a new version gets a new folder, so browsers may keep each file a year.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican.generators import Generator

from site_base.catalogues import translations
from site_build.output import OutputFiles, output_files
from theme_support.security import policy_text

from .config import decap_config
from .settings import AdminSettings, load_settings

# Decap's own files of dist/ the page needs (not the source maps, nor the
# second build of the same code, `cms.js`).
_NEEDED = ("decap-cms.js", ".decap-cms.js", ".wasm", ".css")


def _(message: str) -> str:
    """Mark a UI string for the catalogues; the writers' gettext translates it."""
    return message


TITLE = _("Editing")
NO_SCRIPT = _("The editor needs JavaScript.")


def admin_policy(admin: AdminSettings) -> str:
    """Return /admin/'s own Content-Security-Policy.

    Decap inserts its styles as <style> elements (hence 'unsafe-inline' for
    styles), checks its configuration with a validator that compiles code
    ('unsafe-eval'), shows uploads and avatars as blob: and GitHub images,
    and talks to GitHub's API, the sign-in proxy and, on a writer's computer,
    decap-server. Only the editor's page gets these; the site's pages do not.
    """
    connect = ["'self'", "https://api.github.com"]
    for address in (admin.auth_url, admin.local_backend):
        if address:
            parts = urlsplit(address)
            connect.append(f"{parts.scheme}://{parts.netloc}")
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            "https://avatars.githubusercontent.com",
            "https://raw.githubusercontent.com",
        ],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": [*connect, "blob:"],
        "frame-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return policy_text(directives)


class AdminGenerator(Generator):
    """Write /admin/: Decap's files, config.yml and the page that loads them."""

    def generate_context(self) -> None:
        """Check ADMIN now, so a mistake stops the build before anything is written."""
        self.admin = load_settings(self.settings, Path.cwd())

    def generate_output(self, writer: Any) -> None:
        """Copy Decap (unchanged files stay), write the configuration and the page."""
        del writer  # plain files: nothing here is a page of the site
        files = output_files(self.context, self.output_path)
        admin = self.admin
        _copy_needed(admin.decap, admin.folder, files)
        # The site's language (or MESSAGES_LANG), not the build machine's
        # SITE_MESSAGES_LANG: the editor is published for the staff.
        lang = self.settings.get("MESSAGES_LANG") or self.settings["DEFAULT_LANG"]
        gettext = translations(self.settings["THEME"], lang).gettext
        config = decap_config(admin, self.context["CONTENT_CHECK"], lang, gettext)
        files.write_text(
            f"{admin.url}/config.yml",
            # JSON is YAML: one line per key, in a stable order.
            json.dumps(config, ensure_ascii=False, indent=2) + "\n",
        )
        files.write_text(
            f"{admin.url}/index.html", admin_page(admin, self.context, gettext)
        )


def admin_page(admin: AdminSettings, context: dict[str, Any], gettext) -> str:
    """Return admin/index.html: the policy, the configuration, Decap, our setup."""
    siteurl = context.get("SITEURL", "")
    assets = context["ASSETS"]
    setup = f"{siteurl}/{assets['js/admin.js']}"
    stylesheet = f"{siteurl}/{assets['css/site.css']}"
    title = html.escape(f"{gettext(TITLE)} · {context.get('SITENAME', '')}")
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(context["DEFAULT_LANG"])}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{html.escape(admin_policy(admin))}">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        f"<noscript>{html.escape(gettext(NO_SCRIPT))}</noscript>\n"
        f'<script src="decap-{admin.version}/decap-cms.js"></script>\n'
        f'<script src="{html.escape(setup)}" '
        f'data-stylesheet="{html.escape(stylesheet)}"></script>\n'
        "</body>\n</html>\n"
    )


def _copy_needed(source: Path, folder: str, files: OutputFiles) -> None:
    """Copy the files of Decap's dist/ the editor loads (not its source maps)."""
    for file in sorted(source.iterdir()):
        if file.name.endswith(_NEEDED) and not file.name.endswith(".map"):
            files.copy(file, f"{folder}/{file.name}")


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the editor's generator."""
    return AdminGenerator
