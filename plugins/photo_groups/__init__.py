"""Photo groups: image paragraphs become figures with one caption (Markdown)."""

from .extension import Photo, PhotoGroupsExtension, PhotoResolver, gallery_element

__all__ = ["Photo", "PhotoGroupsExtension", "PhotoResolver", "gallery_element"]
