"""The generator of /people/, /works/ and a page per person and work, per language."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from site_build.output import output_files
from site_i18n.paths import language_prefix

from .entries import SECTIONS, make_entries
from .registry import Registry
from .settings import load_settings


class PeopleWorksGenerator(Generator):
    """Read people and works from the content check; write their pages and indexes."""

    def generate_context(self) -> None:
        """Make entries, link them with the posts, share the registry with templates."""
        cfg = load_settings(self.settings)
        check = self.context["CONTENT_CHECK"]
        default = self.settings["DEFAULT_LANG"]
        entries = make_entries(
            list(check.documents.values()), self.settings, check.cfg.show_drafts
        )
        self.registry = Registry(entries, default)
        self.registry.link(self.context.get("POSTS_BY_LANG", {}))
        for entry in entries:
            audio = entry.metadata.get("audio")
            if audio:
                entry.audio_url = (
                    f"{cfg.media_path}/{SECTIONS['work']}/{entry.slug}/{audio}"
                )
        self.context["PEOPLE_WORKS"] = self.registry
        # The media pipeline publishes their portraits, covers and photos too.
        self.context["PEOPLE_WORKS_ENTRIES"] = entries
        self.context["PEOPLE_WORKS_URLS"] = {
            kind: {
                lang: f"{language_prefix(lang, default)}{section}/"
                for lang in self.settings["LANGUAGES"]
                if self.registry.of(kind, lang)
            }
            for kind, section in SECTIONS.items()
        }

    def generate_output(self, writer: Any) -> None:
        """Write each entry, the two indexes per language, and publish songs' audio."""
        for entry in self.registry.entries:
            writer.write_file(
                entry.save_as,
                self.get_template(entry.entry_type),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=entry.url,
                entry=entry,
                page_lang=entry.lang,
                versions={
                    entry.lang: entry.url,
                    **{t.lang: t.url for t in entry.translations},
                },
            )
            if entry.audio_url:
                self._publish_audio(entry)
        for kind, section in SECTIONS.items():
            versions = self.context["PEOPLE_WORKS_URLS"][kind]
            for lang, url in versions.items():
                writer.write_file(
                    f"{url}index.html",
                    self.get_template(section),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=url,
                    entries=self.registry.of(kind, lang),
                    page_lang=lang,
                    versions=versions,
                    menu_current=section,
                )

    def _publish_audio(self, entry: Any) -> None:
        """Copy a song's audio file as it is (sound carries no camera metadata)."""
        output_files(self.context, self.output_path).copy(
            entry.folder / entry.metadata["audio"], entry.audio_url
        )


def get_generators(_pelican: Any) -> type[Generator]:
    """Return the people and works generator."""
    return PeopleWorksGenerator
