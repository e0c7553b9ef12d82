"""The library's logo, taken from a picture on this computer (`invoke logo`).

The logo is the one picture a new site must change: the header shows it,
and search engines and feed readers take it from data/library.yml. A
writer gives any picture; it is checked (a picture, large enough) and saved
as the PNG library.yml names, all at once: a picture refused leaves the
logo as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from ruamel.yaml import YAML

from site_base.messages import Message, say

# Search engines show no smaller logo.
MIN_SIDE = 112
# Where the site's data keeps its facts, and the logo when they name none.
LIBRARY_FILE = Path("data/library.yml")
DEFAULT_LOGO = "library/logo.png"


class LogoRefused(Exception):
    """The picture cannot be the logo; `message` says why and what to do."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def logo_target(root: Path) -> Path:
    """Return the logo file data/library.yml names (a PNG, inside data/)."""
    facts = root / LIBRARY_FILE
    named = DEFAULT_LOGO
    if facts.is_file():
        data = YAML(typ="safe").load(facts.read_text("utf-8")) or {}
        named = (
            str(data.get("logo") or DEFAULT_LOGO) if isinstance(data, dict) else named
        )
    # The folder resolved, not the file: a link there is replaced, not followed.
    target = (facts.parent / named).parent.resolve() / Path(named).name
    inside = target.is_relative_to((root / "data").resolve())
    if not inside or target.suffix.lower() != ".png":
        raise LogoRefused(
            say(
                "data/library.yml names the logo '{named}': write logo: "
                "{default} there, then run this again",
                named=named,
                default=DEFAULT_LOGO,
            )
        )
    return target


def replace_logo(root: Path, source: Path) -> tuple[Path, tuple[int, int]]:
    """Save the picture `source` as the site's logo; return the file and size."""
    target = logo_target(root)
    if not source.is_file():
        raise LogoRefused(say("There is no file '{path}'.", path=source))
    try:
        with Image.open(source) as picture:
            picture.load()
            size = picture.size
            logo = picture.convert("RGBA" if _transparent(picture) else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise LogoRefused(
            say(
                "'{path}' is not a picture: give a PNG, JPEG or WebP file",
                path=source,
            )
        ) from None
    if min(size) < MIN_SIDE:
        raise LogoRefused(
            say(
                "'{path}' is {width}x{height} px: the logo must be at least "
                "{side}x{side} px (search engines show no smaller logo)",
                path=source,
                width=size[0],
                height=size[1],
                side=MIN_SIDE,
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then put in place at once: never half a logo.
    handle, temporary = tempfile.mkstemp(suffix=".png", dir=target.parent)
    os.close(handle)
    try:
        logo.save(temporary, "PNG", optimize=True)
        Path(temporary).chmod(0o644)  # as any file of the site (mkstemp: 0600)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target, size


def _transparent(picture: Image.Image) -> bool:
    """Return whether the picture has transparent parts to keep."""
    return picture.mode in {"RGBA", "LA", "PA"} or "transparency" in picture.info


def logo_message(
    root: Path, source: Path, gettext: Callable[[str], str]
) -> tuple[bool, str]:
    """Replace the logo; return whether it was, and what to tell the writer."""
    try:
        target, (width, height) = replace_logo(root, source)
    except LogoRefused as refused:
        return False, refused.message.render(gettext)
    done = say(
        "The logo is now {target} ({width}x{height} px). Look at it with "
        "./dev livereload, then commit it.",
        target=target.relative_to(root.resolve()),
        width=width,
        height=height,
    )
    return True, done.render(gettext)
