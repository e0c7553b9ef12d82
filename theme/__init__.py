"""The generator's theme, installed as the package `site_theme`.

Its folders are package data: `templates/` (Jinja), `static/` (published
fingerprinted by theme_support) and `translations/` (the message
catalogues of the theme, the plugins and the tasks). A site points Pelican's
THEME at `FOLDER` (site_build.defaults does) and replaces a template by
placing its own in its `templates/` folder.
"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
