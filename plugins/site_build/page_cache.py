"""Render a page only when what it shows may have changed since the last build.

Rendering a thousand posts' pages is most of a rebuild. Each page's key is
made of:
- the site's key: the build's inputs other than content (settings, theme,
  plugins, data files), and the "card" of every post, page, person and work
  of the site: every value they carry but their body (title, address, date,
  summary, cover and its file's digest, category, tags, links to others...).
  Menus, lists, related posts and language links are made of cards, so any
  change to a card renders every page again.
- the page's own values (what its generator passed for this page, not the
  context all pages share): a post or person given to its own page counts
  with its body; a post in a list counts with its card.

A page whose key is the one recorded at the last build into the same folder,
and whose file is there, is not rendered: its file is left as it is
(site_build.output writes the pages at the end of the build, and Pelican
has sent `content_written` for it as for any page, so the sitemap still
lists it).
A value this module cannot digest (an object it does not know) makes a key
that never matches: such a page is always rendered.

A file a page makes while it renders (its share card) is attached to it
(`attach`): when the page is kept, its files are kept with it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any
from zoneinfo import ZoneInfo

from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from site_build.digests import FileDigests

# Attributes of a content object that are not what a page shows of it.
_NOT_SHOWN = frozenset({"settings", "_context", "_content", "content"})
_NEVER = object()  # a value that makes a key no build matches


_PLAIN_TYPES = (type(None), bool, int, float, str)


@functools.cache
def _content_type(kind: type) -> bool:
    """Pelican's posts and pages; people_works' entries (a dataclass with a type)."""
    return issubclass(kind, Content) or "entry_type" in getattr(
        kind, "__dataclass_fields__", {}
    )


def is_content(value: Any) -> bool:
    """Return whether `value` is a post, page, person or work (by its type)."""
    return not isinstance(value, type) and _content_type(type(value))


def identity(value: Any) -> str:
    """Return what names a content object across builds."""
    where = getattr(value, "source_path", None) or str(getattr(value, "folder", ""))
    return f"{type(value).__name__}:{where}:{value.lang}:{value.url}"


# Lists up to this long are digested within their holder; a longer one (a
# tag's posts, every post) on its own, once, however many pages hold it.
SHORT_LIST = 16


class Digester:
    """Digests of values for one build, each content object's computed once."""

    def __init__(self, photos: FileDigests | None = None) -> None:
        self.photos = photos
        self.cards: dict[int, str] = {}
        self.bodies: dict[int, str] = {}
        # Long lists (a tag's posts, every post) are in many pages' values:
        # each list object is digested once (kept, so its id is not reused).
        self.lists: dict[int, tuple[Any, str]] = {}
        self.names: dict[int, tuple[Any, str]] = {}
        self.frozen: dict[int, tuple[Any, Any]] = {}

    def identity(self, content: Any) -> str:
        """Return the identity of `content`, made once per object."""
        known = self.names.get(id(content))
        if known is None:
            known = self.names[id(content)] = (content, identity(content))
        return known[1]

    def card(self, content: Any) -> str:
        """Return the digest of what lists and links show of `content`."""
        key = id(content)
        if key not in self.cards:
            # Pelican's metadata repeats a post's attributes; an entry's is its own.
            hidden = (
                _NOT_SHOWN | {"metadata"}
                if isinstance(content, Content)
                else _NOT_SHOWN
            )
            values = {
                name: value
                for name, value in vars(content).items()
                if name not in hidden
            }
            self.cards[key] = self.hash_of(
                [self.identity(content), self._plain(values, nested=True)]
            )
        return self.cards[key]

    def whole(self, content: Any) -> str:
        """Return the digest of `content` with its body (its own page)."""
        key = id(content)
        if key not in self.bodies:
            body = getattr(content, "_content", None)
            if body is None:
                body = getattr(content, "content", "")
            self.bodies[key] = self.hash_of([self.card(content), str(body)])
        return self.bodies[key]

    def value(self, value: Any) -> str:
        """Return the digest of a page's own value (posts with their body)."""
        return self.hash_of(self._plain(value, nested=False))

    def _plain(self, value: Any, *, nested: bool) -> Any:  # noqa: PLR0911 (one per kind)
        if isinstance(value, _PLAIN_TYPES):
            return value
        if isinstance(value, datetime | date):
            return value.isoformat()
        if is_content(value):
            if nested:
                return ["content", self.identity(value)]
            return ["content", self.identity(value), self.whole(value)]
        if isinstance(value, dict):
            return sorted(
                ([str(k), self._plain(v, nested=nested)] for k, v in value.items()),
                key=lambda item: item[0],
            )
        if isinstance(value, list | tuple):
            if len(value) <= SHORT_LIST:  # a post's tags, its related posts...
                return ["list", [self._plain(v, nested=True) for v in value]]
            known = self.lists.get(id(value))
            if known is None:
                plain = [self._plain(v, nested=True) for v in value]
                known = self.lists[id(value)] = (value, self.hash_of(plain))
            return ["list", known[1]]
        if isinstance(value, set | frozenset):
            return sorted(json.dumps(self._plain(v, nested=True)) for v in value)
        if isinstance(value, PurePath):
            return self._path(value)
        return self._object(value)

    def _object(self, value: Any) -> Any:
        if isinstance(value, Page):  # a page of a paginated list
            return [
                "page",
                value.number,
                value.paginator.num_pages,
                self._plain(value.object_list, nested=True),
            ]
        if isinstance(value, Paginator):
            return [
                "paginator",
                str(value.name),
                value.num_pages,
                self._plain(value.object_list, nested=True),
            ]
        if isinstance(value, URLWrapper):  # a category, tag or author
            return [type(value).__name__, str(value.name), value.slug]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._dataclass(value)
        if isinstance(value, ZoneInfo):
            return value.key
        return _NEVER

    def _dataclass(self, value: Any) -> Any:
        """Return the plain form of a dataclass; a frozen one's is made once.

        A frozen value (a feed's item) is in many values (every feed of its
        post's topics): its digest stands for it, kept with it so that its
        id is not reused.
        """
        frozen = type(value).__dataclass_params__.frozen
        known = self.frozen.get(id(value)) if frozen else None
        if known is not None:
            return known[1]
        plain = [
            type(value).__name__,
            self._plain(
                {f.name: getattr(value, f.name) for f in dataclasses.fields(value)},
                nested=True,
            ),
        ]
        if frozen:
            plain = ["frozen", self.hash_of(plain)]
            self.frozen[id(value)] = (value, plain)
        return plain

    def _path(self, path: PurePath) -> Any:
        """Return a file's name and its bytes' digest (a replaced photo counts)."""
        if self.photos is not None and os.path.isfile(path):
            return [str(path), self.photos.digest(Path(path))]
        return str(path)

    @staticmethod
    def hash_of(value: Any) -> str:
        """Return the sha256 of `value` (plain data) as JSON."""
        text = json.dumps(value, default=_unknown, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _unknown(value: Any) -> Any:
    if value is _NEVER:
        return os.urandom(16).hex()  # never the same twice: always rendered
    raise TypeError(type(value).__name__)


class PageCache:
    """The key of each page and file of the last build into one output folder."""

    def __init__(
        self, path: Path, inputs: str, photos: FileDigests, output: Path
    ) -> None:
        self.path = path
        self.output = output
        self.inputs = inputs
        self.digester = Digester(photos)
        try:
            saved = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            saved = {}
        self.previous: dict[str, str] = saved.get("keys", {})
        self.previous_files: dict[str, list[str]] = saved.get("files", {})
        self.keys: dict[str, str] = {}
        # Files pages made while rendering, by page; the page rendering now.
        self.files: dict[str, list[str]] = {}
        self.rendering: str | None = None
        self.site_key: str | None = None
        self.rendered = 0
        self.reused = 0

    def site(self, context: dict[str, Any]) -> str:
        """Return the site's key: inputs other than content, and every card."""
        if self.site_key is None:
            contents = {
                identity(item): item
                for value in context.values()
                if isinstance(value, list)
                for item in value
                if is_content(item)
            }
            for item in list(contents.values()):
                for other in getattr(item, "translations", None) or []:
                    contents.setdefault(identity(other), other)
            cards = [[n, self.digester.card(contents[n])] for n in sorted(contents)]
            self.site_key = Digester.hash_of([self.inputs, cards])
        return self.site_key

    def page_key(
        self, name: str, template: str, local: dict[str, Any], shared: dict[str, Any]
    ) -> str:
        """Return the key of page `name`: the site's key and the page's own values."""
        own = {
            key: value
            for key, value in local.items()
            if key not in shared or shared[key] is not value
        }
        return Digester.hash_of(
            [self.site(shared), template, name, self.digester.value(own)]
        )

    def kept_file(self, name: str, value: Any) -> bytes | None:
        """Return file `name`'s bytes if the last build made it from the same `value`.

        For files that are not pages (feeds, calendars): `value` is all they
        are made of, besides the site's inputs other than content.
        """
        key = Digester.hash_of([self.inputs, name, self.digester.value(value)])
        return self.reusable_bytes(name, key)

    def unchanged(self, name: str, key: str) -> bool:
        """Record page `name`'s `key`; return whether its file made with it is there."""
        self.keys[name] = key
        return self.previous.get(name) == key and (self.output / name).is_file()

    def reusable_bytes(self, name: str, key: str) -> bytes | None:
        """Return the file's bytes if `name` was made with `key`, else None."""
        if not self.keys:  # the first file: a build stopped half-way keeps none
            self.path.unlink(missing_ok=True)
        self.keys[name] = key
        if self.previous.get(name) != key:
            return None
        try:
            with (self.output / name).open("rb") as stream:
                return stream.read()
        except OSError:
            return None

    def prepare(self, shared: dict[str, Any]) -> None:
        """Make what every page's key needs, before processes share the pages.

        The site's key, once; the saved keys are forgotten on disk (a build
        stopped half-way keeps none), as at the first file.
        """
        self.site(shared)
        if not self.keys:
            self.path.unlink(missing_ok=True)

    def record(
        self, name: str, key: str | None, files: tuple[str, ...], reused: bool
    ) -> None:
        """Record a page written in another process: its key, files, and if kept."""
        if key is not None:
            self.keys[name] = key
        if files:
            self.files[name] = list(files)
        if reused:
            self.reused += 1
        else:
            self.rendered += 1

    def attach(self, path: str) -> None:
        """Record that the page rendering now made file `path` (kept with it)."""
        if self.rendering is not None:
            self.files.setdefault(self.rendering, []).append(path)

    def kept_files(self, name: str) -> list[str]:
        """Return the files page `name` made when it was last rendered (it is kept)."""
        files = self.previous_files.get(name, [])
        if files:
            self.files[name] = files
        return files

    def save(self) -> None:
        """Keep this build's keys (and pages' files) for the next build."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        saved = {"keys": self.keys, "files": self.files}
        temporary.write_text(json.dumps(saved, sort_keys=True), "utf-8")
        temporary.replace(self.path)
