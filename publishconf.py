"""Settings of the production build (`invoke preview`): what readers get."""

from __future__ import annotations

from pathlib import Path

from pelican.settings import load_source

# pelicanconf.py beside this file, loaded by path as Pelican loads settings files.
_base = load_source("pelicanconf", str(Path(__file__).with_name("pelicanconf.py")))
globals().update({name: value for name, value in vars(_base).items() if name.isupper()})

# The public address; `invoke preview --siteurl ...` passes another (e.g. a sub-path).
SITEURL = _base.PUBLIC_SITEURL
RELATIVE_URLS = False
CONTENT_MODEL = {**_base.CONTENT_MODEL, "show_drafts": False, "show_future": False}
# Feed readers that use WebSub hear of new posts from this hub at once; `invoke
# publish` pings it with the feeds that changed (site_feeds.websub).
FEEDS = {**_base.FEEDS, "websub_hub": "https://pubsubhubbub.appspot.com/"}
# `invoke publish`: files a replaced page still referenced stay online a week.
PUBLISH = {"retention_days": 7}
