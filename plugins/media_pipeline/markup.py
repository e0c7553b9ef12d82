"""The <picture> of a photo: AVIF and WebP sources, a JPEG <img>, a link to it large."""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree

from markupsafe import Markup

from photo_groups import Photo, PhotoRenderer

from .cache import source_digests
from .plan import PhotoPlan, plan
from .renditions import MIME
from .settings import MediaSettings

# How wide the theme draws each photo (theme/static/css/site.css), in CSS px
# at the default text size (1rem = 17px there), so that the browser picks a
# file at least as wide as the photo on screen times the screen's density.
# The text column: 42rem (714px) at most, 1rem of margin each side.
TEXT = "(min-width: 748px) 714px, calc(100vw - 34px)"
# Two photos side by side (from 40rem = 640px; stacked below): their row is the
# text column less the 8px between them.
_PAIR = "(min-width: 748px) {wide}px, (min-width: 640px) calc((100vw - 42px) * {share})"
SIZES = {
    "figure": TEXT,
    "inline": TEXT,
    "portrait": "272px",  # 16rem at most, and narrower than any phone's column
    "thumb": "102px",  # 6rem: the related lists' thumbnails
    # Cards: on phones (below 48em = 768px) a 6.5rem photo beside the title;
    # above, columns of at least 18rem in the 72rem page, 1.25rem apart: two
    # below 995px, three above (383px at most).
    # Their boxes are 3:2 and the photo fills them (object-fit: cover): a
    # 16:10 photo is drawn 1.07 times the box's width (a 3:2 or 4:3 one fits).
    "card": (
        "(min-width: 1224px) 410px, "
        "(min-width: 995px) calc((100vw - 77px) / 3 * 1.07), "
        "(min-width: 768px) calc((100vw - 56px) / 2 * 1.07), 111px"
    ),
    # /galleries/: albums two to a row on phones, three from 768px, four
    # from 1024px, in the 72rem page (297px at most), 12px apart; their
    # boxes are 4:3, filled: a 16:10 photo is drawn 1.2 times as wide.
    "album": (
        "(min-width: 1224px) 357px, "
        "(min-width: 1024px) calc((100vw - 70px) / 4 * 1.2), "
        "(min-width: 768px) calc((100vw - 58px) / 3 * 1.2), "
        "calc((100vw - 46px) / 2 * 1.2)"
    ),
    # The home page's lead story: 3/5 of the page beside its text from 768px.
    # Its box is 3:2 and the photo fills it (object-fit: cover): a 16:10
    # photo is drawn 1.07 times the box's width (a 3:2 or 4:3 one fits).
    "lead": (
        "(min-width: 1224px) 749px, (min-width: 768px) calc((100vw - 58px) * 0.642), "
        "calc((100vw - 34px) * 1.07)"
    ),
}


def sizes_for(role: str, share: float = 1.0) -> str:
    """Return the `sizes` of a photo drawn in `role`, taking `share` of its row."""
    if role != "group" or share >= 1.0:
        return SIZES.get(role, TEXT)
    pair = _PAIR.format(wide=math.ceil((714 - 8) * share), share=f"{share:.4f}")
    return f"{pair}, calc(100vw - 34px)"


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
    share: float = 1.0,
    decorative: bool = False,
) -> etree.Element:
    """Return <a><picture>...</picture></a>, or the bare <picture> without `link`.

    `decorative`: an empty alt, for a photo beside a link that names the post.
    """
    sizes = sizes_for(role, share)
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
        "alt": "" if decorative else photo_plan.photo.alt,
        "width": str(shown.width),
        "height": str(shown.height),
    }
    if eager:
        attributes["fetchpriority"] = "high"
    else:
        # Low even on the first screen (a group's second photo, a card's): the
        # page's first photo, its largest paint, gets the slow network first.
        attributes.update(loading="lazy", decoding="async", fetchpriority="low")
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
    digests = source_digests(cfg.facts.content)

    def render(
        photo: Photo, role: str, eager: bool, share: float = 1.0
    ) -> etree.Element:
        return picture_element(
            plan(photo, cfg, digest=digests.digest(photo.path)),
            cfg.formats,
            role,
            eager=eager,
            # A video's poster sits inside the link that plays the video,
            # which names it.
            link=role != "poster",
            share=share,
            decorative=role == "poster",
        )

    return render
