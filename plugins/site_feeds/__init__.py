"""Feeds: RSS, Atom and JSON Feed of the posts, the songs as a podcast, WebSub."""

from .plugin import register

__all__ = ["register"]
