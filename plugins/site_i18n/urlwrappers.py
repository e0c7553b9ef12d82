"""Categories, tags and bylines whose pages live under a language folder (/en/)."""

from __future__ import annotations

from pelican.urlwrappers import Author, Category, Tag


class _Localized:
    """A URL wrapper whose URL and file get the language folder in front."""

    lang: str = ""

    @property
    def url(self) -> str:
        """Return e.g. en/category/events/."""
        return f"{self.lang}/{super().url}"  # type: ignore[misc]

    @property
    def save_as(self) -> str:
        """Return e.g. en/category/events/index.html."""
        return f"{self.lang}/{super().save_as}"  # type: ignore[misc]


def _localized_class(base: type) -> type:
    """Return a subclass of `base` with the language folder in front of its URL.

    It keeps the base's name because Pelican reads <CLASSNAME>_URL and
    <CLASSNAME>_SAVE_AS from the settings (CATEGORY_URL, TAG_URL, AUTHOR_URL).
    """

    def __eq__(self, other):  # noqa: N807 (a method of the new class)
        """Compare by slug: a category, tag or author is one in every language."""
        if isinstance(other, base):
            return self.slug == other.slug
        return base.__eq__(self, other)

    namespace = {
        "__doc__": f"A {base.__name__} in another language.",
        "__eq__": __eq__,
        "__hash__": base.__hash__,
    }
    return type(base.__name__, (_Localized, base), namespace)


LocalizedCategory = _localized_class(Category)
LocalizedTag = _localized_class(Tag)
LocalizedAuthor = _localized_class(Author)


_KINDS = {Category: LocalizedCategory, Tag: LocalizedTag, Author: LocalizedAuthor}


def localized(wrapper, lang: str, settings: dict):
    """Return the category, tag or author `wrapper` with its page under /<lang>/."""
    moved = _KINDS[type(wrapper)](wrapper.name, settings)
    moved.slug = wrapper.slug
    moved.lang = lang
    return moved


def localize_metadata(metadata: dict, settings: dict) -> None:
    """Move the category, tags and bylines of a page in another language to /<lang>/.

    The default language's lists stay at the root; the same category is one
    category in every language (same slug), with a page per language.
    """
    lang = metadata.get("lang")
    if not lang or lang == settings["DEFAULT_LANG"]:
        return
    if metadata.get("category") is not None:
        metadata["category"] = localized(metadata["category"], lang, settings)
    for key in ("tags", "authors"):
        if metadata.get(key):
            metadata[key] = [localized(w, lang, settings) for w in metadata[key]]
