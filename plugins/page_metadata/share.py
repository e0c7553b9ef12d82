"""Sharing a page: what a shared link shows, and where the share bar sends it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from content_model.model import Library
from media_pipeline.plan import PhotoPlan, PhotoPlans
from media_pipeline.renditions import MIME
from photo_groups import Photo

from .cards import SIZE, CardsAhead, ShareCards
from .settings import PageMetadataSettings


@dataclass(frozen=True)
class ShareImage:
    """A published picture for share previews and structured data."""

    url: str
    width: int
    height: int
    alt: str
    mime: str
    # A wide crop (Twitter's summary_large_image), or the small square logo.
    large: bool


@dataclass(frozen=True)
class ShareTargets:
    """Where the share bar sends a page: its address, title and plain links."""

    url: str
    title: str
    # (network's name, its sharing address for this page), in settings order.
    links: tuple[tuple[str, str], ...]


class SharePreviews:
    """What a shared link shows: the pictures, and the page's Open Graph locale.

    Asks the media pipeline for the crops pages use; finds them when pages render.

    `request` runs at context time, for every page the build writes, so the
    crops are planned before the pipeline encodes; templates then only look up.
    """

    def __init__(
        self,
        plans: PhotoPlans,
        cfg: PageMetadataSettings,
        library: Library,
        siteurl: str,
        cards: ShareCards | None = None,
    ) -> None:
        self.plans = plans
        self.cfg = cfg
        self.library = library
        # A full address (a development build's too): a shared link leaves the site.
        self.siteurl = siteurl
        self.cards = cards
        self.ahead: CardsAhead | None = None
        size = cfg.logo_size
        # Named by size: the feeds' 512 px square is the same file.
        self.logo_crop = f"square-{size}"
        small = cfg.header_logo_size
        self.header_crop = f"square-{small}"
        self.logo_plan = plans.add(
            library.logo,
            {self.logo_crop: (size, size), self.header_crop: (small, small)},
            responsive=False,
        )

    def request(self, content: Any, *, article: bool) -> None:
        """Plan the share crop of `content`'s cover, and an article's other crops."""
        cover = getattr(content, "cover", None)
        if cover is None:
            return
        names = (self.cfg.share_crop, *(self.cfg.article_crops if article else ()))
        self.plans.add(cover, {name: self.plans.cfg.crops[name] for name in names})

    def image(self, content: Any, lang: str, title: str = "") -> ShareImage:
        """Return the picture a link to `content`'s page shows.

        Its cover's crop; without one, a card with the page's `title` (the
        logo for the home page, whose title is the library's name in a language).
        """
        cover = getattr(content, "cover", None) if content else None
        if cover is not None:
            return self._crop(
                self._plan(cover), self.cfg.share_crop, cover.alt, large=True
            )
        wanted = self._card(lang, title)
        if wanted is None:
            return self.logo(lang)
        path = self.cards.card(*wanted)
        width, height = SIZE
        return ShareImage(
            f"{self.plans.cfg.facts.siteurl}/{path}",
            width,
            height,
            title,
            MIME["jpeg"],
            True,
        )

    def _card(self, lang: str, title: str) -> tuple[str, str] | None:
        """Return the (title, name) of the card a page of `title` shows, if any."""
        if self.cards is None or not title or title in self.library.names.values():
            return None
        return title, self.library.name(lang)

    def draw_ahead(self, contents: list[Any]) -> None:
        """Start drawing the cards of the pages of `contents` (ShareCards.draw_ahead).

        A page of a post, page, person or work without a cover shows a card
        of its title: drawn while the build goes on with one core.
        """
        if self.cards is None:
            return
        wanted = [
            card
            for content in contents
            if getattr(content, "cover", None) is None
            and (card := self._card(content.lang, str(content.title).strip()))
        ]
        self.ahead = self.cards.draw_ahead(wanted)

    def stop_drawing_ahead(self) -> None:
        """End the drawing of cards ahead (the pages draw the rest)."""
        if self.ahead is not None:
            self.ahead.stop()
            self.ahead = None

    def logo(self, lang: str) -> ShareImage:
        """Return the library's logo, as pages without a photo are shared."""
        return self._crop(
            self.logo_plan, self.logo_crop, self.library.name(lang), large=False
        )

    def header_logo(self, lang: str) -> ShareImage:
        """Return the small square of the logo the site's header shows."""
        return self._crop(
            self.logo_plan, self.header_crop, self.library.name(lang), large=False
        )

    def article_images(self, content: Any) -> list[ShareImage]:
        """Return the cover's crops for an article's structured data (none: [])."""
        cover = getattr(content, "cover", None)
        if cover is None:
            return []
        plan = self._plan(cover)
        return [
            self._crop(plan, name, cover.alt, large=True)
            for name in self.cfg.article_crops
        ]

    def targets(self, content: Any) -> ShareTargets:
        """Return where the share bar sends `content`'s page (a post, person or work).

        The page's own address, not its `canonical`: the reader passes on
        the page they read.
        """
        url = f"{self.siteurl}/{content.url}"
        title = str(content.title)
        encoded = {"url": quote(url, safe=""), "title": quote(title, safe="")}
        links = tuple(
            (name, template.format(**encoded))
            for name, template in self.cfg.share_links.items()
        )
        return ShareTargets(url, title, links)

    def locale(self, lang: str) -> str:
        """Return the Open Graph locale of `lang` (vi_VN), else `lang` itself."""
        return self.cfg.locales.get(lang, lang)

    def _plan(self, photo: Photo) -> PhotoPlan:
        # Planned at context time: asking again changes nothing.
        return self.plans.add(photo)

    @staticmethod
    def _crop(plan: PhotoPlan, name: str, alt: str, *, large: bool) -> ShareImage:
        crop = plan.crops[name]
        return ShareImage(
            plan.url(crop), crop.width, crop.height, alt, MIME[crop.fmt], large
        )
