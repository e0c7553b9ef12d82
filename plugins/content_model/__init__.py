"""Content model: read the content bundles strictly and report every problem at once."""

from .plugin import register

__all__ = ["register"]
