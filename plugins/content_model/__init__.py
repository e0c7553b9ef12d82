"""Content model: read the content bundles strictly and report every problem at once."""

from .build import SitePelican
from .plugin import register

__all__ = ["SitePelican", "register"]
