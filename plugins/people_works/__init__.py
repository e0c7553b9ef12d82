"""People (authors, musicians) and works (songs, books, poems) as pages of their own."""

from .plugin import register

__all__ = ["register"]
