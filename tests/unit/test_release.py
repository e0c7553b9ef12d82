"""A tag is released only as the version every file names; its notes are the changelog's."""

from __future__ import annotations

import shutil

from ruamel.yaml import YAML

from tests.support import REPO
from tools.release import changelog_notes, main, release_problems, versions


def test_the_current_version_may_be_released():
    (version,) = set(versions().values())
    assert release_problems(f"v{version}") == []
    assert changelog_notes(version).startswith("The generator of")


def test_a_tag_of_another_version_is_refused_with_each_file_that_differs():
    assert release_problems("v9.9.9") == [
        f"pyproject.toml says {versions()['pyproject.toml']}, the tag v9.9.9",
        f"copier.yml says {versions()['copier.yml']}, the tag v9.9.9",
        "CHANGELOG.md has no section '## 9.9.9 (YYYY-MM-DD)'",
    ]
    assert release_problems("1.0") == ["the tag '1.0' is not a version like v1.2.0"]


def test_the_notes_are_the_versions_section_only(tmp_path):
    for name in ("pyproject.toml", "copier.yml"):
        shutil.copyfile(REPO / name, tmp_path / name)
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 2.0.0 (2027-01-02)\n\nNew.\n\n## 1.0.0 (2026-12-06)\n\nOld.\n",
        "utf-8",
    )
    assert changelog_notes("2.0.0", tmp_path) == "New.\n"
    assert changelog_notes("1.0.0", tmp_path) == "Old.\n"
    assert changelog_notes("1.1.0", tmp_path) is None


def test_the_command_writes_the_notes_or_says_why_not(tmp_path, capsys):
    (version,) = set(versions().values())
    notes = tmp_path / "notes.md"
    assert main([f"v{version}", "--notes", str(notes)]) == 0
    assert notes.read_text("utf-8") == changelog_notes(version)
    assert main(["v0.0.1"]) == 1
    assert "cannot release: pyproject.toml says" in capsys.readouterr().err


def test_the_release_workflow_checks_the_tag_before_it_builds():
    workflow = YAML(typ="safe").load(
        (REPO / ".github/workflows/release.yml").read_text("utf-8")
    )
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    runs = [step.get("run", "") for step in workflow["jobs"]["release"]["steps"]]
    check = next(i for i, run in enumerate(runs) if "tools.release" in run)
    build = next(i for i, run in enumerate(runs) if "pip wheel" in run)
    release = next(i for i, run in enumerate(runs) if "gh release create" in run)
    assert check < build < release
    assert "--notes-file notes.md" in runs[release]
