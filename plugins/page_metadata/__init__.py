"""What search engines and chat apps read of a page: canonical, previews, JSON-LD."""

from .plugin import register

__all__ = ["register"]
