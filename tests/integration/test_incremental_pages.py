"""A rebuild renders only the pages that may have changed, and gets them all right.

After each kind of change a writer makes, the site rebuilt in place (pages
reused from the last build where their key did not change) must be the same
bytes as the same content built from nothing into an empty folder.
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest

from tests.support import jpeg, run_pelican
from tools.corpus import Corpus, write_ours

NOW = 1764600000  # 2025-12-01
CORPUS = Corpus(24, photos=True)


def build(site: Path, output: str) -> dict:
    """Build `site` into `output`; return the build's record."""
    result = run_pelican(site, source_date_epoch=NOW, OUTPUT_PATH=str(site / output))
    assert result.returncode == 0, result.stdout + result.stderr
    records = json.loads((site / ".cache/build/records.json").read_text("utf-8"))
    return records[str((site / output).resolve())]


def differences(left: Path, right: Path) -> list[str]:
    """Return the files that differ between two folders, or exist in one only."""
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, "")]
    while stack:
        node, prefix = stack.pop()
        found += [prefix + name for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        found += [prefix + name for name in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return sorted(found)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_ours(tmp_path_factory.mktemp("incremental"), CORPUS)
    build(root, "output")
    return root


def post_file(site: Path, number: int, name: str = "index.vi.md") -> Path:
    post = CORPUS.post(number)
    return site / "content/posts" / str(post.year) / post.slug / name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def body_edit(site):
    path = post_file(site, 5)
    path.write_text(path.read_text("utf-8") + "\nMột câu mới ở cuối bài.\n", "utf-8")


def title_edit(site):
    edit(post_file(site, 7), f"title: {CORPUS.post(7).title}", "title: Tiêu đề mới")


def new_post(site):
    text = post_file(site, 3).read_text("utf-8").replace("title: ", "title: Bài mới – ")
    folder = site / "content/posts/2025/bai-moi-them"
    folder.mkdir()
    (folder / "index.vi.md").write_text(text, encoding="utf-8")


def deleted_post(site):
    for path in post_file(site, 9).parent.iterdir():
        path.unlink()
    post_file(site, 9).parent.rmdir()


def renamed_person(site):
    path = site / "content/people/nguoi-0001/index.vi.md"
    edit(path, "name: ", "name: Nhà thơ ")


def replaced_photo(site):
    number = next(n for n in range(CORPUS.posts) if CORPUS.post(n).photos)
    name = CORPUS.post(number).photos[0][0]
    post_file(site, number, name).write_bytes(jpeg(90, 70))


def english_names_of_tags(site):
    (site / "data/tags.yml").write_text(
        "tags:\n  - {tag: văn hoá đọc, en: the culture of reading}\n", encoding="utf-8"
    )


CHANGES = [
    body_edit,
    title_edit,
    new_post,
    deleted_post,
    renamed_person,
    replaced_photo,
    english_names_of_tags,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_a_rebuild_after_a_change_is_a_build_from_nothing(site, change):
    change(site)
    record = build(site, "output")
    fresh = f"output-{change.__name__}"
    build(site, fresh)
    assert differences(site / "output", site / fresh) == []
    if change is body_edit:
        # Its page, in one language: nothing else shows a post's text.
        assert record["pages_rendered"] == 1
        assert record["pages_reused"] > 50
