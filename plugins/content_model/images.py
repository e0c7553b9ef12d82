"""Find the photos a content file names and read their size (Pillow, header only)."""

from __future__ import annotations

import difflib
import re
import warnings
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify
from PIL import Image, UnidentifiedImageError

from site_base.messages import Message, did_you_mean, say

from .exif import quarter_turned
from .problems import ContentError
from .regular_files import named_file_problem

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
# Pelican publishes a photo at its file name without escaping it, so a space or
# an accent would make a broken address: such names are refused with a new name.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def photo_file(folder: Path, src: str) -> Path:
    """Return the photo file `src` names in `folder`; raise ContentError if unusable."""
    parts = urlsplit(src)
    name = unquote(parts.path)
    if parts.scheme or parts.netloc or src.startswith("//"):
        raise ContentError(
            say(
                "the photo '{src}' is on another website: copy the photo "
                "into this folder and write its file name instead",
                src=src,
            )
        )
    if not name or name.startswith("/") or ".." in Path(name).parts:
        raise ContentError(
            say(
                "the photo '{src}' must be a file in this post's folder, "
                "written relative to it, like hoi-nghi-01.jpg or "
                "anh/hoi-nghi-01.jpg",
                src=src,
            )
        )
    path = folder / name
    file_name, space, caption = name.partition(" ")
    if space and caption[:1] in "“”'‘’":
        raise ContentError(
            say(
                "the caption after '{file_name}' is in curly quotes “ ” (a "
                "word processor changes them): write it in straight quotes, "
                'like this: ({file_name} "{strip}")',
                file_name=file_name,
                strip=caption.strip(chr(0x201C) + chr(0x201D)),
            )
        )
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        raise ContentError(
            say(
                "'{name}' is not a photo type the site publishes: use .jpg, "
                ".jpeg, .png or .webp (export HEIC or TIFF photos as JPEG "
                "first)",
                name=name,
            )
        )
    refused = named_file_problem(name, path, folder)
    if refused:
        raise ContentError(refused)
    if not path.is_file():
        raise ContentError(_missing_message(folder, name))
    check_file_name(path.relative_to(folder))
    return path


def check_file_name(relative: Path) -> None:
    """Refuse file and folder names that cannot be part of a web address."""
    for part in relative.parts:
        if not _SAFE_NAME.match(part):
            stem, dot, suffix = part.rpartition(".") if "." in part else (part, "", "")
            subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
            better = slugify(stem, regex_subs=subs) + dot + suffix.lower()
            raise ContentError(
                say(
                    "the name '{part}' cannot be part of a web address: rename "
                    "it to '{better}' (letters a-z, digits, '-' and '_'; no "
                    "spaces or accents), and write the new name in the text",
                    part=part,
                    better=better,
                )
            )


def _missing_message(folder: Path, name: str) -> str:
    """Explain a missing file, suggesting a near name that does exist."""
    present = [str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()]
    # Names differing only in capitals first (HOI-NGHI.JPG for hoi-nghi.jpg).
    by_lower = {p.lower(): p for p in present}
    close = [by_lower[name.lower()]] if name.lower() in by_lower else []
    close = close or [
        by_lower[found]
        for found in difflib.get_close_matches(name.lower(), by_lower, n=1, cutoff=0.6)
    ]
    hint = did_you_mean(close)
    return say(
        "there is no photo '{name}' in this folder: copy it here or "
        "fix the file name (names must match exactly, capital "
        "letters too).{hint}",
        name=name,
        hint=hint,
    )


def photo_size(path: Path) -> tuple[int, int]:
    """Return the (width, height) a browser shows for the photo at `path`."""
    stat = path.stat()
    return _photo_size(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _photo_size(path: Path, _mtime_ns: int, _size: int) -> tuple[int, int]:
    """Read the size from the header and decode the photo once; stat keys the cache."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                turned = quarter_turned(image.getexif())
                problem = _decoding_problem(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ContentError(
            say(
                "the photo '{name}' has too many pixels to publish safely: "
                "resize it to at most 8000 pixels on its long side",
                name=path.name,
            )
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ContentError(
            say(
                "the photo '{name}' cannot be read: it is damaged or not "
                "really a photo. Copy it again from the camera or export it "
                "as JPEG",
                name=path.name,
            )
        ) from None
    if problem:
        raise ContentError(
            say("the photo '{name}' {problem}", name=path.name, problem=problem)
        )
    if turned:
        return height, width
    return width, height


def _decoding_problem(image: Image.Image) -> Message | None:
    """Decode the whole photo cheaply (JPEG at 1/8 scale); say what is wrong, if any.

    Reading the header is not enough: a copy that stopped half way has a good
    header and would fail only when the media pipeline encodes it.
    """
    try:
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
    except OSError as error:
        if "truncated" in str(error):
            return say(
                "is cut short: only part of it was copied. Copy it again from "
                "the camera or the computer it came from"
            )
        return _DAMAGED
    except (SyntaxError, ValueError):
        return _DAMAGED
    return None


_DAMAGED = say(
    "cannot be decoded: it is damaged. Copy it again from the camera or export "
    "it again as JPEG"
)
