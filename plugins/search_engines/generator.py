"""Write the alias redirects, then sitemaps and robots.txt from the pages written."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from content_model.publication import is_public
from site_base.messages import say
from site_build.facts import writers_gettext
from site_build.output import output_files
from site_publish.redirects import NAME as REDIRECTS_FILE

from .aliases import redirects
from .pages import SitemapPages
from .settings import load_settings
from .sitemaps import news_sitemap_bytes, robots_txt, sitemap_bytes

logger = logging.getLogger(__name__)


class SearchEnginesGenerator(Generator):
    """The last generator: every page is written when its generate_output runs."""

    def generate_context(self) -> None:
        """Start recording the pages written (SITEMAP_PAGES)."""
        self.cfg = load_settings(self.settings)
        self.context["SITEMAP_PAGES"] = SitemapPages(self.cfg)

    def generate_output(self, writer: Any) -> None:
        """Write the redirects (pages, `_redirects`), sitemaps and robots.txt."""
        output = Path(self.output_path)
        self._write_redirects(writer, output)
        library = self.context["CONTENT_CHECK"].library
        posts = [
            post
            for lang_posts in self.context.get("POSTS_BY_LANG", {}).values()
            for post in lang_posts
            if is_public(post, self.cfg.facts.build_time)
        ]
        news = news_sitemap_bytes(
            posts,
            self.cfg,
            {lang: library.name(lang) for lang in self.settings["LANGUAGES"]},
        )
        files = {
            self.cfg.sitemap: sitemap_bytes(
                self.context["SITEMAP_PAGES"].sorted(),
                self.cfg,
                self.settings["LANGUAGES"],
            ),
            # No news sitemap without recent posts (an old one is then stale).
            **({self.cfg.news_sitemap: news} if news is not None else {}),
            "robots.txt": robots_txt(self.cfg, news=news is not None),
        }
        written = output_files(self.context, output)
        for name, data in files.items():
            written.write_bytes(name, data)
        # A post leaves the news sitemap news_days after its date.
        self.context["NEXT_CHANGE_AT"].extend(
            post.date + timedelta(days=self.cfg.news_days) for post in posts
        )

    def _write_redirects(self, writer: Any, output: Path) -> None:
        contents = [
            content
            for key in ("articles", "pages")
            for original in self.context.get(key, [])
            for content in (original, *original.translations)
        ]
        lines = []
        gettext = writers_gettext(self.settings)
        files = output_files(self.context, output)
        for redirect in redirects(contents, self.cfg.facts.absolute_siteurl):
            if files.produced_here(output / redirect.save_as):
                message = say(
                    "the old address /{url} is a page of the site now: remove "
                    "it from 'aliases'",
                    url=redirect.url,
                )
                logger.warning(
                    "%s: %s", redirect.target.source_path, message.render(gettext)
                )
                continue
            writer.write_file(
                redirect.save_as,
                self.get_template("redirect"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=redirect.url,
                redirect_to=redirect.target,
                page_lang=redirect.target.lang,
            )
            target = f"{self.cfg.facts.absolute_siteurl}/{redirect.target.url}"
            lines.append(f"/{redirect.url} {target} 301\n")
        if lines:
            # The same redirects for hosts that read this file (Netlify,
            # Cloudflare Pages) and for the S3 publisher's redirect objects.
            files.write_text(REDIRECTS_FILE, "".join(lines))


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the search engines generator."""
    return SearchEnginesGenerator
