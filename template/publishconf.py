"""Settings of the production build (`invoke preview`): what readers get."""

from __future__ import annotations

from pathlib import Path

from pelican.settings import load_source

from site_build.defaults import production_settings

# pelicanconf.py beside this file, loaded by path as Pelican loads settings files.
_base = load_source("pelicanconf", str(Path(__file__).with_name("pelicanconf.py")))
globals().update({name: value for name, value in vars(_base).items() if name.isupper()})
# The public address, no drafts, WebSub, a week's retention.
globals().update(production_settings(vars(_base)))
