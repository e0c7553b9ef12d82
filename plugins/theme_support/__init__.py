"""Theme support: strict templates, fingerprinted assets, menu and filters."""

from .plugin import register

__all__ = ["register"]
