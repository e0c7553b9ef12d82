"""Pages rendered by two processes make the same site as one process, byte for byte.

The build renders its pages at the end, shared among BUILD_WORKERS
processes forked from it (site_build/workers.py). Whatever a page does
while it renders (its share card drawn and kept with it, its file written
or found unchanged) must come out the same as in one process, and the
build record says how many processes rendered.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.integration.test_incremental_pages import differences
from tests.support import run_pelican
from tools.corpus import Corpus, edit_post, write_ours

NOW = 1764600000  # 2025-12-01
# People, works, translations, events, photos: every kind of page.
CORPUS = Corpus(48, photos=True)


def build(site: Path, workers: int) -> dict:
    """Build `site` with `workers` processes; return its build record."""
    result = run_pelican(
        site,
        source_date_epoch=NOW,
        BUILD_WORKERS=workers,
        # Cards drawn afresh by this build's processes (the photos' cache too).
        MEDIA={"cache_path": str(site / "media-cache")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    records = json.loads((site / ".cache/build/records.json").read_text("utf-8"))
    return records[str((site / "output").resolve())]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The corpus built twice: by one process, then by two."""
    one = write_ours(tmp_path_factory.mktemp("one-process"), CORPUS)
    two = tmp_path_factory.mktemp("two-processes")
    shutil.copytree(one, two, dirs_exist_ok=True)
    folders = {1: one, 2: two}
    records = {workers: build(site, workers) for workers, site in folders.items()}
    return folders, records


def test_two_processes_make_the_same_site_as_one(sites):
    folders, records = sites
    assert records[1]["render_processes"] == 1
    assert records[2]["render_processes"] == 2
    assert records[2]["pages_rendered"] == records[1]["pages_rendered"] > 100
    assert differences(folders[1] / "output", folders[2] / "output") == []


def test_every_share_card_drawn_by_the_other_process_is_kept(sites):
    folders, records = sites
    cards = sorted((folders[2] / "output/media/share").iterdir())
    assert len(cards) > 50
    assert {f"media/share/{card.name}" for card in cards} <= set(records[2]["outputs"])


def test_a_rebuild_after_an_edit_renders_only_what_changed_in_either(sites):
    folders, _records = sites
    post = CORPUS.post(7)
    for site in folders.values():
        edit_post(
            site / "content/posts" / str(post.year) / post.slug, "index.vi.md", "9:00"
        )
    rebuilt = {workers: build(site, workers) for workers, site in folders.items()}
    assert rebuilt[1]["pages_rendered"] == rebuilt[2]["pages_rendered"]
    assert rebuilt[1]["pages_reused"] > 100
    assert differences(folders[1] / "output", folders[2] / "output") == []


def test_the_check_says_the_same_problems_in_the_same_order_from_two_processes(
    tmp_path,
):
    site = write_ours(tmp_path / "site", Corpus(40))
    for number, (old, new) in {
        3: ("date:", "date: 31/02/2025\nold_date:"),
        17: ("category:", "category: khong-co\nold_category:"),
        29: ("title:", "title:\nold_title:"),
    }.items():
        post = CORPUS.post(number)
        path = site / "content/posts" / str(post.year) / post.slug / "index.vi.md"
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    said = {}
    for workers in (1, 2):
        result = run_pelican(site, source_date_epoch=NOW, BUILD_WORKERS=workers)
        assert result.returncode != 0
        said[workers] = result.stdout + result.stderr
    assert said[1].count("index.vi.md") >= 3
    assert said[1] == said[2]
