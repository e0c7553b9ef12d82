"""The editing interface: Sveltia CMS at /admin/, writing exactly the content model."""

from .plugin import register

__all__ = ["register"]
