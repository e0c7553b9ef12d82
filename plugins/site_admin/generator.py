"""Publish the editor: Sveltia CMS's files, its configuration and its page, /admin/.

Sveltia's files go under its version (admin/sveltia@0.221.1/), never
renamed: a new version gets a new folder, so browsers may keep each file a
year. They are published self-hosted (site_admin.bundle): the editor loads
nothing from another site.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican.generators import Generator

from site_base.catalogues import translations
from site_build.facts import site_root
from site_build.output import OutputFiles, output_files
from theme_support.security import policy_text

from .bundle import SCRIPT, published_files, published_script
from .config import editor_config
from .settings import AdminSettings, load_settings

# What the editor reaches besides its own site: GitHub's API, its status page
# (the editor says when GitHub has trouble) and its avatars.
GITHUB_CONNECT = ("https://api.github.com", "https://www.githubstatus.com")


def _(message: str) -> str:
    """Mark a UI string for the catalogues; the writers' gettext translates it."""
    return message


TITLE = _("Editing")
NO_SCRIPT = _("The editor needs JavaScript.")


def admin_policy(admin: AdminSettings) -> str:
    """Return /admin/'s own Content-Security-Policy.

    Sveltia inserts its styles as <style> elements and style attributes
    (hence 'unsafe-inline' for styles), encodes photos with WebAssembly,
    shows uploads and avatars as blob: and GitHub images, and talks to
    GitHub's API (or the local host's, `invoke edit`) and, if the library
    runs one, the sign-in service. Only the editor's page gets these; the
    site's pages do not.
    """
    connect = ["'self'", *GITHUB_CONNECT]
    for address in (admin.auth_url, admin.api_root):
        if address:
            parts = urlsplit(address)
            connect.append(f"{parts.scheme}://{parts.netloc}")
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'", "blob:"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            "https://avatars.githubusercontent.com",
            "https://raw.githubusercontent.com",
        ],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": [*connect, "blob:", "data:"],
        "frame-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return policy_text(directives)


class AdminGenerator(Generator):
    """Write /admin/: Sveltia's files, config.yml and the page that loads them."""

    def generate_context(self) -> None:
        """Check ADMIN now, so a mistake stops the build before anything is written."""
        self.admin = load_settings(self.settings, Path.cwd())

    def generate_output(self, writer: Any) -> None:
        """Copy Sveltia (unchanged files stay), write the configuration and the page."""
        del writer  # plain files: nothing here is a page of the site
        files = output_files(self.context, self.output_path)
        admin = self.admin
        root = urlsplit(self.settings.get("SITEURL", "")).path.rstrip("/")
        _publish_sveltia(admin, f"{root}/{admin.folder}", files)
        # The site's language (or MESSAGES_LANG), not the build machine's
        # SITE_MESSAGES_LANG: the editor is published for the staff.
        lang = self.settings.get("MESSAGES_LANG") or self.settings["DEFAULT_LANG"]
        site = site_root(self.settings)
        gettext = translations(self.settings["THEME"], lang, site).gettext
        site_url = self.settings.get("SITEURL", "")
        config = editor_config(admin, self.context["CONTENT_CHECK"], site_url, gettext)
        files.write_text(
            f"{admin.url}/config.yml",
            # JSON is YAML: one line per key, in a stable order.
            json.dumps(config, ensure_ascii=False, indent=2) + "\n",
        )
        files.write_text(
            f"{admin.url}/index.html", admin_page(admin, self.context, gettext)
        )


def admin_page(admin: AdminSettings, context: dict[str, Any], gettext) -> str:
    """Return admin/index.html: the policy, the configuration, Sveltia, our setup."""
    siteurl = context.get("SITEURL", "")
    assets = context["ASSETS"]
    setup = f"{siteurl}/{assets['js/admin.js']}"
    stylesheet = f"{siteurl}/{assets['css/site.css']}"
    title = html.escape(f"{gettext(TITLE)} · {context.get('SITENAME', '')}")
    # `invoke edit`: the editor signs the writer in to the local host.
    local = (
        f' data-local-token="{html.escape(admin.local_token)}"'
        if admin.local_token
        else ""
    )
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
        f'<script src="{admin.bundle}{SCRIPT}"></script>\n'
        f'<script src="{html.escape(setup)}" '
        f'data-stylesheet="{html.escape(stylesheet)}"{local}></script>\n'
        "</body>\n</html>\n"
    )


def _publish_sveltia(admin: AdminSettings, public: str, files: OutputFiles) -> None:
    """Write Sveltia's script (self-hosted), its chunks, locales and fonts.

    `public` is the absolute path the files are served from.
    """
    script, fonts = published_script(admin.sveltia, public)
    files.write_text(f"{admin.folder}{SCRIPT}", script)
    for name, source in fonts.items():
        files.copy(source, f"{admin.folder}fonts/{name}")
    for path, source in published_files(admin.sveltia).items():
        files.copy(source, f"{admin.folder}{path}")


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the editor's generator."""
    return AdminGenerator
