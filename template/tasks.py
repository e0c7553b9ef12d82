"""The site's tasks (`invoke --list`): build, preview, check, livereload, edit..."""

from pathlib import Path

from site_tasks import site_tasks

namespace = site_tasks(Path(__file__).resolve().parent)
