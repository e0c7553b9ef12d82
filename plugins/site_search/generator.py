"""The search page of every language (/search/, /en/search/), noindex."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from site_build.output import output_files
from site_i18n.paths import language_prefix

from .settings import load_settings


class SearchPageGenerator(Generator):
    """Share SEARCH_URLS (the header's form goes there); write the pages."""

    def generate_context(self) -> None:
        """Give every template the search page of each language."""
        cfg = load_settings(self.settings)
        default = self.settings["DEFAULT_LANG"]
        self.urls = {
            lang: language_prefix(lang, default) + cfg.url
            for lang in self.settings["LANGUAGES"]
        }
        self.bundle = cfg.bundle
        self.context["SEARCH_URLS"] = self.urls

    def generate_output(self, writer: Any) -> None:
        """Write /search/ of each language, with the years its filter offers."""
        cfg = load_settings(self.settings)
        if (
            cfg.index
        ):  # made after the build (indexer.py), which removes its stale files
            output_files(self.context, self.output_path).defer(cfg.bundle)
        posts = self.context.get("POSTS_BY_LANG", {})
        for lang, url in self.urls.items():
            years = sorted({p.date.year for p in posts.get(lang, [])}, reverse=True)
            writer.write_file(
                url + "index.html",
                self.get_template("search"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=url,
                page_lang=lang,
                versions=self.urls,
                search_bundle=self.bundle,
                search_years=years,
                noindex=True,
            )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the search page generator."""
    return SearchPageGenerator
