"""The editing interface: Decap CMS at /admin/, writing exactly the content model."""

from .plugin import register

__all__ = ["register"]
