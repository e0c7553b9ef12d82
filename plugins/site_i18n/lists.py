"""The list pages of the other languages (/en/, /en/category/..., /en/404.html).

Pelican writes the lists of the default language; this generator writes the
same pages for every other language from the posts in that language, and
records which list exists in which language for the switcher and hreflang.
It also writes `/archives/` of every language (the default's too): each
year and month with its number of posts, linking their pages.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from typing import Any

from pelican.generators import Generator

from .paths import language_prefix

LIST_KINDS = ("category", "tag", "author")


def posts_by_language(context: dict[str, Any]) -> dict[str, list[Any]]:
    """Return every published post (originals and translations) by language."""
    found: dict[str, list[Any]] = defaultdict(list)
    for post in [*context.get("articles", []), *context.get("translations", [])]:
        found[post.lang].append(post)
    for posts in found.values():
        posts.sort(key=attrgetter("date"), reverse=True)
    return found


def groups(posts: list[Any], kind: str) -> dict[str, tuple[Any, list[Any]]]:
    """Return {slug: (wrapper, posts)} for categories, tags or authors."""
    grouped: dict[str, tuple[Any, list[Any]]] = {}
    for post in posts:
        if kind == "category":
            wrappers = [post.category] if getattr(post, "category", None) else []
        else:
            wrappers = getattr(post, f"{kind}s", [])
        for wrapper in wrappers:
            grouped.setdefault(wrapper.slug, (wrapper, []))[1].append(post)
    return grouped


def archive_years(posts: list[Any]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Return [(year, posts, [(month, posts)])], newest first."""
    counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for post in posts:
        counts[post.date.year][post.date.month] += 1
    return [
        (year, sum(months.values()), sorted(months.items(), reverse=True))
        for year, months in sorted(counts.items(), reverse=True)
    ]


class LanguageListsGenerator(Generator):
    """Write home, categories, tags, bylines, years and 404 of each other language."""

    def generate_context(self) -> None:
        """Group the posts of each language; record every list's versions."""
        default = self.settings["DEFAULT_LANG"]
        self.posts = posts_by_language(self.context)
        versions: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for lang in self.settings["LANGUAGES"]:
            posts = self.posts.get(lang, [])
            versions[("home", "")][lang] = language_prefix(lang, default)
            for kind in LIST_KINDS:
                for slug, (wrapper, _posts) in groups(posts, kind).items():
                    versions[(kind, slug)][lang] = wrapper.url
            prefix = language_prefix(lang, default)
            for year in {post.date.year for post in posts}:
                versions[("year", str(year))][lang] = f"{prefix}{year}/"
            for year, month in {(p.date.year, p.date.month) for p in posts}:
                versions[("month", f"{year}/{month:02d}")][lang] = (
                    f"{prefix}{year}/{month:02d}/"
                )
            versions[("archives", "")][lang] = f"{prefix}archives/"
        self.context["LIST_VERSIONS"] = dict(versions)
        self.context["POSTS_BY_LANG"] = self.posts

    def generate_output(self, writer: Any) -> None:
        """Write the lists of every language but the default (Pelican wrote those)."""
        default = self.settings["DEFAULT_LANG"]
        for lang in self.settings["LANGUAGES"]:
            self._write_archives(writer, lang, self.posts.get(lang, []))
            if lang == default:
                continue
            posts = self.posts.get(lang, [])
            self._write(
                writer,
                lang=lang,
                save_as=f"{lang}/index.html",
                template="index",
                url=f"{lang}/",
                posts=posts,
            )
            for kind in LIST_KINDS:
                for wrapper, grouped in groups(posts, kind).values():
                    self._write(
                        writer,
                        lang=lang,
                        save_as=wrapper.save_as,
                        template=kind,
                        url=wrapper.url,
                        posts=grouped,
                        **{kind: wrapper},
                    )
            # A page per year (/en/2025/) and per month (/en/2025/11/).
            by_period: dict[tuple[int, ...], list[Any]] = defaultdict(list)
            for post in posts:
                by_period[(post.date.year,)].append(post)
                by_period[(post.date.year, post.date.month)].append(post)
            for period, grouped in by_period.items():
                path = "/".join(f"{part:02d}" for part in period) + "/"
                self._write(
                    writer,
                    lang=lang,
                    save_as=f"{lang}/{path}index.html",
                    template="period_archives",
                    url=f"{lang}/{path}",
                    posts=grouped,
                    period=period,
                    period_num=period,
                )
            writer.write_file(
                f"{lang}/404.html",
                self.get_template("not_found"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=f"{lang}/404.html",
                page_lang=lang,
            )

    def _write_archives(self, writer: Any, lang: str, posts: list[Any]) -> None:
        """Write /archives/ of `lang`: years, newest first, with their months."""
        url = self.context["LIST_VERSIONS"][("archives", "")][lang]
        writer.write_file(
            url + "index.html",
            self.get_template("archives"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            page_lang=lang,
            archive_years=archive_years(posts),
        )

    def _write(
        self,
        writer: Any,
        *,
        lang: str,
        save_as: str,
        template: str,
        url: str,
        posts: list[Any],
        **extra: Any,
    ) -> None:
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            paginated={"articles": posts, "dates": posts},
            template_name=template,
            url=url,
            page_lang=lang,
            articles=posts,
            dates=posts,
            **extra,
        )
