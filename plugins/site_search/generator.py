"""The search page of every language (/search/, /en/search/), noindex."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from site_build.output import output_files
from site_i18n.paths import language_prefix

from .preload import page_values
from .settings import load_settings


def search_urls(settings: dict[str, Any]) -> dict[str, str]:
    """Return {lang: the search page's URL} (search/, en/search/)."""
    cfg = load_settings(settings)
    default = settings["DEFAULT_LANG"]
    return {
        lang: language_prefix(lang, default) + cfg.url for lang in settings["LANGUAGES"]
    }


class SearchPageGenerator(Generator):
    """Share SEARCH_URLS (the header's form goes there); write the pages."""

    def generate_context(self) -> None:
        """Give every template the search page of each language."""
        self.urls = search_urls(self.settings)
        self.bundle = load_settings(self.settings).bundle
        self.context["SEARCH_URLS"] = self.urls

    def generate_output(self, writer: Any) -> None:
        """Write /search/ of each language, with the years its filter offers."""
        cfg = load_settings(self.settings)
        files = output_files(self.context, self.output_path)
        tag, preloaded = "", {}
        if cfg.index:
            # Made after the build (indexer.py), which removes its stale files.
            files.defer(cfg.bundle)
            if files.announce is None:  # not a live preview (preload.py)
                tag, preloaded = page_values(Path(self.output_path) / cfg.bundle)
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
                search_preload=" ".join(preloaded.get(lang, [])),
                search_cache_tag=tag,
                noindex=True,
            )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the search page generator."""
    return SearchPageGenerator
