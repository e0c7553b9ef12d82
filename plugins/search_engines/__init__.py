"""What crawlers read: sitemaps, robots.txt, and redirects from old addresses."""

from .plugin import register

__all__ = ["register"]
