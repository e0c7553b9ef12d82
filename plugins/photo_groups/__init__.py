"""Photo groups: paragraphs of images become figures with one caption (a Markdown extension)."""

from .extension import Photo, PhotoGroupsExtension, PhotoResolver, gallery_element

__all__ = ["Photo", "PhotoGroupsExtension", "PhotoResolver", "gallery_element"]
