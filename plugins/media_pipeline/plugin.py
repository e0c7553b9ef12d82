"""Connect the media pipeline to Pelican's signals (see plugins/PLUGINS.md)."""

from __future__ import annotations

from typing import Any

from pelican import signals

from content_model import signals as content_signals

from .cache import source_digests
from .generator import get_generators
from .markup import photo_renderer, picture_element, picture_markup
from .plan import plan
from .settings import load_settings


def provide_photo_renderer(settings: dict[str, Any]) -> Any:
    """Draw the photos of post bodies as <picture> of their derivatives."""
    return photo_renderer(load_settings(settings))


def add_picture_filter(generator: Any) -> None:
    """Give templates `photo | picture(role)`: a <picture> of the derivatives."""
    cfg = load_settings(generator.settings)
    digests = source_digests(cfg.facts.content)

    def picture(  # noqa: PLR0913, PLR0917 (a Jinja filter's keywords)
        photo, role="card", eager=False, link=False, css="", decorative=False
    ):
        photo_plan = plan(photo, cfg, digest=digests.digest(photo.path))
        element = picture_element(
            photo_plan,
            cfg.formats,
            role,
            eager=eager,
            link=link,
            css=css,
            decorative=decorative,
        )
        return picture_markup(element)

    def thumbnail_url(photo):
        """Return the address of a photo's smallest size in the format all read."""
        photo_plan = plan(photo, cfg, digest=digests.digest(photo.path))
        return photo_plan.url(photo_plan.of_format(cfg.fallback)[0])

    generator.env.filters["picture"] = picture
    generator.env.filters["thumbnail_url"] = thumbnail_url


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_picture_filter)
    content_signals.photo_renderer.connect(provide_photo_renderer)
