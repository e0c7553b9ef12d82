"""Turn a document's Markdown body into HTML and find its photos, gallery and cover."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from markdown import Markdown
from markdown.serializers import to_html_string

from photo_groups import Photo, PhotoGroupsExtension, gallery_element
from site_base.messages import say
from video_embeds import VideoLinksExtension, VideoSpec

from .config import ContentModelSettings
from .images import PHOTO_SUFFIXES, check_file_name, photo_file, photo_size
from .model import Document, RenderedBody
from .problems import ContentError, ProblemList
from .safe_html import safe_body
from .typography import QuickSmartyExtension
from .yaml_files import YamlSyntaxError, read_yaml

CAPTIONS_FILE = "captions.yml"


def render_body(
    document: Document, cfg: ContentModelSettings, problems: ProblemList
) -> RenderedBody:
    """Render the Markdown body; record photos that are missing or lack alt text."""
    front = document.front
    lines = front.body.split("\n")

    def resolve(src: str, alt: str, title: str) -> Photo | None:
        line = _line_of(lines, src, front.body_line)
        if not alt.strip():
            problems.error(
                document.path,
                say(
                    "the photo '{src}' has no alt text: describe what it shows "
                    "between the brackets, like ![Quang cảnh hội nghị]({src})",
                    src=src,
                ),
                line,
            )
        try:
            path = photo_file(document.bundle.folder, src)
            width, height = photo_size(path)
        except ContentError as error:
            problems.error(document.path, error.message, line)
            return None
        if not alt.strip():
            return None
        if _is_file_name(alt, src):
            problems.warning(
                document.path,
                say(
                    "the alt text of '{src}' is its file name: blind readers "
                    "hear it read out. Describe what the photo shows instead, "
                    "like ![Quang cảnh hội nghị]({src})",
                    src=src,
                ),
                line,
            )
        return _photo(
            document.bundle.folder, path, alt, width, height, title=title.strip()
        )

    markdown, photos, videos = _body_converter(cfg)
    photos.resolve = resolve
    photos.credit = credit_text(document, cfg)
    videos.gettext = partial(cfg.gettext, document.lang)
    videos.front = _front_video(document, cfg, problems)
    # After the lead: the summary above the text, or the text's first paragraph.
    videos.front_first = "summary" in document.values
    # A post opens with its photos under the title, unless it has a video of its own.
    photos.opening_first = document.kind == "post" and videos.front is None
    html = _safe(document, problems, markdown, front.body, front.body_line)
    opening_html, html = split_opening(html) if markdown.opening_moved else ("", html)
    return RenderedBody(
        html=html,
        opening_html=opening_html,
        photos=list(markdown.photos),
        videos=list(markdown.videos),
        video_posters=list(markdown.video_posters),
        summary_html=_summary_html(document, cfg, problems),
    )


def _safe(
    document: Document, problems: ProblemList, markdown: Markdown, text: str, line: int
) -> str:
    """Return Markdown's HTML of `text` made safe; record what the writer must fix."""
    markdown.reset()
    html, findings = safe_body(
        markdown.convert(text), markdown.htmlStash.rawHtmlBlocks, text, line
    )
    for message, where in findings.errors:
        problems.error(document.path, message, where)
    for message, where in findings.warnings:
        problems.warning(document.path, message, where)
    return html


_FIGURE_TAG = re.compile(r"<(/?)figure[\s>]")


def split_opening(html: str) -> tuple[str, str]:
    """Return the body's opening figure (the photo group moved first) and the rest.

    The body is nh3's well-formed output, so counting <figure> tags finds
    where the first one (which holds a figure per photo) ends.
    """
    depth = 0
    for tag in _FIGURE_TAG.finditer(html):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.index(">", tag.end() - 1) + 1
            return html[:end].strip(), html[end:].lstrip()
    return "", html


# A lead is one paragraph, even when the writer left a blank line in it.
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p>")


def _summary_html(
    document: Document, cfg: ContentModelSettings, problems: ProblemList
) -> str:
    """Return the `summary:` as inline HTML, with the body's extensions and rules."""
    given = document.values.get("summary")
    if not given:
        return ""
    markdown = cfg.converters.get("summary")
    if markdown is None:
        configs = dict(cfg.markdown.get("extension_configs", {}))
        markdown = cfg.converters["summary"] = Markdown(
            extensions=[*configs, QuickSmartyExtension()],
            extension_configs=configs,
            output_format=cfg.markdown.get("output_format", "html5"),
        )
    line = document.line_of("summary") or document.front.body_line
    html = _safe(document, problems, markdown, given, line).strip()
    return _PARAGRAPH_BREAK.sub(" ", html).removeprefix("<p>").removesuffix("</p>")


def _front_video(
    document: Document, cfg: ContentModelSettings, problems: ProblemList
) -> VideoSpec | None:
    """Return the post's `video:` with its poster photo, or None."""
    given = document.values.get("video")
    if not given:
        return None
    poster = None
    if given["poster"]:
        try:
            path = photo_file(document.bundle.folder, given["poster"])
            width, height = photo_size(path)
            alt = given["title"] or given["video"].host_name
            poster = _photo(document.bundle.folder, path, alt, width, height)
        except ContentError as error:
            problems.error(
                document.path,
                say("'video': poster: {message}", message=error.message),
                document.line_of("video"),
            )
    inherited = not document.sets("video") and document.lang != cfg.facts.default_lang
    return VideoSpec(
        given["video"],
        title=given["title"],
        transcript=given["transcript"],
        poster=poster,
        title_lang=cfg.facts.default_lang if inherited else "",
    )


def _(message: str) -> str:
    """Mark a UI string for the catalogues (babel.cfg); it is translated per page."""
    return message


PHOTO_CREDIT = _("Photo: %(credit)s")


def credited(credit: str, lang: str, cfg: ContentModelSettings) -> str:
    """Return "Ảnh: <credit>" in `lang`, or '' without a credit."""
    return cfg.gettext(lang, PHOTO_CREDIT) % {"credit": credit} if credit else ""


def credit_text(document: Document, cfg: ContentModelSettings) -> str:
    """Return the post's photo_credit, labelled in the document's language."""
    return credited(document.values.get("photo_credit", ""), document.lang, cfg)


def _body_converter(
    cfg: ContentModelSettings,
) -> tuple[Markdown, PhotoGroupsExtension, VideoLinksExtension]:
    """Return the build's body converter: the site's extensions, photos, videos.

    Made once; each document sets the photo and video extensions' own values
    (its photo resolver, credit, language, video) and `_safe` resets it.
    """
    if "body" not in cfg.converters:
        configs = dict(cfg.markdown.get("extension_configs", {}))
        names = list(cfg.markdown.get("extensions", []))
        names += [name for name in configs if name not in names]
        photos = PhotoGroupsExtension(_unset_resolver, render=cfg.render_photo)
        videos = VideoLinksExtension(render=cfg.render_photo)
        markdown = Markdown(
            extensions=[*names, photos, videos, QuickSmartyExtension()],
            extension_configs=configs,
            output_format=cfg.markdown.get("output_format", "html5"),
        )
        cfg.converters["body"] = (markdown, photos, videos)
    return cfg.converters["body"]


def _unset_resolver(src: str, alt: str, title: str) -> Photo | None:
    raise RuntimeError("render_body sets the photo resolver of each document")


def _is_file_name(alt: str, src: str) -> bool:
    """Return whether an alt text only repeats the photo's file name."""
    name = Path(src).name.lower()
    return alt.strip().lower() in {name, name.rpartition(".")[0]}


def _line_of(lines: list[str], src: str, first_line: int) -> int:
    """Return the file line where the image `src` is written."""
    for number, text in enumerate(lines):
        if f"({src}" in text or f"<{src}>" in text:
            return first_line + number
    return first_line


def _photo(
    folder: Path, path: Path, alt: str, width: int, height: int, **extra: str
) -> Photo:
    return Photo(
        src=path.relative_to(folder).as_posix(),
        path=path,
        alt=alt.strip(),
        width=width,
        height=height,
        **extra,
    )


def gallery_html(document: Document, cfg: ContentModelSettings) -> str:
    """Return the gallery shown after the text, or ''."""
    if not document.gallery:
        return ""
    element = gallery_element(
        document.gallery,
        cfg.render_photo,
        credit=credit_text(document, cfg),
        own_credit=lambda credit: credited(credit, document.lang, cfg),
    )
    # The album page (/galleries/) links here.
    element.set("id", "album")
    return to_html_string(element)


def gallery_photos(document: Document, problems: ProblemList) -> list[Photo]:
    """Return the photos of the `gallery:` folder by file name, with their captions."""
    name = document.values["gallery"]
    line = document.line_of("gallery")
    folder = document.bundle.folder / name
    if not folder.is_dir():
        problems.error(
            document.path,
            say(
                "'gallery: {name}' names no folder here: create the folder "
                "{name} beside the text and put the photos in it",
                name=name,
            ),
            line,
        )
        return []
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.is_symlink() and p.suffix.lower() in PHOTO_SUFFIXES
    )
    if not files:
        problems.error(
            document.path,
            say("the gallery folder '{name}' has no photos", name=name),
            line,
        )
        return []
    captions = _captions(folder, problems)
    if captions is None:
        return []
    for unknown in sorted(set(captions) - {p.name for p in files}):
        problems.error(
            folder / CAPTIONS_FILE,
            say(
                "'{unknown}' is not a photo in this folder: fix the file "
                "name or remove the line",
                unknown=unknown,
            ),
        )
    photos = []
    for path in files:
        photo = _gallery_photo(document, path, captions.get(path.name), problems)
        if photo is not None:
            photos.append(photo)
    return photos


def _gallery_photo(
    document: Document, path: Path, entry: dict | None, problems: ProblemList
) -> Photo | None:
    if entry is None or not entry.get("alt"):
        problems.error(
            path.parent / CAPTIONS_FILE,
            say(
                "the photo '{name}' has no caption: add a line '{name}: what "
                "the photo shows' (it is also the alt text)",
                name=path.name,
            ),
        )
        return None
    try:
        check_file_name(path.relative_to(document.bundle.folder))
        width, height = photo_size(path)
    except ContentError as error:
        problems.error(path, error.message)
        return None
    credit = entry.get("credit", "")
    return _photo(
        document.bundle.folder,
        path,
        entry["alt"],
        width,
        height,
        caption=entry.get("caption", ""),
        credit=credit,
    )


def _captions(folder: Path, problems: ProblemList) -> dict[str, dict[str, str]] | None:
    """Read captions.yml: file name -> {alt, caption, credit}; None if unreadable.

    An unreadable file is one problem, not one more for each of its photos.
    """
    path = folder / CAPTIONS_FILE
    if not path.is_file():
        return {}
    try:
        data = read_yaml(path) or {}
    except YamlSyntaxError as error:
        problems.error(
            path,
            say("this file is not valid YAML: write one 'file.jpg: caption' per line"),
            error.line,
        )
        return None
    except ContentError as error:
        problems.add(path, error)
        return None
    if not isinstance(data, dict):
        problems.error(path, say("write one 'file.jpg: caption' per line"), 1)
        return None
    return {
        str(name): _caption_entry(path, str(name), value, problems)
        for name, value in data.items()
    }


def _caption_entry(
    path: Path, name: str, value: object, problems: ProblemList
) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {"alt": value.strip(), "caption": value.strip()}
    if (
        isinstance(value, dict)
        and set(value) <= {"alt", "caption", "credit"}
        and all(isinstance(v, str) for v in value.values())
    ):
        entry = {k: v.strip() for k, v in value.items()}
        entry.setdefault("alt", entry.get("caption", ""))
        return entry
    problems.error(
        path,
        say(
            "the entry for '{name}' must be a caption, or {{alt: ..., "
            "caption: ..., credit: ...}}",
            name=name,
        ),
    )
    return {}


def cover_photo(document: Document, problems: ProblemList) -> Photo | None:
    """Return the cover (or portrait): the named one, else a post's first photo."""
    schema_key = "portrait" if document.kind == "person" else "cover"
    name = document.values.get(schema_key)
    if name is None:
        if document.kind != "post":
            return None
        rendered = document.rendered
        photos = rendered.photos or document.gallery or rendered.video_posters
        return photos[0] if photos else None
    sink = problems if document.sets(schema_key) else ProblemList()
    line = document.line_of(schema_key)
    alt = (
        document.values.get("name")
        if schema_key == "portrait"
        else document.values.get("cover_alt")
    )
    if not alt:
        sink.error(
            document.path,
            say(
                "the cover photo needs alt text: add a line 'cover_alt: what "
                "the photo shows'"
            ),
            line,
        )
    try:
        path = photo_file(document.bundle.folder, name)
        width, height = photo_size(path)
    except ContentError as error:
        sink.error(
            document.path,
            say(
                "'{schema_key}': {message}",
                schema_key=schema_key,
                message=error.message,
            ),
            line,
        )
        return None
    return _photo(document.bundle.folder, path, alt or "", width, height)
