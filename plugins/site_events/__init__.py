"""Events: a box on the post, an .ics to add it to a calendar, and /events.ics."""

from .plugin import register

__all__ = ["register"]
