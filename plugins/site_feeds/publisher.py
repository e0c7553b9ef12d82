"""The library as feeds name it; its logo and artwork made by the media pipeline."""

from __future__ import annotations

from typing import Any

from content_model.model import Library
from media_pipeline.plan import PhotoPlans
from media_pipeline.renditions import MIME
from site_i18n.paths import language_prefix

from .items import absolute_url
from .model import Image, Publisher
from .settings import FeedSettings

# Square crops of the logo: RSS allows an <image> at most 144 px wide; JSON
# Feed's icon is 512 px and its favicon (Atom's icon too) 64 px. Named by
# size, so another plugin asking for the same square shares the file.
LOGO_CROPS = {"square-144": (144, 144), "square-512": (512, 512), "square-64": (64, 64)}
ARTWORK_CROP = "podcast"


def make_publisher(
    library: Library, lang: str, cfg: FeedSettings, plans: PhotoPlans
) -> Publisher:
    """Return the library in `lang`, asking the media pipeline for its pictures."""
    logo = plans.add(library.logo, LOGO_CROPS, responsive=False)
    artwork = artwork_image(library.podcast_artwork, cfg, plans)
    return Publisher(
        name=library.name(lang),
        email=library.email,
        home_url=absolute_url(
            cfg.facts.absolute_siteurl, language_prefix(lang, cfg.facts.default_lang)
        ),
        logo=crop_image(logo, "square-144", cfg),
        icon=crop_image(logo, "square-512", cfg),
        favicon=crop_image(logo, "square-64", cfg),
        artwork=artwork,
        hub=cfg.websub_hub,
        tagline=library.fact("tagline", lang),
    )


def artwork_image(photo: Any, cfg: FeedSettings, plans: PhotoPlans) -> Image:
    """Return the square podcast crop of `photo` (artwork_size on each side)."""
    size = cfg.artwork_size
    planned = plans.add(photo, {ARTWORK_CROP: (size, size)}, responsive=False)
    return crop_image(planned, ARTWORK_CROP, cfg)


def song_artwork(song: Any, cfg: FeedSettings, plans: PhotoPlans) -> Image | None:
    """Return a song's own cover as artwork when it is square and large enough."""
    cover = song.metadata.get("cover")
    size = cfg.artwork_size
    if cover is None or cover.width != cover.height or cover.width < size:
        return None
    return artwork_image(cover, cfg, plans)


def crop_image(plan: Any, name: str, cfg: FeedSettings) -> Image:
    """Return the crop `name` of a planned photo as a published image."""
    crop = plan.crops[name]
    return Image(
        absolute_url(cfg.facts.absolute_siteurl, plan.url(crop)),
        crop.width,
        crop.height,
        MIME[crop.fmt],
    )
