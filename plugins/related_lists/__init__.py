"""Related lists under an article: same topic, same category, same author."""

from .related import register

__all__ = ["register"]
