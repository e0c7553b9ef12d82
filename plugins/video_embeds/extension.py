"""The python-markdown extension: a video link on its own line becomes a player.

The player is a link to the video with a poster and a play button; the theme's
script swaps it for the host's player (an <iframe>) only when the reader
presses play, so a page loads nothing from the video host before that, and
without JavaScript (or in a feed reader) it stays a link to the video.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from photo_groups import Photo, PhotoRenderer, caption_of

from .links import Video, video_from_url

_CONTAINERS = {"blockquote", "div", "li", "section"}


def _(message: str) -> str:
    """Mark a UI string for the catalogues; the caller's gettext translates it."""
    return message


PLAY = _("Play the video")
ON_HOST = _("on %(host)s")
TRANSCRIPT = _("Transcript")
UNTITLED = _("Video")


@dataclass(frozen=True)
class VideoSpec:
    """A video to show: the link, and what the post says of it."""

    video: Video
    title: str = ""
    transcript: str = ""
    poster: Photo | None = None
    # The title's language when it is not the page's (a translation that
    # keeps the original's video).
    title_lang: str = ""


def player_element(
    spec: VideoSpec,
    gettext: Callable[[str], str],
    render: PhotoRenderer | None = None,
) -> etree.Element:
    """Return the player: <figure> with a link that plays the video, and a caption."""
    video = spec.video
    title = spec.title or gettext(UNTITLED)
    figure = etree.Element("figure", {"class": f"video video--{video.host}"})
    link = etree.SubElement(
        figure,
        "a",
        {
            "class": "video__link",
            "href": video.url,
            "data-player": video.player,
            "data-title": title,
            # Search results quote the caption, not "Play the video".
            "data-pagefind-ignore": "",
        },
    )
    poster = etree.SubElement(link, "span", {"class": "video__poster"})
    if spec.poster is not None and render is not None:
        poster.append(render(spec.poster, "poster", False, 1.0))
    else:
        poster.set("class", "video__poster video__poster--plain")
    button = etree.SubElement(link, "span", {"class": "video__button"})
    button.text = gettext(PLAY)
    host = etree.SubElement(button, "span", {"class": "video__host"})
    host.text = gettext(ON_HOST) % {"host": video.host_name}
    # Its name starts with what it shows ("Phát video trên YouTube"), then
    # says which video, as the caption does for sighted readers.
    link.set("aria-label", f"{button.text} {host.text}: {title}")
    if spec.title or spec.transcript:
        caption = etree.SubElement(figure, "figcaption", {"class": "video__caption"})
        caption.text = spec.title
        if spec.title and spec.title_lang:
            caption.text = ""
            etree.SubElement(
                caption, "span", {"lang": spec.title_lang}
            ).text = spec.title
        if spec.transcript:
            transcript = etree.SubElement(
                caption, "a", {"class": "video__transcript", "href": spec.transcript}
            )
            transcript.text = gettext(TRANSCRIPT)
            if spec.title and not spec.title_lang:
                caption.text = f"{spec.title} "
            elif spec.title:
                caption[0].tail = " "
    return figure


class VideoLinksExtension(Extension):
    """Players for video links in the text, and the post's own `video:` first."""

    def __init__(
        self,
        gettext: Callable[[str], str] = str,
        render: PhotoRenderer | None = None,
        front: VideoSpec | None = None,
        front_first: bool = True,
        **kwargs,
    ) -> None:
        self.gettext = gettext
        self.render = render
        self.front = front
        # The post's video goes after the lead: first when the lead is the
        # summary shown above the text, else after the text's first paragraph.
        self.front_first = front_first
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (python-markdown API)
        """Run after the photo groups (15), which leave text paragraphs alone."""
        self.md = md
        md.registerExtension(self)
        self.reset()
        md.treeprocessors.register(VideoLinksProcessor(md, self), "video_links", 14)

    def reset(self) -> None:
        """Start each document with no posters and no videos."""
        self.md.video_posters = []
        self.md.videos = []


class VideoLinksProcessor(Treeprocessor):
    """Replace paragraphs that hold only a video link (and their caption)."""

    def __init__(self, md: Markdown, extension: VideoLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Swap each video paragraph for a player; put the post's video first."""
        videos: list[Video] = []
        self._replace_links(root, videos)
        front = self.extension.front
        if front is not None:
            videos.insert(0, front.video)
            player = self._player(front)
            position = 0
            if not self.extension.front_first:
                paragraphs = [i for i, child in enumerate(root) if child.tag == "p"]
                position = paragraphs[0] + 1 if paragraphs else 0
            root.insert(position, player)
            if front.poster is not None:
                self.md.video_posters = [front.poster]
        self.md.videos = videos

    def _replace_links(self, parent: etree.Element, videos: list[Video]) -> None:
        children = list(parent)
        for position, child in enumerate(children):
            if child.tag in _CONTAINERS:
                self._replace_links(child, videos)
                continue
            video = _video_paragraph(child)
            if video is None:
                continue
            following = children[position + 1] if position + 1 < len(children) else None
            caption = caption_of(following)
            title = "".join(caption.itertext()).strip() if caption is not None else ""
            if caption is not None:
                parent.remove(following)
            player = self._player(VideoSpec(video, title=title))
            player.tail = child.tail
            index = list(parent).index(child)
            parent.remove(child)
            parent.insert(index, player)
            videos.append(video)

    def _player(self, spec: VideoSpec) -> etree.Element:
        return player_element(spec, self.extension.gettext, self.extension.render)


def _video_paragraph(element: etree.Element) -> Video | None:
    """Return the video of a paragraph holding only its link, written or <linked>."""
    if element.tag != "p":
        return None
    children = list(element)
    if not children:
        return video_from_url(element.text or "")
    if len(children) != 1 or (element.text or "").strip():
        return None
    link = children[0]
    if link.tag != "a" or (link.tail or "").strip():
        return None
    href = link.get("href", "")
    if "".join(link.itertext()).strip() not in (href, href.removeprefix("mailto:")):
        return None
    return video_from_url(href)
