"""Settings of the production build (`invoke preview`): what readers get."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402, F403

# The public address; `invoke preview --siteurl ...` passes another (e.g. a sub-path).
SITEURL = "https://thuvien.laocai.example"
RELATIVE_URLS = False
CONTENT_MODEL = {**CONTENT_MODEL, "show_drafts": False, "show_future": False}  # noqa: F405
