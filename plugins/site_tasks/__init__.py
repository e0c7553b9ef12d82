"""The tasks of a library's site (`invoke --list`): build, preview, check, edit...

Not a Pelican plugin: a site's tasks.py makes its collection with
`site_tasks(root)`, and each task works on that site's folder.
"""

from .collection import site_tasks

__all__ = ["site_tasks"]
