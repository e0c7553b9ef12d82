"""Search: a Pagefind index of the built site, and a search page per language."""

from .plugin import register

__all__ = ["register"]
