"""Publish the theme's static files under names that carry a digest of their bytes.

A changed stylesheet gets a new address, so browsers may cache every asset
for a year and still never show a stale one. The stylesheet is published
with the site's colours after the theme's (colours.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from site_base.settings import SettingsError, check_site_files
from site_build.facts import static_overrides
from site_build.output import output_files
from site_publish.http_headers import HEADERS_FILE

from .colours import site_colours
from .first_screen import ThemeStyle, UnbalancedMarkers, first_screen_css, style_source
from .fonts import FontFile, font_css
from .security import load_policy
from .settings import load_settings

DIGEST_LENGTH = 10


def fingerprinted(relative: Path, data: bytes) -> Path:
    """Return `css/site.css` as `css/site.<digest>.css`."""
    digest = hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]
    return relative.with_name(f"{relative.stem}.{digest}{relative.suffix}")


class ThemeAssetsGenerator(Generator):
    """Put ASSETS (name -> fingerprinted URL path) in the context, then copy them."""

    def generate_context(self) -> None:
        """Hash every file of the theme's static/ folder and of THEME_VENDOR."""
        self.assets: dict[str, tuple[Path, Path]] = {}
        static = Path(self.theme) / "static"
        sources = {
            source.relative_to(static).as_posix(): source
            for source in sorted(p for p in static.rglob("*") if p.is_file())
        }
        for folder in static_overrides(self.settings):  # the site's, over the theme's
            sources.update(site_static_files(folder))
        sources.update(vendor_files(self.settings.get("THEME_VENDOR", {})))
        cfg = load_settings(self.settings)
        if cfg.stylesheet not in sources:
            raise SettingsError(
                f"THEME_SUPPORT['stylesheet']: the theme has no static/{cfg.stylesheet}"
            )
        target = Path(self.settings["THEME_STATIC_DIR"])
        # Every file under its digest; the stylesheet once made (below).
        for name, source in sources.items():
            if name != cfg.stylesheet:
                published = target / fingerprinted(Path(name), source.read_bytes())
                self.assets[name] = (source, published)
        source = sources[cfg.stylesheet]
        theme_css = source.read_text("utf-8")
        colours = site_colours(theme_css, cfg.colours)
        self.context["THEME_COLOURS"] = colours
        # The site's colours and typeface, after the theme's.
        fonts = font_addresses(cfg.font_files, self.assets, self.settings["SITEURL"])
        stylesheet = (
            theme_css + colours.css() + font_css(cfg.font, cfg.font_files, fonts)
        )
        # Files published with other bytes than their source's.
        self.made: dict[str, bytes] = {cfg.stylesheet: stylesheet.encode("utf-8")}
        published = target / fingerprinted(
            Path(cfg.stylesheet), self.made[cfg.stylesheet]
        )
        self.assets[cfg.stylesheet] = (source, published)
        self.context["ASSETS"] = {
            name: published.as_posix() for name, (_, published) in self.assets.items()
        }
        self.context["SECURITY_POLICY"] = load_policy(self.settings)
        self._share_theme_style(cfg.stylesheet, stylesheet)

    def _share_theme_style(self, name: str, stylesheet: str) -> None:
        """Share THEME_STYLE; allow its first-screen <style> in the pages' policy."""
        source, published = self.assets[name]
        try:
            css = first_screen_css(stylesheet)
        except UnbalancedMarkers as error:
            raise SettingsError(f"{source}: {error}") from None
        self.context["THEME_STYLE"] = ThemeStyle(css, published.as_posix())
        self.context["SECURITY_POLICY"] = self.context["SECURITY_POLICY"].allowing(
            "style-src", style_source(css)
        )

    def generate_output(self, writer: Any) -> None:
        """Copy each asset to its fingerprinted name."""
        del writer  # files are copied as they are
        files = output_files(self.context, self.output_path)
        for name, (source, published) in self.assets.items():
            if name in self.made:
                files.write_bytes(published, self.made[name])
            else:
                files.copy(source, published)
        # The pages' policy as headers, for hosts that read this file.
        policy = self.context["SECURITY_POLICY"]
        files.write_text(HEADERS_FILE, policy.headers_file())


def font_addresses(
    files: tuple[FontFile, ...], assets: dict[str, tuple[Path, Path]], siteurl: str
) -> dict[str, str]:
    """Return the address each font file is published at (`assets`: where each is).

    Full addresses: the first-screen <style> is in every page, at any depth.
    """
    addresses = {}
    for font in files:
        if font.file not in assets:
            raise SettingsError(
                f"THEME_SUPPORT['font_files']: '{font.file}' is not in the site's "
                "static/ folder (put the font file there)"
            )
        addresses[font.file] = f"{siteurl}/{assets[font.file][1].as_posix()}"
    return addresses


def site_static_files(folder: Path) -> dict[str, Path]:
    """Return {name: file} of a site's static folder; refuse links out of it.

    A link could publish any file of the computer that builds the site.
    """
    check_site_files(folder, "static files")
    found = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = path
    return found


class MissingVendorFile(FileNotFoundError):
    """A front-end package is not installed: npm ci was not run."""


def vendor_files(vendor: dict[str, str]) -> dict[str, Path]:
    """Return THEME_VENDOR (published name -> file from node_modules), checked."""
    files = {name: Path(path) for name, path in vendor.items()}
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise MissingVendorFile(
            f"{missing[0]} is missing: run `npm ci` (./dev does it for you)"
        )
    return files


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the assets generator."""
    return ThemeAssetsGenerator
