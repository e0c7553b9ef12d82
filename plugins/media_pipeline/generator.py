"""The generator of /media/ and /galleries/: plans from built pages, then encodes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from pelican.log import console

from photo_groups import Photo
from site_base.messages import say
from site_build.facts import writers_gettext
from site_build.output import output_files
from site_i18n.paths import language_prefix

from .cache import source_digests
from .pipeline import publish_photos
from .plan import PhotoPlans
from .settings import load_settings

logger = logging.getLogger(__name__)

GALLERY_MINIMUM = 2


def built_contents(context: dict[str, Any]) -> list[Any]:
    """Return every article, page, translation, person and work this build writes."""
    found: dict[int, Any] = {}
    for key in (
        "articles",
        "translations",
        "drafts",
        "pages",
        "draft_pages",
        "hidden_pages",
    ):
        for item in context.get(key, []):
            for content in (item, *getattr(item, "translations", [])):
                found.setdefault(id(content), content)
    # People and works pages (plugin people_works), every language listed.
    for entry in context.get("PEOPLE_WORKS_ENTRIES", []):
        found.setdefault(id(entry), entry)
    return list(found.values())


def photos_of(content: Any) -> list[Photo]:
    """Return the photos a page shows, each once, in order."""
    seen: dict[Path, Photo] = {}
    for photo in [*getattr(content, "photos", []), *getattr(content, "gallery", [])]:
        seen.setdefault(photo.path, photo)
    return list(seen.values())


class MediaGenerator(Generator):
    """Plan the derivatives of every shown photo, then encode the missing ones."""

    def generate_context(self) -> None:
        """Plan from what the other generators will write; list posts with galleries."""
        self.cfg = load_settings(self.settings)
        self.plans = PhotoPlans(self.cfg, source_digests(self.cfg.facts.content).digest)
        for content in built_contents(self.context):
            # Video posters are published too; they are not in galleries.
            for photo in [*photos_of(content), *getattr(content, "video_posters", [])]:
                self.plans.add(photo)
            # Cards show covers; their crops are asked for by the plugins that
            # use them (share previews, structured data).
            if getattr(content, "cover", None) is not None:
                self.plans.add(content.cover)
        self.context["PHOTO_PLANS"] = self.plans
        self._list_galleries()

    def _list_galleries(self) -> None:
        """List posts with two or more photos, newest first, per language."""
        default = self.settings["DEFAULT_LANG"]
        self.gallery_posts: dict[str, list[Any]] = {}
        self.gallery_urls: dict[str, str] = {}
        for lang in self.settings["LANGUAGES"]:
            posts = self.context.get("POSTS_BY_LANG", {}).get(lang, [])
            with_photos = [p for p in posts if len(photos_of(p)) >= GALLERY_MINIMUM]
            with_photos.sort(key=lambda a: (-a.date.timestamp(), a.slug))
            self.gallery_posts[lang] = with_photos
            self.gallery_urls[lang] = (
                language_prefix(lang, default) + self.cfg.galleries_url
            )
        self.context["GALLERY_POSTS"] = self.gallery_posts
        self.context["GALLERY_URLS"] = self.gallery_urls

    def generate_output(self, writer: Any) -> None:
        """Encode what the cache lacks, publish every derivative, write /galleries/."""
        self.stats = publish_photos(
            self.plans.all(), self.cfg, output_files(self.context, self.output_path)
        )
        # Shown like Pelican's own "Done:" line: writers see what the photos
        # cost, in the language of the content messages.
        summary = say(
            "Photos: {sources} sources, {encoded} derivatives encoded, "
            "{cached} from the cache.",
            sources=self.stats.sources,
            encoded=self.stats.encoded,
            cached=self.stats.cached,
        )
        console.print(summary.render(writers_gettext(self.settings)), soft_wrap=True)
        versions = {
            lang: url
            for lang, url in self.gallery_urls.items()
            if self.gallery_posts[lang]
        }
        for lang, posts in self.gallery_posts.items():
            if posts:
                writer.write_file(
                    versions[lang] + "index.html",
                    self.get_template("galleries"),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=versions[lang],
                    gallery_posts=posts,
                    page_lang=lang,
                    versions=versions,
                )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the media generator."""
    return MediaGenerator
