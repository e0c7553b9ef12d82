"""Publish the theme's static files under names that carry a digest of their bytes.

A changed stylesheet gets a new address, so browsers may cache every asset
for a year and still never show a stale one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from site_base.settings import SettingsError
from site_build.output import output_files
from site_publish.http_headers import HEADERS_FILE

from .first_screen import ThemeStyle, UnbalancedMarkers, first_screen_css, style_source
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
        sources.update(vendor_files(self.settings.get("THEME_VENDOR", {})))
        target = Path(self.settings["THEME_STATIC_DIR"])
        for name, source in sources.items():
            published = target / fingerprinted(Path(name), source.read_bytes())
            self.assets[name] = (source, published)
        self.context["ASSETS"] = {
            name: published.as_posix() for name, (_, published) in self.assets.items()
        }
        self.context["SECURITY_POLICY"] = load_policy(self.settings)
        self._share_theme_style()

    def _share_theme_style(self) -> None:
        """Share THEME_STYLE; allow its first-screen <style> in the pages' policy."""
        name = load_settings(self.settings).stylesheet
        if name not in self.assets:
            raise SettingsError(
                f"THEME_SUPPORT['stylesheet']: the theme has no static/{name}"
            )
        source, published = self.assets[name]
        try:
            css = first_screen_css(source.read_text("utf-8"))
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
        for source, published in self.assets.values():
            files.copy(source, published)
        # The pages' policy as headers, for hosts that read this file.
        policy = self.context["SECURITY_POLICY"]
        files.write_text(HEADERS_FILE, policy.headers_file())


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
