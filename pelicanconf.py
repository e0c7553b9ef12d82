"""Settings of the Lao Cai library's site (`invoke build`, `invoke livereload`).

The generator's settings first (site_build/defaults.py: addresses of pages,
plugins, Markdown, the theme), then what is this library's own.
"""

from __future__ import annotations

from pathlib import Path

from site_build.defaults import generator_settings

ROOT = Path(__file__).resolve().parent
generator = generator_settings(ROOT)
globals().update(generator)

SITENAME = "Thư viện tỉnh Lào Cai"
# The address readers know the site by (publishconf.py publishes there): an
# alias written as a full address must be on it or on SITEURL.
PUBLIC_SITEURL = "https://thuvien.laocai.example"

TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
LANGUAGES = ["vi", "en"]

# The library's red, in the header's bar, the buttons and the share cards
# (the theme's other colours stay: theme/static/css/site.css, `:root`).
THEME_SUPPORT = {
    "colours": {"light": {"accent": "#8a1c1c"}, "dark": {"accent": "#5c1313"}}
}
# The editor at /admin/ (Sveltia CMS): the repository it writes to (staff
# sign in with a token; README: "The editor"). `invoke edit` points it at the
# local host over this computer's repository.
ADMIN = {**generator["ADMIN"], "repo": "thu-vien-lao-cai/site", "branch": "main"}
