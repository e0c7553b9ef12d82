"""The generator's theme, installed as the package `site_theme`.

Its folders are package data: `templates/` (Jinja), `static/` (published
fingerprinted by theme_support) and `translations/` (the message
catalogues of the theme, the plugins and the tasks). site_build.defaults
points Pelican's THEME at this package's folder; a site replaces a
template by placing its own in its `templates/` folder.
"""
