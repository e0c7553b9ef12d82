"""The python-markdown extension behind the photo-group rule of docs/content-model.md.

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
# Called with (photo, role, eager, share): the element that shows the photo.
# Roles: "figure" (alone), "group" (one of several), "inline" (inside a
# sentence), "poster" (a video's, inside the link that plays it: no link of
# its own, no alt text); `share` is the part of the row's width a group
# photo takes where photos sit side by side (see `rows`), 1.0 otherwise.
PhotoRenderer = Callable[[Photo, str, bool, float], etree.Element]

_CONTAINERS = {"blockquote", "div", "li", "section"}
# The narrowest and widest share of a row a photo beside another takes, in %.
MIN_SHARE, MAX_SHARE = 20, 80


def plain_image(
    photo: Photo, _role: str, _eager: bool, _share: float = 1.0
) -> etree.Element:
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
        opening_first: bool = False,
        **kwargs,
    ) -> None:
        self.resolve = resolve
        self.render = render
        self.credit = credit
        # A post's opening photos go first in the body, where the page shows
        # them under the title (see `opening_figure`).
        self.opening_first = opening_first
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
        self.md.opening_moved = False


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
        if self.extension.opening_first:
            opening = opening_figure(root)
            if opening is not None:
                root.remove(opening)
                root.insert(0, opening)
                self.md.opening_moved = True

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
            for row in rows([photo for _image, photo in photos]):
                line = etree.SubElement(grid, "div", {"class": "photos__row"})
                for index, share in row:
                    image, photo = photos[index]
                    item = _item(line, share)
                    item.append(self._apply(image, photo, "group", share))
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
        self,
        image: etree.Element,
        photo: Photo | None,
        role: str,
        share: float = 1.0,
    ) -> etree.Element:
        """Return the element showing `photo` (or a copy of `image` if unresolved).

        The first photo of the text loads at once; the others lazily.
        """
        if photo is None:
            replacement = _detached(image)
        else:
            first = photo is self.photos[0]
            replacement = self.extension.render(photo, role, first, share)
        for element in replacement.iter():
            self._done.add(id(element))
        return replacement


def opening_figure(root: etree.Element) -> etree.Element | None:
    """Return the photos that open the text, if any.

    They are the first figure, when only paragraphs come before it (not a
    heading, a list, a quote...).

    A news page shows them under the title, on the reader's first screen; a
    photo further down belongs to the part of the text it stands in.
    """
    for child in root:
        if child.tag == "figure" and "photos" in child.get("class", "").split():
            return child
        if child.tag != "p":
            return None
    return None


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
        if title:
            _line_break(figcaption)
        target = etree.SubElement(figcaption, "span") if title else figcaption
        target.text = caption.text
        for child in caption:
            target.append(child)
    if credit:
        _line_break(figcaption)
        etree.SubElement(figcaption, "small", {"class": "photos__credit"}).text = credit
    return figcaption


def _line_break(figcaption: etree.Element) -> None:
    """End the caption's text so far with a line break, before its next part.

    The page sets title, caption and credit on lines of their own (CSS);
    a feed reader that shows text only would run them together
    ("Quang cảnh hội nghị.Ảnh: ...") without the white space between.
    """
    if len(figcaption):
        figcaption[-1].tail = (figcaption[-1].tail or "") + "\n"
    elif figcaption.text:
        figcaption.text += "\n"


def _detached(image: etree.Element) -> etree.Element:
    """Return a copy of `image` without the text that followed it."""
    return etree.Element(image.tag, dict(image.attrib))


def rows(photos: list[Photo | None]) -> list[list[tuple[int, float]]]:
    """Return the rows of a group: [(photo's index, its share of the row)].

    Photos go two by two; of an odd number the first stands alone, full
    width (a lead photo). Side by side, each takes a share of the row in
    proportion to its width over height, so both are drawn at (nearly) the
    same height: a portrait beside a landscape leaves no gap. Shares are
    whole steps of 2 % from 20 to 80 %, one CSS class each (no style
    attribute: the Content-Security-Policy allows none). On phones the theme
    stacks every photo at full width; shares apply from 40rem.
    """
    indexes = list(range(len(photos)))
    lines = [[(indexes.pop(0), 1.0)]] if len(indexes) % 2 else []
    for left, right in zip(indexes[::2], indexes[1::2], strict=True):
        ratios = [_ratio(photos[left]), _ratio(photos[right])]
        share = ratios[0] / sum(ratios)
        steps = min(MAX_SHARE, max(MIN_SHARE, round(share * 50) * 2))
        lines.append([(left, steps / 100), (right, (100 - steps) / 100)])
    return lines


def _ratio(photo: Photo | None) -> float:
    """Return width over height (an unknown photo counts as 3:2)."""
    return photo.width / photo.height if photo else 1.5


def _item(row: etree.Element, share: float) -> etree.Element:
    """Return a group's photo item; its class gives its share of the row."""
    css = "photos__item"
    if share < 1.0:
        css += f" photos__item--w{round(share * 100)}"
    return etree.SubElement(row, "figure", {"class": css})


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
    for row in rows(photos):
        line = etree.SubElement(grid, "div", {"class": "photos__row"})
        for index, share in row:
            photo = photos[index]
            item = _item(line, share)
            item.append(render(photo, "group", False, share))
            labelled = own_credit(photo.credit) if photo.credit else ""
            caption = _figcaption(photo.caption, None, labelled, "photos__item-caption")
            if caption is not None:
                item.append(caption)
    group_caption = _figcaption("", None, credit, "photos__caption")
    if group_caption is not None:
        figure.append(group_caption)
    return figure
