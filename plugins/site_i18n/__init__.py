"""The site in several languages in one run: UI strings, language lists, switcher."""

from .plugin import register

__all__ = ["register"]
