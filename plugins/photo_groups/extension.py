"""The python-markdown extension behind the photo-group rule of CONTENT-MODEL.md.

A paragraph made only of images is one figure (one image) or one photo group
(two or more), in place; an emphasised paragraph right after it is the caption
of the whole group; an image's own title is a caption for that image alone.
How a photo is drawn (a plain <img>, or a <picture> of derivatives) is the
caller's `render` function.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


@dataclass(frozen=True)
class Photo:
    """A photo of a content folder, as the page shows it."""

    src: str
    path: Path
    alt: str
    width: int
    height: int
    title: str = ""
    caption: str = ""
    credit: str = ""


# Called with (src, alt, title) of each image; returns the Photo, or None when
# the image cannot be used (the resolver records why).
PhotoResolver = Callable[[str, str, str], Photo | None]
# Called with (photo, role, eager): the element that shows the photo. Roles:
# "figure" (alone), "group" (one of several), "inline" (inside a sentence).
PhotoRenderer = Callable[[Photo, str, bool], etree.Element]

_CONTAINERS = {"blockquote", "div", "li", "section"}


def plain_image(photo: Photo, _role: str, _eager: bool) -> etree.Element:
    """Return a plain <img> of the photo file (the default renderer)."""
    return etree.Element(
        "img",
        {
            "src": photo.src,
            "alt": photo.alt,
            "width": str(photo.width),
            "height": str(photo.height),
        },
    )


class PhotoGroupsExtension(Extension):
    """Group paragraphs of photos into figures; `resolve` finds each photo's file."""

    def __init__(
        self,
        resolve: PhotoResolver,
        render: PhotoRenderer = plain_image,
        credit: str = "",
        **kwargs,
    ) -> None:
        self.resolve = resolve
        self.render = render
        self.credit = credit
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (python-markdown API)
        """Run after inline patterns (priority 20) have turned ![]() into <img>."""
        self.md = md
        md.registerExtension(self)
        self.reset()
        processor = PhotoGroupsProcessor(md, self)
        md.treeprocessors.register(processor, "photo_groups", 15)

    def reset(self) -> None:
        """Start each document with no photos (an empty text runs no processor)."""
        self.md.photos = []


class PhotoGroupsProcessor(Treeprocessor):
    """Replace image paragraphs (and the caption after them) by figures."""

    def __init__(self, md: Markdown, extension: PhotoGroupsExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self.photos: list[Photo] = []
        self._done: set[int] = set()

    def run(self, root: etree.Element) -> None:
        """Group photos in `root`, then draw any image left inside text."""
        self.photos = []
        self._done = set()
        self._group_children(root)
        for parent in root.iter():
            for position, image in enumerate(list(parent)):
                if image.tag == "img" and id(image) not in self._done:
                    replacement = self._apply(image, self._resolve(image), "inline")
                    replacement.tail = image.tail
                    parent.remove(image)
                    parent.insert(position, replacement)
        self.md.photos = self.photos

    def _group_children(self, parent: etree.Element) -> None:
        children = list(parent)
        skip = set()
        for index, child in enumerate(children):
            if index in skip:
                continue
            images = image_paragraph(child)
            if not images:
                if child.tag in _CONTAINERS:
                    self._group_children(child)
                continue
            following = children[index + 1] if index + 1 < len(children) else None
            caption = caption_of(following)
            if caption is not None:
                skip.add(index + 1)
                parent.remove(following)
            figure = self._figure(images, caption)
            position = list(parent).index(child)
            parent.remove(child)
            parent.insert(position, figure)

    def _figure(
        self, images: list[etree.Element], caption: etree.Element | None
    ) -> etree.Element:
        photos = [(image, self._resolve(image)) for image in images]
        figure = etree.Element("figure", {"class": f"photos photos--{len(images)}"})
        title = ""
        if len(photos) == 1:
            image, photo = photos[0]
            figure.append(self._apply(image, photo, "figure"))
            title = photo.title if photo else ""
        else:
            grid = etree.SubElement(figure, "div", {"class": "photos__grid"})
            for image, photo in photos:
                item = etree.SubElement(grid, "figure", {"class": "photos__item"})
                item.append(self._apply(image, photo, "group"))
                if photo and photo.title:
                    item.append(
                        _figcaption(photo.title, None, "", "photos__item-caption")
                    )
        credit = self.extension.credit
        figcaption = _figcaption(title, caption, credit, "photos__caption")
        if figcaption is not None:
            figure.append(figcaption)
        return figure

    def _resolve(self, image: etree.Element) -> Photo | None:
        photo = self.extension.resolve(
            image.get("src", ""), image.get("alt", ""), image.get("title", "")
        )
        if photo is not None:
            self.photos.append(photo)
        return photo

    def _apply(
        self, image: etree.Element, photo: Photo | None, role: str
    ) -> etree.Element:
        """Return the element showing `photo` (or a copy of `image` if unresolved).

        The first photo of the text loads at once; the others lazily.
        """
        if photo is None:
            replacement = _detached(image)
        else:
            replacement = self.extension.render(photo, role, photo is self.photos[0])
        for element in replacement.iter():
            self._done.add(id(element))
        return replacement


def image_paragraph(element: etree.Element) -> list[etree.Element]:
    """Return the images of a paragraph made only of images, else []."""
    if element.tag != "p" or (element.text or "").strip():
        return []
    children = list(element)
    if not children:
        return []
    for child in children:
        if child.tag not in ("img", "br") or (child.tail or "").strip():
            return []
    return [child for child in children if child.tag == "img"]


def caption_of(element: etree.Element | None) -> etree.Element | None:
    """Return the <em> of a paragraph that is only emphasised text, else None."""
    if element is None or element.tag != "p" or (element.text or "").strip():
        return None
    children = list(element)
    if len(children) != 1 or children[0].tag != "em":
        return None
    emphasis = children[0]
    return None if (emphasis.tail or "").strip() else emphasis


def _figcaption(
    title: str, caption: etree.Element | None, credit: str, css: str
) -> etree.Element | None:
    """Return a <figcaption> of a title, a group caption and a credit, or None."""
    if not (title or caption is not None or credit):
        return None
    figcaption = etree.Element("figcaption", {"class": css})
    if title and caption is None:
        figcaption.text = title
    elif title:
        etree.SubElement(figcaption, "span", {"class": "photos__title"}).text = title
    if caption is not None:
        target = etree.SubElement(figcaption, "span") if title else figcaption
        target.text = caption.text
        for child in caption:
            target.append(child)
    if credit:
        etree.SubElement(figcaption, "small", {"class": "photos__credit"}).text = credit
    return figcaption


def _detached(image: etree.Element) -> etree.Element:
    """Return a copy of `image` without the text that followed it."""
    return etree.Element(image.tag, dict(image.attrib))


def gallery_element(
    photos: list[Photo],
    render: PhotoRenderer = plain_image,
    credit: str = "",
    own_credit: Callable[[str], str] = str,
) -> etree.Element:
    """Return a photo group of `photos` with their captions and credits.

    `credit` (already labelled) is the group's; `own_credit` labels a photo's
    own credit, shown under it.
    """
    figure = etree.Element(
        "figure", {"class": f"photos photos--gallery photos--{len(photos)}"}
    )
    grid = etree.SubElement(figure, "div", {"class": "photos__grid"})
    for photo in photos:
        item = etree.SubElement(grid, "figure", {"class": "photos__item"})
        item.append(render(photo, "group", False))
        labelled = own_credit(photo.credit) if photo.credit else ""
        caption = _figcaption(photo.caption, None, labelled, "photos__item-caption")
        if caption is not None:
            item.append(caption)
    group_caption = _figcaption("", None, credit, "photos__caption")
    if group_caption is not None:
        figure.append(group_caption)
    return figure
