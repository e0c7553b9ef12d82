"""The generator's Pelican settings: what every library's site builds with.

A site's pelicanconf.py takes these first, then sets what is its own (its
name, addresses, languages, colours, the editor's repository):

    ROOT = Path(__file__).resolve().parent
    globals().update(generator_settings(ROOT))
    SITENAME = "Thư viện tỉnh ..."

and publishconf.py takes pelicanconf.py's settings through
`production_settings`. A site changes any of them by setting it again; a
plugin's own settings (MEDIA, FEEDS, THEME_SUPPORT...) are merged over the
plugin's defaults, so a site sets only the keys it changes.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# The theme: its templates, static files and message catalogues.
THEME_FOLDER = Path(find_spec("site_theme").origin).parent

# Order matters: generators run in this order (site_i18n lists need every post).
PLUGINS = (
    "content_model",
    "site_i18n",
    "people_works",
    "media_pipeline",
    "theme_support",
    "related_lists",
    "site_feeds",
    "page_metadata",
    "site_events",
    "site_comments",
    "site_search",
    "site_admin",
    # Last: it lists every page the others wrote.
    "search_engines",
)


def build_time() -> datetime:
    """Return "now" for the whole build; SOURCE_DATE_EPOCH makes rebuilds identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(UTC)


def generator_settings(root: Path) -> dict[str, Any]:
    """Return the generator's settings for the site whose folder is `root`.

    `root` holds the site's content/, data/ and node_modules/ (npm's
    front-end packages: PhotoSwipe, the editor, the cards' fonts).
    """
    npm = root / "node_modules"
    return {
        **_addresses(),
        **_reading(),
        **_build(),
        # The site's time zone, and its languages, its own first: pages in
        # the others are under /<lang>/ (each needs the theme's catalogue).
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEFAULT_LANG": "vi",
        "LANGUAGES": ["vi", "en"],
        # A post without a date is refused (content_model), never dated now.
        "DEFAULT_DATE": None,
        "DEFAULT_DATE_FORMAT": "%d/%m/%Y",
        # "Now" for the whole build: SOURCE_DATE_EPOCH when set.
        "BUILD_TIME": build_time(),
        # The generator's theme (the package site_theme).
        "THEME": str(THEME_FOLDER),
        # A site's own templates: a file here is used instead of the theme's
        # of the same name (`templates/partials/_macros.html`). Relative to
        # the site's folder (the parent of content/).
        "THEME_TEMPLATES_OVERRIDES": ["templates"],
        # Likewise the site's own static files: `static/favicon.svg` is
        # published instead of the theme's.
        "THEME_STATIC_OVERRIDES": ["static"],
        "PLUGINS": list(PLUGINS),
        # Pelican's build with its closing line in the writers' language.
        "PELICAN_CLASS": "site_build.SitePelican",
        # Photo derivatives are kept between builds in the site's .cache/.
        "MEDIA": {"cache_path": ".cache/media"},
        # Pelican's content cache stays off: the content check keeps each
        # bundle's result itself (site_build.bundle_cache), keyed by all the
        # bundle's files and the site's other inputs, and measured beside it
        # Pelican's cache saved nothing (README, "Caches").
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        # The theme's static files are published fingerprinted by
        # theme_support, with these files of npm packages (package.json).
        "THEME_STATIC_PATHS": [],
        "THEME_VENDOR": _vendor(npm),
        # A page without a photo is shared with a card of its own: its title
        # on the site's colours (page_metadata/cards.py), in DejaVu (npm,
        # every Vietnamese letter).
        "PAGE_METADATA": {"card": _card_fonts(npm / "dejavu-fonts-ttf" / "ttf")},
        # Readers' comments: the address of the library's Isso server; ""
        # leaves them out. `invoke livereload` starts one on this computer.
        "COMMENTS": "",
        # The editor at /admin/ (Sveltia CMS); a site names its repository.
        "ADMIN": {"sveltia": str(npm / "@sveltia/cms")},
        # A development build shows drafts and posts dated later; the
        # production build does not (production_settings).
        "CONTENT_MODEL": {
            "categories_file": "data/categories.yml",
            "show_drafts": True,
            "show_future": True,
        },
        # Posts in the site-wide feeds, and in each other feed.
        "FEEDS": {"site_limit": 30, "limit": 20},
    }


def production_settings(base: dict[str, Any]) -> dict[str, Any]:
    """Return what a production build changes of the site's settings `base`.

    The public address; no drafts, no future posts; feed readers told of new
    posts through WebSub; replaced files kept online a week after a publish.
    """
    return {
        # The public address; `invoke preview --siteurl` passes another.
        "SITEURL": base["PUBLIC_SITEURL"],
        "RELATIVE_URLS": False,
        # No drafts, no posts dated after BUILD_TIME.
        "CONTENT_MODEL": {
            **base["CONTENT_MODEL"],
            "show_drafts": False,
            "show_future": False,
        },
        # `invoke publish` pings this hub with the feeds that changed.
        "FEEDS": {**base["FEEDS"], "websub_hub": "https://pubsubhubbub.appspot.com/"},
        # Files of a replaced page stay online a week after a publish.
        "PUBLISH": {"retention_days": 7},
    }


def _addresses() -> dict[str, Any]:
    """Return where the site reads content and writes pages, and their URLs."""
    return {
        # "": a development build's pages link relative to the server;
        # publishconf.py sets the public address.
        "SITEURL": "",
        # Feeds, sitemaps and robots.txt need full addresses: in development
        # builds, the one `invoke serve` and `invoke livereload` serve at.
        "DEV_SITEURL": "http://127.0.0.1:8000",
        "RELATIVE_URLS": False,
        # Where the content is and the pages go, relative to the site's folder.
        "PATH": "content",
        "OUTPUT_PATH": "output",
        "ARTICLE_PATHS": ["posts"],
        "PAGE_PATHS": ["pages"],
        # Photos are published only as derivatives by media_pipeline (MEDIA),
        # and only for pages this build writes: a draft's photos stay private.
        "STATIC_PATHS": [],
        # Files of content/ that are not content (a draft's `_notes.md`).
        "IGNORE_FILES": [".*", "_*", "*~", "#*"],
        # Translations are linked by their folder (content_model/metadata.py).
        "ARTICLE_TRANSLATION_ID": "bundle",
        "PAGE_TRANSLATION_ID": "bundle",
        # The address of each kind of page (the README's list of addresses);
        # a draft's under drafts/, never linked.
        "ARTICLE_URL": "{date:%Y}/{slug}/",
        "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
        "ARTICLE_LANG_URL": "{lang}/{date:%Y}/{slug}/",
        "ARTICLE_LANG_SAVE_AS": "{lang}/{date:%Y}/{slug}/index.html",
        "DRAFT_URL": "drafts/{slug}/",
        "DRAFT_SAVE_AS": "drafts/{slug}/index.html",
        "DRAFT_LANG_URL": "drafts/{lang}/{slug}/",
        "DRAFT_LANG_SAVE_AS": "drafts/{lang}/{slug}/index.html",
        "PAGE_URL": "{slug}/",
        "PAGE_SAVE_AS": "{slug}/index.html",
        "PAGE_LANG_URL": "{lang}/{slug}/",
        "PAGE_LANG_SAVE_AS": "{lang}/{slug}/index.html",
        "DRAFT_PAGE_URL": "drafts/pages/{slug}/",
        "DRAFT_PAGE_SAVE_AS": "drafts/pages/{slug}/index.html",
        "DRAFT_PAGE_LANG_URL": "drafts/pages/{lang}/{slug}/",
        "DRAFT_PAGE_LANG_SAVE_AS": "drafts/pages/{lang}/{slug}/index.html",
        "CATEGORY_URL": "category/{slug}/",
        "CATEGORY_SAVE_AS": "category/{slug}/index.html",
        "TAG_URL": "tag/{slug}/",
        "TAG_SAVE_AS": "tag/{slug}/index.html",
        "AUTHOR_URL": "by/{slug}/",
        "AUTHOR_SAVE_AS": "by/{slug}/index.html",
        "YEAR_ARCHIVE_URL": "{date:%Y}/",
        "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
        "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
        "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
        "DAY_ARCHIVE_SAVE_AS": "",
        # The home page and the 404 page; Pelican's other direct templates
        # have no URL here.
        "DIRECT_TEMPLATES": ["index", "not_found"],
        "INDEX_URL": "",
        "NOT_FOUND_SAVE_AS": "404.html",
        "NOT_FOUND_URL": "404.html",
        "ARCHIVES_SAVE_AS": "",  # /archives/ of every language: site_i18n
        "CATEGORIES_SAVE_AS": "",
        "TAGS_SAVE_AS": "",
        "AUTHORS_SAVE_AS": "",
        # Ten posts a page in every list; page 2 at <list>/page/2/.
        "DEFAULT_PAGINATION": 10,
        "PAGINATED_TEMPLATES": {
            "index": None,
            "tag": None,
            "category": None,
            "author": None,
            "period_archives": None,
        },
        "PAGINATION_PATTERNS": (
            (1, "{url}", "{save_as}"),
            (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
        ),
        # Feeds are written by site_feeds (feedgen), one path for every feed:
        # Pelican's own feed writer is off.
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
    }


def _reading() -> dict[str, Any]:
    """Return how posts' Markdown and the templates are read."""
    return {
        # Python-Markdown's extensions: tables, footnotes, attribute lists
        # (extra), lists as writers type them, typographic quotes and dashes.
        "MARKDOWN": {
            "extension_configs": {
                "markdown.extensions.extra": {},
                "markdown.extensions.sane_lists": {},
                # Typographic quotes, apostrophes, dashes and ellipses in body
                # text, as characters (search and feeds read them as text).
                "markdown.extensions.smarty": {
                    "substitutions": {
                        "left-single-quote": "‘",
                        "right-single-quote": "’",
                        "left-double-quote": "“",
                        "right-double-quote": "”",
                        "ndash": "–",
                        "mdash": "—",
                        "ellipsis": "…",
                    }
                },
            },
            "output_format": "html5",
        },
        # Templates' whitespace trimmed; every value escaped unless marked safe.
        "JINJA_ENVIRONMENT": {
            "trim_blocks": True,
            "lstrip_blocks": True,
            # Pelican's default is off, which would let <script> in a title
            # through.
            "autoescape": True,
        },
        # The content check asks every photo a writer places for its alt
        # text, in the writers' language; an empty alt the build writes
        # itself (a video's poster, inside the link that names the video) is
        # meant: Pelican's own English warning about it is not for writers.
        "LOG_FILTER": [(logging.WARNING, "Empty alt attribute for image %s in %s")],
    }


def _build() -> dict[str, Any]:
    """Return how the output folder is kept and how many processes render."""
    return {
        # output/ is kept between builds: only changed files are written and
        # what the build no longer makes is removed (site_build/output.py),
        # so a publish sends only what changed. Names kept whatever the build
        # makes:
        "DELETE_OUTPUT_DIRECTORY": False,
        "OUTPUT_RETENTION": [".git"],
        # The pages are rendered at the end of the build by this many
        # processes (workers.py): None for every core, 1 for one.
        "BUILD_WORKERS": None,
    }


def _vendor(npm: Path) -> dict[str, str]:
    """Return the front-end files the theme publishes from npm's packages."""
    return {
        "vendor/photoswipe-lightbox.esm.js": str(
            npm / "photoswipe/dist/photoswipe-lightbox.esm.min.js"
        ),
        "vendor/photoswipe.esm.js": str(npm / "photoswipe/dist/photoswipe.esm.min.js"),
        "vendor/photoswipe.css": str(npm / "photoswipe/dist/photoswipe.css"),
        "vendor/photoswipe-dynamic-caption.esm.js": str(
            npm / "photoswipe-dynamic-caption-plugin/dist/"
            "photoswipe-dynamic-caption-plugin.esm.min.js"
        ),
        "vendor/photoswipe-dynamic-caption.css": str(
            npm
            / "photoswipe-dynamic-caption-plugin/photoswipe-dynamic-caption-plugin.css"
        ),
        # Isso's client, from the pinned Python package (found, not imported).
        "vendor/isso-embed.js": str(
            Path(find_spec("isso").origin).parent / "js" / "embed.min.js"
        ),
    }


def _card_fonts(fonts: Path) -> dict[str, str]:
    """Return the share cards' fonts: DejaVu has every Vietnamese letter."""
    return {
        "title_font": str(fonts / "DejaVuSans-Bold.ttf"),
        "name_font": str(fonts / "DejaVuSans.ttf"),
    }
