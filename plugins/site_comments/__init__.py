"""Readers' comments: Isso's thread under each post, counts on posts and cards."""

from .plugin import register

__all__ = ["register"]
