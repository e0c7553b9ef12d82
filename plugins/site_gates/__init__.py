"""The gates: what must hold of a production build before it is published.

Not a Pelican plugin: pytest runs the gates (`gates/`) on a built site's
folder, in Debian's Chromium and the Nu Html Checker; `invoke gates` and
`invoke publish` (site_tasks) start them. `plugin` is their pytest plugin
(options and fixtures: the build, its address, the browser); the
generator's own tests use it too.
"""
