"""Sveltia CMS's browser build, published with the site, loading nothing from elsewhere.

Sveltia's build is made to be loaded from a CDN: it asks unpkg.com for the
interface in other languages than English (`<unpkg>/@sveltia/cms@<version>/
locales/vi.json`) and jsDelivr for its fonts (the icons among them). Here
both come from the site: the build's base address for locales becomes
`/admin/sveltia` (so `/admin/sveltia@<version>/locales/vi.json`), and each
font address becomes the same font file of the package's own npm build.
Addresses are absolute paths: the script resolves some against the page
and imports others against itself. The setup script's preview template
makes Sveltia load Immutable (Decap's data type) from unpkg too: it is
published from the package's own dependency, under the address Sveltia
computes (modules/immutable@<version>/). Nothing else of the build changes;
an address not found exactly as expected stops the build (a new version of
Sveltia must be looked at before it is published).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from site_base.settings import SettingsError

CDN_BASE = "https://unpkg.com/@sveltia/cms"
FONT_ADDRESS = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/"
    r"(?P<family>[a-z0-9-]+)(?::vf)?@[0-9.]+/(?P<face>[a-z0-9-]+)\.woff2"
)
FONTS_FOLDER = "fonts"
SCRIPT = "sveltia-cms.js"
MODULES_FOLDER = "modules"
# Where the build loads a library from: `https://unpkg.com/<name>@<version>`.
CDN_MODULES = "`https://unpkg.com/${"
# The libraries the editor's setup makes Sveltia load, and the file it loads.
MODULES = {"immutable": "dist/immutable.es.js"}


def published_script(package: Path, folder: str) -> tuple[str, dict[str, Path]]:
    """Return Sveltia's script as published, and the fonts it then loads by name.

    `folder` is the absolute path of the folder the files are published in
    (/admin/sveltia@0.221.1/); its name is the package's, at its version.
    """
    base = folder.rstrip("/").rsplit("@", 1)[0]
    script = (package / "dist" / SCRIPT).read_text("utf-8")
    if script.count(f"`{CDN_BASE}`") != 1:
        raise SettingsError(
            f"{package}: Sveltia's locale address ({CDN_BASE}) has changed: "
            "site_admin.bundle must be updated for this version"
        )
    script = script.replace(f"`{CDN_BASE}`", f"`{base}`")
    if script.count(CDN_MODULES) != 1:
        raise SettingsError(
            f"{package}: Sveltia's library address ({CDN_MODULES}) has changed: "
            "site_admin.bundle must be updated for this version"
        )
    script = script.replace(CDN_MODULES, f"`{folder}{MODULES_FOLDER}/${{")
    fonts: dict[str, Path] = {}

    def local_font(found: re.Match) -> str:
        pattern = f"{found['family']}-{found['face']}-*.woff2"
        files = sorted((package / "npm" / "assets").glob(pattern))
        if len(files) != 1:
            raise SettingsError(
                f"{package}: no font file {pattern} for {found[0]} in the package"
            )
        fonts[files[0].name] = files[0]
        return f"{folder}{FONTS_FOLDER}/{files[0].name}"

    script = FONT_ADDRESS.sub(local_font, script)
    if "cdn.jsdelivr.net/fontsource" in script:
        raise SettingsError(f"{package}: a font address of Sveltia was not recognised")
    return script, fonts


def published_files(package: Path) -> dict[str, Path]:
    """Return the package's files published as they are, by their published path."""
    files = {"LICENSE.txt": package / "LICENSE.txt"}
    files.update(
        {
            f"chunks/{chunk.name}": chunk
            for chunk in (package / "dist/chunks").glob("*.js")
        }
    )
    files.update({f"locales/{f.name}": f for f in (package / "locales").glob("*.json")})
    for notice in (package / "npm" / "assets").glob("*.LICENSE.txt"):
        files[f"{FONTS_FOLDER}/{notice.name}"] = notice
    wanted = json.loads((package / "package.json").read_text("utf-8"))["dependencies"]
    for name, path in MODULES.items():
        # Sveltia asks for the version its package.json names, less its ^ or ~.
        version = re.sub(r"^\D", "", wanted[name])
        # npm nests it under the package when another version is hoisted.
        source = package / "node_modules" / name
        if not (source / path).is_file():
            source = package.parent.parent / name
        files[f"{MODULES_FOLDER}/{name}@{version}/{path}"] = source / path
        files[f"{MODULES_FOLDER}/{name}@{version}/LICENSE"] = source / "LICENSE"
    return files
