"""Photo groups: image paragraphs become figures with one caption (Markdown)."""

from .extension import (
    Photo,
    PhotoGroupsExtension,
    PhotoRenderer,
    PhotoResolver,
    caption_of,
    gallery_element,
    plain_image,
)

__all__ = [
    "Photo",
    "PhotoGroupsExtension",
    "PhotoRenderer",
    "PhotoResolver",
    "caption_of",
    "gallery_element",
    "plain_image",
]
