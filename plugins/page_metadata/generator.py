"""Plan the crops share previews and structured data use; share the helpers."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from media_pipeline.generator import built_contents
from site_build.facts import site_facts
from site_build.output import output_files
from site_build.workers import build_workers

from .cards import ShareCards
from .settings import load_settings
from .share import SharePreviews
from .structured_data import StructuredData


class PageMetadataGenerator(Generator):
    """Every page's share crops planned; the cards of pages drawn ahead of them.

    The cards are drawn in a process of their own from the end of this
    generator's context to the start of its output: meanwhile the build
    goes on (the later generators' contexts, the earlier ones' outputs)
    mostly on one core.
    """

    def generate_context(self) -> None:
        """Ask for the crops, then put SHARE and STRUCTURED_DATA in the context."""
        plans = self.context["PHOTO_PLANS"]
        colours = self.context.get("THEME_COLOURS")
        cfg = load_settings(
            self.settings, plans.cfg.crops, colours.light if colours else None
        )
        library = self.context["CONTENT_CHECK"].library
        siteurl = site_facts(self.settings).absolute_siteurl
        cards = (
            ShareCards(
                cfg.card,
                plans.cfg.cache / "share",
                output_files(self.context, self.output_path),
                self.context.get("PAGE_CACHE"),
            )
            if cfg.card
            else None
        )
        share = SharePreviews(plans, cfg, library, siteurl, cards)
        articles = {
            id(post)
            for lang_posts in self.context.get("POSTS_BY_LANG", {}).values()
            for post in lang_posts
        } | {id(draft) for draft in self.context.get("drafts", [])}
        contents = built_contents(self.context)
        for content in contents:
            share.request(content, article=id(content) in articles)
        self.context["SHARE"] = share
        self.context["STRUCTURED_DATA"] = StructuredData(
            self.settings, cfg, library, share
        )
        self.share = share
        if build_workers(self.settings) > 1:  # a core of its own
            share.draw_ahead(contents)

    def generate_output(self, _writer: Any) -> None:
        """Stop drawing cards ahead: the pages draw those it has not drawn."""
        self.share.stop_drawing_ahead()


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the page metadata generator."""
    return PageMetadataGenerator
