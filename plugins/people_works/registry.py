"""Find people and works by slug and language; link them with posts both ways."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .entries import Entry


class Registry:
    """All entries, found by (kind, slug, lang); a missing language falls back."""

    def __init__(self, entries: list[Entry], default_lang: str) -> None:
        self.entries = entries
        self.default_lang = default_lang
        self._index = {(e.entry_type, e.slug, e.lang): e for e in entries}

    def get(self, kind: str, slug: str, lang: str) -> Entry | None:
        """Return the entry in `lang`, else in the default language, else any."""
        for wanted in (lang, self.default_lang):
            found = self._index.get((kind, slug, wanted))
            if found is not None:
                return found
        return next(
            (e for e in self.entries if e.entry_type == kind and e.slug == slug), None
        )

    def of(self, kind: str, lang: str) -> list[Entry]:
        """Return every entry of `kind` shown in `lang` (each person or work once)."""
        slugs = sorted({e.slug for e in self.entries if e.entry_type == kind})
        found = [self.get(kind, slug, lang) for slug in slugs]
        return sorted(
            (e for e in found if e), key=lambda e: (e.title.casefold(), e.slug)
        )

    def link(self, posts_by_lang: dict[str, list[Any]]) -> None:
        """Fill every entry's posts, works and people, in the entry's language.

        From indexes made once (who is named by which posts, which works name
        whom), never by reading every post for every entry.
        """
        named: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
        for lang, posts in posts_by_lang.items():
            for post in posts:  # newest first, as each entry lists them
                for key in ("people", "works"):
                    for slug in dict.fromkeys(getattr(post, key, None) or []):
                        named[(lang, key, slug)].append(post)
        credits: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
        for entry in self.entries:
            key = "people" if entry.entry_type == "person" else "works"
            entry.posts = list(named.get((entry.lang, key, entry.slug), []))
            if entry.entry_type == "work":
                entry.creators = self._people(
                    entry.metadata.get("creators", []), entry.lang
                )
                entry.performers = self._people(
                    entry.metadata.get("performers", []), entry.lang
                )
        for lang in {e.lang for e in self.entries} | {self.default_lang}:
            for work in self.of("work", lang):
                for role in ("creators", "performers"):
                    for slug in dict.fromkeys(work.metadata.get(role, [])):
                        credits[(lang, role, slug)].append(work)
        for person in (e for e in self.entries if e.entry_type == "person"):
            person.works_created = credits.get(
                (person.lang, "creators", person.slug), []
            )
            person.works_performed = credits.get(
                (person.lang, "performers", person.slug), []
            )
            person.works_in_posts = self._works_in_posts(person)

    def _works_in_posts(self, person: Entry) -> list[Entry]:
        """Return the works the posts about `person` name, not credited to them."""
        credited = {id(work) for work in person.works_created + person.works_performed}
        slugs = dict.fromkeys(
            slug for post in person.posts for slug in getattr(post, "works", None) or []
        )
        works = (self.get("work", slug, person.lang) for slug in slugs)
        return [work for work in works if work and id(work) not in credited]

    def _people(self, slugs: list[str], lang: str) -> list[Entry]:
        return [p for p in (self.get("person", s, lang) for s in slugs) if p]
