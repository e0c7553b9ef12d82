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

# The share cards' colours: the library's red, its white and cream.
PAGE_METADATA = {
    "card": {
        **generator["PAGE_METADATA"]["card"],
        "background": "#8a1c1c",
        "text": "#ffffff",
        "accent": "#f4f1ec",
    }
}
# The editor at /admin/ (Sveltia CMS): the repository it writes to (staff
# sign in with a token; README: "The editor"). `invoke edit` points it at the
# local host over this computer's repository.
ADMIN = {**generator["ADMIN"], "repo": "thu-vien-lao-cai/site", "branch": "main"}
