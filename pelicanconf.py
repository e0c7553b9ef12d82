"""Settings of the development build (`invoke build`, `invoke livereload`)."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "Thư viện tỉnh Lào Cai"
SITESUBTITLE = "Tin tức, tác giả, tác phẩm và văn hoá đọc"
SITEURL = ""
# The address readers know the site by (publishconf.py publishes there): an
# alias written as a full address must be on it or on SITEURL.
PUBLIC_SITEURL = "https://thuvien.laocai.example"
# Feeds, sitemaps and robots.txt need full addresses: in development builds,
# the one `invoke serve` and `invoke livereload` serve at.
DEV_SITEURL = "http://127.0.0.1:8000"
RELATIVE_URLS = False

PATH = "content"
OUTPUT_PATH = "output"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
# Photos are published only as derivatives by media_pipeline (MEDIA), and only
# for pages this build writes: a draft's photos stay private.
STATIC_PATHS = []
IGNORE_FILES = [".*", "_*", "*~", "#*"]
# The content check asks every photo a writer places for its alt text, in
# the writers' language; an empty alt the build writes itself (a video's
# poster, inside the link that names the video) is meant: Pelican's own
# English warning about it is not for writers.
LOG_FILTER = [(logging.WARNING, "Empty alt attribute for image %s in %s")]
# output/ is kept between builds: only changed files are written and what the
# build no longer makes is removed (site_build/output.py), so a publish sends
# only what changed. Names kept whatever the build makes:
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_RETENTION = [".git"]
# The pages are rendered at the end of the build by this many processes
# (site_build/workers.py): None for every core of the computer, 1 for one.
BUILD_WORKERS = None

TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
LANGUAGES = ["vi", "en"]
DEFAULT_DATE = None


def _build_time() -> datetime:
    """Return "now" for the whole build; SOURCE_DATE_EPOCH makes rebuilds identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(UTC)


BUILD_TIME = _build_time()

THEME = str(ROOT / "theme")
# The plugins are the packages of plugins/, installed by ./dev (`pip install -e .`).
# Order matters: generators run in this order (site_i18n lists need every post).
PLUGINS = [
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
]
# Pelican's build with its closing line in the writers' language.
PELICAN_CLASS = "site_build.SitePelican"
MEDIA = {"cache_path": ".cache/media"}
# Pelican's content cache stays off: the content check keeps each bundle's
# result itself (site_build.bundle_cache), keyed by all the bundle's files and
# the site's other inputs, and measured beside it Pelican's cache saved
# nothing (README, "Caches").
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# The theme's static files are published fingerprinted by theme_support, with
# these files of npm packages (package.json; `npm ci` installs them).
THEME_STATIC_PATHS = []
_NPM = ROOT / "node_modules"
THEME_VENDOR = {
    "vendor/photoswipe-lightbox.esm.js": str(
        _NPM / "photoswipe/dist/photoswipe-lightbox.esm.min.js"
    ),
    "vendor/photoswipe.esm.js": str(_NPM / "photoswipe/dist/photoswipe.esm.min.js"),
    "vendor/photoswipe.css": str(_NPM / "photoswipe/dist/photoswipe.css"),
    "vendor/photoswipe-dynamic-caption.esm.js": str(
        _NPM / "photoswipe-dynamic-caption-plugin/dist/"
        "photoswipe-dynamic-caption-plugin.esm.min.js"
    ),
    "vendor/photoswipe-dynamic-caption.css": str(
        _NPM / "photoswipe-dynamic-caption-plugin/photoswipe-dynamic-caption-plugin.css"
    ),
    # Isso's client, from the pinned Python package (found, not imported).
    "vendor/isso-embed.js": str(
        Path(find_spec("isso").origin).parent / "js" / "embed.min.js"
    ),
}
# A page without a photo is shared with a card of its own: its title on the
# site's colours (page_metadata/cards.py), in DejaVu (npm, every Vietnamese letter).
_FONTS = _NPM / "dejavu-fonts-ttf" / "ttf"
PAGE_METADATA = {
    "card": {
        "background": "#8a1c1c",
        "text": "#ffffff",
        "accent": "#f4f1ec",
        "title_font": str(_FONTS / "DejaVuSans-Bold.ttf"),
        "name_font": str(_FONTS / "DejaVuSans.ttf"),
    }
}
# Readers' comments: the address of the library's Isso server (README:
# "Comments"); "" leaves them out. `invoke livereload` starts one on this
# computer and sets it for the preview.
COMMENTS = ""
# The editor at /admin/ (Sveltia CMS): the repository it writes to (staff
# sign in with a token; README: "The editor"). `invoke edit` points it at the
# local host over this computer's repository.
ADMIN = {
    "sveltia": str(_NPM / "@sveltia/cms"),
    "repo": "thu-vien-lao-cai/site",
    "branch": "main",
}
CONTENT_MODEL = {
    "categories_file": "data/categories.yml",
    "show_drafts": True,
    "show_future": True,
}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        # Typographic quotes, apostrophes, dashes and ellipses in body text,
        # as characters (search and feeds read them as text, not entities).
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
}
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Pelican's default is off, which would let <script> in a title through.
    "autoescape": True,
}

# Translations are linked by their folder (see content_model/metadata.py).
ARTICLE_TRANSLATION_ID = "bundle"
PAGE_TRANSLATION_ID = "bundle"

ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/{date:%Y}/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "drafts/{lang}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
DRAFT_PAGE_LANG_URL = "drafts/pages/{lang}/{slug}/"
DRAFT_PAGE_LANG_SAVE_AS = "drafts/pages/{lang}/{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "by/{slug}/"
AUTHOR_SAVE_AS = "by/{slug}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""
# The home page and the 404 page; Pelican's other direct templates have no URL here.
DIRECT_TEMPLATES = ["index", "not_found"]
INDEX_URL = ""
NOT_FOUND_SAVE_AS = "404.html"
NOT_FOUND_URL = "404.html"
ARCHIVES_SAVE_AS = ""  # /archives/ of every language: site_i18n
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHORS_SAVE_AS = ""

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "category": None,
    "author": None,
    "period_archives": None,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds are written by site_feeds (feedgen), one path for every feed: Pelican's
# own feed writer is off.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEEDS = {
    "site_limit": 30,
    "limit": 20,
}

DEFAULT_DATE_FORMAT = "%d/%m/%Y"
