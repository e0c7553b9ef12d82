"""Plan the crops share previews and structured data use; share the helpers."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from media_pipeline.generator import built_contents
from site_build.facts import site_facts
from site_build.output import output_files

from .cards import ShareCards
from .settings import load_settings
from .share import SharePreviews
from .structured_data import StructuredData


class PageMetadataGenerator(Generator):
    """Context only (no generate_output): every page's share crops are planned."""

    def generate_context(self) -> None:
        """Ask for the crops, then put SHARE and STRUCTURED_DATA in the context."""
        plans = self.context["PHOTO_PLANS"]
        cfg = load_settings(self.settings, plans.cfg.crops)
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
        for content in built_contents(self.context):
            share.request(content, article=id(content) in articles)
        self.context["SHARE"] = share
        self.context["STRUCTURED_DATA"] = StructuredData(
            self.settings, cfg, library, share
        )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the page metadata generator."""
    return PageMetadataGenerator
