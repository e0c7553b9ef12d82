"""The <picture> of a photo: AVIF and WebP sources, a JPEG <img>, a link to it large."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markupsafe import Markup

from photo_groups import Photo, PhotoRenderer

from .cache import source_digests
from .plan import PhotoPlan, plan
from .renditions import MIME
from .settings import MediaSettings

# How wide the photo is drawn, so the browser picks the right file (theme/static/css).
SIZES = {
    "figure": "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
    "group": "(min-width: 46rem) 14rem, calc(50vw - 1.5rem)",
    "inline": "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
    "portrait": "(min-width: 46rem) 16rem, 60vw",
    "card": (
        "(min-width: 76rem) 23rem, (min-width: 40rem) calc(50vw - 2rem), "
        "calc(100vw - 2rem)"
    ),
}
# The <img> fallback: the version nearest this width.
_FALLBACK_WIDTH = 960


def picture_element(
    photo_plan: PhotoPlan,
    formats: tuple[str, ...],
    role: str,
    *,
    eager: bool = False,
    link: bool = True,
    css: str = "",
) -> etree.Element:
    """Return <a><picture>...</picture></a>, or the bare <picture> without `link`."""
    sizes = SIZES[role]
    fallback = formats[-1]
    picture = etree.Element("picture", {"class": css} if css else {})
    for fmt in formats[:-1]:
        etree.SubElement(
            picture,
            "source",
            {"type": MIME[fmt], "srcset": photo_plan.srcset(fmt), "sizes": sizes},
        )
    versions = photo_plan.of_format(fallback)
    shown = min(versions, key=lambda r: abs(r.width - _FALLBACK_WIDTH))
    attributes = {
        "src": photo_plan.url(shown),
        "srcset": photo_plan.srcset(fallback),
        "sizes": sizes,
        "alt": photo_plan.photo.alt,
        "width": str(shown.width),
        "height": str(shown.height),
    }
    if eager:
        attributes["fetchpriority"] = "high"
    else:
        attributes.update(loading="lazy", decoding="async")
    etree.SubElement(picture, "img", attributes)
    if not link:
        return picture
    large = photo_plan.largest(fallback)
    anchor = etree.Element(
        "a",
        {
            "class": "photo-link",
            "href": photo_plan.url(large),
            "data-pswp-width": str(large.width),
            "data-pswp-height": str(large.height),
        },
    )
    anchor.append(picture)
    return anchor


def picture_markup(element: etree.Element) -> Markup:
    """Return an element as safe HTML for templates."""
    return Markup(etree.tostring(element, encoding="unicode", method="html"))


def photo_renderer(cfg: MediaSettings) -> PhotoRenderer:
    """Return the renderer photo_groups uses: each photo as a linked <picture>."""
    digests = source_digests(cfg.cache)

    def render(photo: Photo, role: str, eager: bool) -> etree.Element:
        return picture_element(
            plan(photo, cfg, digest=digests.digest(photo.path)),
            cfg.formats,
            role,
            eager=eager,
            link=True,
        )

    return render
