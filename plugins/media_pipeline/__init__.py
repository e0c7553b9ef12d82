"""Media pipeline: photos published only as resized, stripped derivatives."""

from .plugin import register

__all__ = ["register"]
