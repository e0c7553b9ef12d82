"""Every UI string of the theme and plugins is in the catalogues, translated."""

from __future__ import annotations

import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

import tasks
from tests.support import REPO

LANGUAGES = ["vi"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Extract the strings now, as `invoke i18n-extract` does, into a temporary file."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            *tasks.EXTRACT.split(),
            "-o",
            str(pot),
            *tasks.EXTRACT_FROM.split(),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as source:
        return {
            m.id if isinstance(m.id, str) else m.id[0] for m in read_po(source) if m.id
        }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated(extracted, lang):
    path = REPO / "theme/translations" / lang / "LC_MESSAGES/messages.po"
    with path.open("rb") as source:
        catalogue = read_po(source, locale=lang)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id
        and all(m.string if isinstance(m.string, tuple) else [m.string])
        and "fuzzy" not in m.flags
    }
    assert sorted(extracted - translated) == []


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
    pot = tmp_path / "templates.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            *tasks.EXTRACT.split(),
            "-o",
            str(pot),
            "theme/templates",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as source:
        wanted = {
            m.id if isinstance(m.id, str) else m.id[0] for m in read_po(source) if m.id
        }
    path = REPO / "theme/translations/fr/LC_MESSAGES/messages.po"
    with path.open("rb") as source:
        catalogue = read_po(source, locale="fr")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id
        and all(m.string if isinstance(m.string, tuple) else [m.string])
        and "fuzzy" not in m.flags
    }
    assert len(wanted) > 100
    assert sorted(wanted - translated) == []
