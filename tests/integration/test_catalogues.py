"""Every UI string of the theme and plugins is in the catalogues, translated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import tasks
from tests.support import REPO

LANGUAGES = ["vi"]


def extract(pot: Path, *sources: str) -> set[str]:
    """Extract the strings of `sources` as `invoke i18n-extract` does; return them."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            *tasks.EXTRACT.split(),
            "-o",
            str(pot),
            *sources,
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as source:
        return {
            m.id if isinstance(m.id, str) else m.id[0] for m in read_po(source) if m.id
        }


def translated(lang: str) -> set[str]:
    """Return the messages the theme's catalogue of `lang` translates (not fuzzy)."""
    path = REPO / "theme/translations" / lang / "LC_MESSAGES/messages.po"
    with path.open("rb") as source:
        catalogue = read_po(source, locale=lang)
    return {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id
        and all(m.string if isinstance(m.string, tuple) else [m.string])
        and "fuzzy" not in m.flags
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Every string of the theme, plugins, tools and tasks, extracted now."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    return extract(pot, *tasks.EXTRACT_FROM.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated(extracted, lang):
    assert sorted(extracted - translated(lang)) == []


def test_strings_were_extracted(extracted):
    assert {"Skip to main content", "Photo: %(credit)s"} <= extracted


def test_the_writers_messages_and_the_tasks_help_are_extracted(extracted):
    assert {
        "Done in {seconds} s. Posts: {posts} (drafts: {draft_posts}, hidden: "
        "{hidden_posts}). Pages: {pages} (drafts: {draft_pages}, hidden: "
        "{hidden_pages}).",
        "Start a post (content/posts/<year>/<slug>/index.vi.md) or a translation "
        "of one.\n\nThe Vietnamese text is index.vi.md, not index.md: the editing "
        "interface\n(/admin/) names every language's file by its language and "
        "cannot open an\nindex.md.",
        "port to serve on (default 8000, or a free one if busy)",
        "Port {wanted} is busy: using {port}.",
    } <= extracted


def test_every_string_readers_see_is_translated_in_french(tmp_path):
    """French, the generator's third language: every string of the templates."""
    wanted = extract(tmp_path / "templates.pot", "theme/templates")
    assert len(wanted) > 100
    assert sorted(wanted - translated("fr")) == []
